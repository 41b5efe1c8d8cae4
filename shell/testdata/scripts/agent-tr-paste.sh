# reshape text
paste -d, data/words.txt data/numbers.txt
tr -s '\n' ' ' < docs/notes.txt; echo
rev docs/guide.txt > r.txt; tac r.txt; rm r.txt
nl -ba docs/notes.txt
fold -w 5 docs/guide.txt | head -n 3

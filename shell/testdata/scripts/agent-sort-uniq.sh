# word statistics
sort data/words.txt | uniq -c | sort -rn
sort -n data/numbers.txt | tail -n 2
cut -d= -f1 config.env | tr 'a-z' 'A-Z'
wc -l docs/*.txt | sort -n

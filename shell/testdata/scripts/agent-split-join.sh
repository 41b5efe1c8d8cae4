# split a file and reassemble it
split -l 2 docs/notes.txt part-
ls part-*
cat part-* | cmp - docs/notes.txt && echo same
sort data/words.txt > a.sorted; sort -u data/words.txt > b.sorted
comm -3 a.sorted b.sorted
join <(printf '1 one\n2 two\n') <(printf '1 uno\n2 dos\n')
rm part-* a.sorted b.sorted

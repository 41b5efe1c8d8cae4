echo out > out.txt
echo more >> out.txt
echo err 2> err.txt >&2
ls missing-file 2>/dev/null; echo "status $?"
{ echo a; echo b >&2; } > both.txt 2>&1
cat out.txt err.txt both.txt
cat < docs/guide.txt > copy.txt
echo "$(<copy.txt)"
: > truncated.txt; [ -s truncated.txt ] || echo "truncated is empty"

bash -c 'echo "args: $0 $1 $2"' prog first second
bash -c 'for f in docs/*.txt; do echo "doc $f"; done'
bash -c 'echo inline > inline.txt'
cat inline.txt
out=$(bash -c 'echo captured; exit 2'); echo "$out $?"

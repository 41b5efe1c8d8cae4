(echo one; echo two) > sub.txt
(echo three) >> sub.txt
cat sub.txt
( cd docs; for f in *.txt; do echo "$f"; done ) > docs-list.txt
cat docs-list.txt
out=$( (echo a; echo b >&2) 2>&1 ); echo "$out"

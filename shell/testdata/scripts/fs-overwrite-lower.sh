echo replaced > docs/notes.txt
cat docs/notes.txt
: > README.md
[ -s README.md ] || echo "README truncated"
cat data/numbers.txt > data/copy.txt
cat data/copy.txt

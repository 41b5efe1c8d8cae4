cp README.md readme-copy.md
cat readme-copy.md
cp config.env docs/
cat docs/config.env
cp docs/guide.txt docs/notes.txt data/
ls data
cp missing.txt x 2>/dev/null; echo "cp missing $?"

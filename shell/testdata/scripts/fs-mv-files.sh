mv README.md README.txt
mv config.env docs/
ls docs
mv docs/guide.txt docs/notes.txt data/
ls data docs
mv nothere x 2>/dev/null; echo "mv missing $?"
mv -v data/words.txt data/w.txt

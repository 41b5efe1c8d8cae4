mv src tmp-src
mv tmp-src src
mv docs/notes.txt notes.tmp
mv notes.tmp docs/notes.txt
mv README.md R && mv R README.md
ls

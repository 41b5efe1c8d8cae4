cd src/lib
cat strings.go
echo note > note.txt
cd ../..
cat src/lib/note.txt
ls src/lib

rm -r src/lib
ls src
mkdir src/lib
ls src/lib
echo back > src/lib/new.go
ls src/lib
rm docs/notes.txt
touch docs/notes.txt
cat docs/notes.txt; echo "notes is now empty"

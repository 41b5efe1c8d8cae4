rm docs/guide.txt
echo "new guide" > docs/guide.txt
cat docs/guide.txt
rm -r src
mkdir src
echo "package x" > src/x.go
ls src

rm -rf docs
mkdir docs
ls docs
echo new > docs/guide.txt
cat docs/guide.txt
rm -r src/lib
ls src

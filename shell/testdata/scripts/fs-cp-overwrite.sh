echo new-content > target.txt
cp target.txt docs/guide.txt
cat docs/guide.txt
cp -n README.md docs/guide.txt
cat docs/guide.txt
cp -v config.env config.bak
cp -f config.bak config.env
cat config.env

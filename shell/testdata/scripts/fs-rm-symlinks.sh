rm guide-link
cat docs/guide.txt
rm src-link
ls src
rm dangling
ls -A

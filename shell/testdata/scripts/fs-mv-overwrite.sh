echo fresh > fresh.txt
mv fresh.txt docs/guide.txt
cat docs/guide.txt
[ -e fresh.txt ] || echo "source gone"
mv -n README.md docs/guide.txt
cat docs/guide.txt
ls README.md

touch blank1.txt data/blank2.txt
removed=0
for f in *.txt data/*.txt docs/*.txt; do
  if [ -f "$f" ] && [ ! -s "$f" ]; then rm "$f"; echo "removed $f"; removed=$((removed + 1)); fi
done
echo "$removed removed"
ls data

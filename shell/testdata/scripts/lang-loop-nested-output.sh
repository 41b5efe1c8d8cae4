for d in src docs data; do
  echo "== $d"
  for f in "$d"/*; do
    [ -f "$f" ] || continue
    echo "  ${f#$d/}"
  done
done > listing.txt
cat listing.txt

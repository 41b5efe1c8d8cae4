find_first() {
  local f
  for f in "$@"; do
    if [ -f "$f" ]; then echo "found $f"; return 0; fi
  done
  return 1
}
find_first nope.txt docs/guide.txt README.md
find_first a b || echo "none found $?"

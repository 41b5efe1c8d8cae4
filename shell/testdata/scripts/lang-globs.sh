echo src/*.go
echo docs/?uide.txt
echo data/[ew]*.txt
echo nomatch-*
shopt -s nullglob; echo "[" nomatch-* "]"; shopt -u nullglob
shopt -s globstar; echo src/**/*.go
for f in .*; do echo "dot: $f"; done

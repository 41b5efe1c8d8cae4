echo src/*.go
echo docs/?uide.txt
echo data/[ew]*.txt
echo nomatch-*
shopt -s nullglob; echo "[" nomatch-* "]"; shopt -u nullglob
shopt -s globstar; echo src/**/*.go
echo .* | tr ' ' '\n' | sort

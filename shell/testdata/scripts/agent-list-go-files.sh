shopt -s globstar nullglob
files=(src/**/*.go)
echo "${#files[@]} go files"
for f in "${files[@]}"; do
  dir=${f%/*}; [[ $f == */* ]] || dir=.
  echo "$dir -> ${f##*/}"
done
none=(docs/**/*.go); echo "docs: ${#none[@]}"

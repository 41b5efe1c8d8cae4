shopt -s globstar
for f in src/**/*.go docs/*.txt; do
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    if [[ $line == *TODO* ]]; then echo "$f:$n: ${line#"${line%%[![:space:]]*}"}"; fi
  done < "$f"
done

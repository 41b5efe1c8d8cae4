declare -A seen
out=()
while IFS= read -r w; do
  [[ -n ${seen[$w]+x} ]] && continue
  seen[$w]=1; out+=("$w")
done < data/words.txt
printf '%s\n' "${out[@]}" > data/words.txt
cat data/words.txt
echo "${#out[@]} unique"

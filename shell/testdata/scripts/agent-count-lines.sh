total=0
for f in docs/*.txt data/*.txt; do
  n=0
  while IFS= read -r _; do n=$((n + 1)); done < "$f"
  printf '%4d %s\n' "$n" "$f"
  total=$((total + n))
done
printf '%4d total\n' "$total"

printf '%-10s %5s\n' NAME COUNT
while read -r w; do
  printf '%-10s %5d\n' "$w" ${#w}
done < data/words.txt
printf '%s\n' "---"
printf '%3d|' 1 22 333 4444; echo
printf 'literal %% and \\ backslash\n'

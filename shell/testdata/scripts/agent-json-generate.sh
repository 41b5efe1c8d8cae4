names=(alpha beta gamma)
{
  echo "["
  for i in "${!names[@]}"; do
    sep=,; (( i == ${#names[@]} - 1 )) && sep=
    printf '  {"id": %d, "name": "%s"}%s\n' "$((i + 1))" "${names[i]}" "$sep"
  done
  echo "]"
} > items.json
cat items.json

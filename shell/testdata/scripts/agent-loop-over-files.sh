count=0
for f in src/*.go src/lib/*.go; do
  lines=0
  while IFS= read -r _; do lines=$((lines + 1)); done < "$f"
  echo "$f: $lines"
  count=$((count + 1))
done
echo "total files: $count"

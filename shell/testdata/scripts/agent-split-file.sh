mkdir -p parts
i=0
while IFS= read -r line; do
  i=$((i + 1))
  echo "$line" > "parts/part-$i.txt"
done < docs/notes.txt
ls parts
cat parts/part-3.txt
for p in parts/*; do cat "$p"; done > joined.txt
cat joined.txt

mkdir -p archive/2024
for f in docs/*.txt data/*.txt; do
  dest="archive/2024/${f//\//_}"
  mv "$f" "$dest"
done
ls archive/2024
ls docs data

for f in docs/*.txt; do
  mv "$f" "${f%.txt}.md"
done
ls docs
for f in data/*.txt; do
  base=${f##*/}
  cp "$f" "data/backup-${base%.*}.bak"
done
ls data

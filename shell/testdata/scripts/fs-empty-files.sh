for f in data/*; do
  if [ -s "$f" ]; then echo "$f has data"; else echo "$f is empty"; fi
done
: > data/numbers.txt
touch data/new.txt
for f in data/*; do [ -s "$f" ] || echo "empty: $f"; done

while IFS='=' read -r key value; do
  echo "key=[$key] value=[$value]"
done < config.env
printf 'a b c\nd e\n' > fields.txt
while read -r first rest; do echo "first=$first rest=$rest"; done < fields.txt
n=0; while read -r _; do n=$((n + 1)); done < docs/notes.txt; echo "lines $n"

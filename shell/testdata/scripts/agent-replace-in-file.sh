replace() {
  local file=$1 from=$2 to=$3 line
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "${line//"$from"/$to}"
  done < "$file" > "$file.new" && mv "$file.new" "$file"
}
replace src/main.go hello "hello, world"
replace docs/guide.txt line LINE
cat src/main.go docs/guide.txt
ls src docs

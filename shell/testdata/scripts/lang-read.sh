while IFS= read -r line; do echo "got: $line"; done < docs/notes.txt
IFS='=' read -r key value < config.env; echo "$key is $value"
read -r a; read -r b; echo "stdin: $a / $b"
mapfile -t lines < docs/guide.txt; echo "${#lines[@]} ${lines[2]}"

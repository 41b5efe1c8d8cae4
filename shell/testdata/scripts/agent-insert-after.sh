out=()
while IFS= read -r line; do
  out+=("$line")
  if [[ $line == 'import "fmt"' ]]; then out+=('import "os"'); fi
done < src/main.go
printf '%s\n' "${out[@]}" > src/main.go
cat src/main.go

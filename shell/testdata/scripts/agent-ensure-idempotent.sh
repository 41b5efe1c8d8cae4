ensure_line() { local file=$1 line=$2 l; if [ -f "$file" ]; then while IFS= read -r l; do [ "$l" = "$line" ] && return 0; done < "$file"; fi; echo "$line" >> "$file"; }
for i in 1 2; do
  mkdir -p build/cache
  ensure_line .gitignore "build/"
  ensure_line .gitignore "*.log"
done
cat .gitignore
ls -A

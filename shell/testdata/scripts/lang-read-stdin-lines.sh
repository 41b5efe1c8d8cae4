n=0
while IFS= read -r line; do
  n=$((n + 1))
  echo "$n: ${line^^}"
done
echo "read $n lines from stdin"

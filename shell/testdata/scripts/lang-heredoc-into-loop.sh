while read -r name count; do
  echo "$name has $count"
done <<EOF
apples 3
pears 5
figs 0
EOF
total=0
while read -r n; do total=$((total + n)); done <<< "$(printf '%s\n' 4 5 6)"
echo "total $total"

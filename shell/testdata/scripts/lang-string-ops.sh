s="Hello, World"
rev=""
for ((i = ${#s} - 1; i >= 0; i--)); do rev+=${s:i:1}; done
echo "$rev"
count=0
for ((i = 0; i < ${#s}; i++)); do if [[ ${s:i:1} == [lo] ]]; then count=$((count + 1)); fi; done
echo "l/o count $count"
pad=$(printf '%-8s|' "ab"); echo "$pad"
line=""; for i in 1 2 3 4 5; do line+="="; done; echo "$line"

declare -A count
while read -r w; do count[$w]=$(( ${count[$w]:-0} + 1 )); done < data/words.txt
keys=("${!count[@]}")
for ((i = 1; i < ${#keys[@]}; i++)); do
  k=${keys[i]}; j=$((i - 1))
  while (( j >= 0 )) && [[ ${keys[j]} > $k ]]; do keys[j+1]=${keys[j]}; j=$((j - 1)); done
  keys[j+1]=$k
done
for k in "${keys[@]}"; do echo "$k ${count[$k]}"; done
echo "distinct ${#keys[@]}"

mapfile -t nums < data/numbers.txt
for ((i = 1; i < ${#nums[@]}; i++)); do
  v=${nums[i]}; j=$((i - 1))
  while (( j >= 0 && nums[j] > v )); do nums[j+1]=${nums[j]}; j=$((j - 1)); done
  nums[j+1]=$v
done
printf '%s\n' "${nums[@]}" > data/sorted.txt
cat data/sorted.txt

list=()
for f in src/*.go docs/*.txt; do list+=("$f"); done
echo "${#list[@]} files"
for i in "${!list[@]}"; do echo "$i: ${list[i]}"; done
nums=(3 1 2 10)
sum=0; for n in "${nums[@]}"; do (( sum += n )); done; echo "sum $sum"
max=${nums[0]}; for n in "${nums[@]}"; do (( n > max )) && max=$n; done; echo "max $max"

arr=(one two three)
echo "${arr[1]} ${#arr[@]} ${arr[@]:1}"
arr+=(four); echo "${arr[*]}"
for i in "${!arr[@]}"; do echo "$i=${arr[$i]}"; done
declare -A m=([k1]=v1 [k2]=v2)
for k in k1 k2; do echo "$k -> ${m[$k]}"; done
unset 'arr[0]'; echo "${arr[@]}"

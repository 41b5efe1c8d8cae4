line="alpha,beta,gamma"
IFS=, read -ra parts <<< "$line"
echo "${#parts[@]}"
for p in "${parts[@]}"; do echo "[$p]"; done
str="one two   three"
arr=($str); echo "${#arr[@]} ${arr[2]}"
path="a/b/c"; IFS=/ read -ra seg <<< "$path"; echo "${seg[-1]} ${#seg[@]}"

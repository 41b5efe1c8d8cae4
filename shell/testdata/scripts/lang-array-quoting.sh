files=("a file" "b" "c d e")
echo "count ${#files[@]}"
for f in "${files[@]}"; do echo "at: [$f]"; done
for f in "${files[*]}"; do echo "star: [$f]"; done
for f in ${files[@]}; do echo "unquoted: [$f]"; done
IFS=: ; echo "joined ${files[*]}"; unset IFS
copy=("${files[@]:1}"); echo "${#copy[@]} ${copy[0]}"

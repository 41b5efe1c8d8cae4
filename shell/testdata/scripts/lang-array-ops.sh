a=(zero one two three)
a[5]=five
echo "${#a[@]} ${!a[@]}"
a+=(six)
echo "${a[@]}"
echo "${a[-1]} ${a[3]}"
unset 'a[1]'
echo "${!a[@]}"
b=("${a[@]}")
echo "${!b[@]}"
a=()
echo "empty ${#a[@]}"

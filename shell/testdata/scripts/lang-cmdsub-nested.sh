echo "outer $(echo "middle $(echo inner)")"
echo `echo backticks`
x=$(printf 'trail\n\n\n'); echo "[$x]"
y=$(printf '\n\nlead'); echo "[$y]"
n=$(echo $(echo a   b    c)); echo "$n"
q="$(echo "quoted   spaces")"; echo "$q"
files=$(cat config.env); echo "${#files}"

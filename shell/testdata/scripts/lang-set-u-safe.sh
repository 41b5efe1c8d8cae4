set -u
echo "default ${maybe:-none}"
echo "alt [${maybe:+x}]"
arr=()
echo "count ${#arr[@]}"
set -- a b; echo "$# $1"
f() { echo "arg ${1:-noarg}"; }; f
x=1; echo "x=$x"
set +u; echo "undefined ok [$undefined]"

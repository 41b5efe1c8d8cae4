arr=(a b c)
IFS=,; echo "${arr[*]}"; IFS=-; echo "$*" "${arr[*]}"; unset IFS
join() { local IFS=$1; shift; echo "$*"; }
join / usr local bin
join '' x y z
echo "after join IFS is default: ${arr[*]}"

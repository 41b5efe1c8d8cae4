set -- "a b" c "d  e"
echo $#
for a in "$@"; do echo "[$a]"; done
for a in $@; do echo "<$a>"; done
echo "$*"
IFS=,; echo "$*"; unset IFS
echo "${1}" "${3}" "${10:-none}"
set -- 1 2 3 4 5 6 7 8 9 10 11
echo "$10 ${@:10}"
set --; echo "empty: $# [$*]"

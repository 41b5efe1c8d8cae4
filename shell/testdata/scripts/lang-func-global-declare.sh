setg() { declare -g G=global-from-func; local L=local; }
setg; echo "G=$G L=[${L-unset}]"
counter() { count=$(( ${count:-0} + 1 )); }
for i in 1 2 3; do counter; done; echo "count=$count"
mk() { declare -ga list=(p q r); }
mk; echo "${list[1]}"

i=0
until [ $i -ge 3 ]; do echo "until $i"; i=$((i + 1)); done
until false; do echo once; break; done
s=""; until [ ${#s} -ge 5 ]; do s+=x; done; echo "$s"
j=3; until (( j == 0 )); do echo -n "$j "; (( j-- )); done; echo

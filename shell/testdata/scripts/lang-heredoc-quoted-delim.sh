v=value
cat <<'A'
single: $v $(echo no)
A
cat <<"B"
double: $v
B
cat <<\C
backslash: $v
C
cat <<D
plain: $v
D

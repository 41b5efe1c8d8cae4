i=outer
f() { local i; for i in 1 2 3; do :; done; echo "f i=$i"; }
f; echo "global i=$i"
g() { for i in a b; do :; done; }
g; echo "g leaked i=$i"
h() { local x=1; (x=2; echo "sub $x"); echo "h $x"; }
h

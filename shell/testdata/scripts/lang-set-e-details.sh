set -e
f() { false; echo "f continued"; }
f || echo "f failed but in || context"
if ! false; then echo "negation fine"; fi
false && echo "no"
echo "after && list"
x=$(echo sub); echo "x=$x"
g() { echo "g runs"; return 3; }
g
echo "not reached"

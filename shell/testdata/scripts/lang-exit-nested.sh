f() { g; echo "f after g"; }
g() { exit 11; }
echo before
f
echo "not reached"

x=1
(x=2; y=3; echo "in: $x $y")
echo "out: $x [${y-unset}]"
(cd src && pwd)
pwd
(exit 3); echo "status $?"
(set -e; false; echo "not here"); echo "subshell set -e $?"
f() { echo "func"; }
(f; unset -f f); f

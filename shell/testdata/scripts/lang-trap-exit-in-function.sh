trap 'echo "trap status $?"' EXIT
die() { echo "dying: $1"; exit "$2"; }
echo start
die "bad thing" 6
echo "not reached"

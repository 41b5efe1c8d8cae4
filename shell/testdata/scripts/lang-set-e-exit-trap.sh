set -e
trap 'echo "trap sees $?"' EXIT
echo start
cat missing-file 2>/dev/null
echo "not reached"

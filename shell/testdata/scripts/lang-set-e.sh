set -e
echo start
false || echo "recovered"
if false; then :; fi
echo "still going"
false
echo "not reached"

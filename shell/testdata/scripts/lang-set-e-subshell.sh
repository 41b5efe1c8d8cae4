(set -e; false; echo "not reached in subshell"); echo "subshell status $?"
(set -e; true; echo "subshell ok")
set -e
out=$(echo ok; true); echo "$out"
set +e
false; echo "set +e continues $?"
set -e
false
echo "not reached"

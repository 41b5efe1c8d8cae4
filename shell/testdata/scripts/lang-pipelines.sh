printf 'c\nb\na\n' | sort | head -n 2
echo hello | tr a-z A-Z
set -o pipefail
false | true; echo "pipefail $?"
set +o pipefail
false | true; echo "no pipefail $?"
! true; echo "negated $?"

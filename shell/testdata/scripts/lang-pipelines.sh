printf 'c\nb\na\n' | while read -r l; do echo "got $l"; done | cat
echo hello | { read -r w; echo "${w^^}"; }
set -o pipefail
false | true; echo "pipefail $?"
set +o pipefail
false | true; echo "no pipefail $?"
! true; echo "negated $?"

bash -c 'trap "echo child exit trap" EXIT; echo "in child"'
echo "between"
trap 'echo "main exit trap"' EXIT
( echo "subshell body" )
echo "main body"

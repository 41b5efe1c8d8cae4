trap 'echo first' EXIT
trap 'echo second' EXIT
trap - EXIT
trap 'echo final trap' EXIT
echo body
exit 2

# divergence: exit 127->1 mvdan/sh exits 1 on an unbound variable under set -u; bash exits 127
set -u
echo "defined ${HOME:+yes}"
echo "$undefined_var"
echo "not reached"

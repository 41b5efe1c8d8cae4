name=target; target="the value"
echo "${!name}"
show() { local var=$1; echo "$var=${!var}"; }
HOST=example PORT=80
for v in HOST PORT; do show $v; done
declare -n nr=target
echo "$nr"; nr=changed; echo "$target"
setvar() { local -n out=$1; out="set by ref"; }
setvar result; echo "$result"

declare -A m=([a]=1 [b]=2 [c]=3)
unset 'm[b]'
m[a]=${m[a]}0
m[d]=4
for k in a b c d; do echo "$k=${m[$k]-unset}"; done
declare -A empty
echo "[${empty[nothing]}]"

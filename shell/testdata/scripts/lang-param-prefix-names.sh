APP_NAME=demo APP_PORT=8080 APP_DEBUG=1 OTHER=x
echo "${!APP_*}"
for v in "${!APP_@}"; do echo "$v=${!v}"; done
arr=(a b c); arr[7]=h
echo "${!arr[@]}"
echo "[${!NOPE_*}]"

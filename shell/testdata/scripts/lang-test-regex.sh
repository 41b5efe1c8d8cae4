for s in v1.2.3 v10.0.1-rc1 1.2 release; do
  if [[ $s =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)(-(.*))?$ ]]; then
    echo "$s: major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]} pre=[${BASH_REMATCH[5]}]"
  else
    echo "$s: no match"
  fi
done
re='^[a-z]+@[a-z]+\.com$'
for e in bob@example.com bad@x.org; do [[ $e =~ $re ]] && echo "$e ok" || echo "$e bad"; done
[[ "a b" =~ a\ b ]] && echo "escaped space"

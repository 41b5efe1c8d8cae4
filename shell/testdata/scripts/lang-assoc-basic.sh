declare -A color
color[apple]=red
color[banana]=yellow
color["kiwi fruit"]=green
for k in apple banana "kiwi fruit" missing; do
  if [[ -n ${color[$k]+x} ]]; then echo "$k is ${color[$k]}"; else echo "$k unknown"; fi
done
key=apple; color[$key]=green; echo "${color[apple]}"

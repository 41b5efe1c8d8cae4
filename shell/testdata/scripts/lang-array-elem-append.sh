# sandsh bug (interpreter): NAME[i]+=VALUE empties the element instead of appending.
a=(1 2)
a[0]+=5
echo "indexed: ${a[0]} ${a[1]}"
declare -A m=([k]=ab)
m[k]+=cd
m[new]+=x
echo "assoc: ${m[k]} ${m[new]}"
declare -A lines
for f in docs/guide.txt docs/notes.txt; do lines[docs]+="$f "; done
echo "accumulated: [${lines[docs]}]"

cat docs/notes.txt | while read -r l; do echo "${#l} $l"; done
printf '%s\n' 3 1 2 | { sum=0; while read -r n; do sum=$((sum + n)); done; echo "sum $sum"; }
echo "a b c" | { read -r x y z; echo "$z $y $x"; }
cat config.env | cat | cat
printf "x\ny\n" | while read -r l; do echo "$l"; done | while read -r l; do echo "[$l]"; done

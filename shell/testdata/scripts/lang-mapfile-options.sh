mapfile -t -d , csv <<< "a,b,c"
echo "delim: ${#csv[@]} [${csv[2]}]"
mapfile -t fromproc < <(printf '%s\n' p q r)
echo "procsub: ${fromproc[*]}"
mapfile -t arr < docs/notes.txt
arr+=(extra)
echo "${#arr[@]} ${arr[-1]}"

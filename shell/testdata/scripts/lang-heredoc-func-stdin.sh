upper() { while IFS= read -r l; do echo "${l^^}"; done; }
upper <<EOF
one
two words
EOF
count() { local n=0; while read -r _; do n=$((n + 1)); done; echo "$n lines"; }
count <<< $'a\nb\nc'
count < docs/notes.txt

f() { echo out; echo err >&2; }
f 2>&1 | while read -r l; do echo "piped: $l"; done
f |& while read -r l; do echo "both: $l"; done
f 2>/dev/null | cat
f 2>&1 >/dev/null | while read -r l; do echo "only err: $l"; done

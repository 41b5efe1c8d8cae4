for i in 1 2 3; do echo "for $i"; done
for ((i = 0; i < 3; i++)); do echo "c $i"; done
i=0; while [ $i -lt 3 ]; do i=$((i + 1)); [ $i -eq 2 ] && continue; echo "while $i"; done
until [ $i -eq 0 ]; do i=$((i - 1)); done; echo "until $i"
for f in docs/*.txt; do echo "file $f"; done
for x in a b c; do for y in 1 2; do [ $y = 2 ] && break 2; echo "$x$y"; done; done

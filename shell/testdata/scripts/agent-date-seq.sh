# deterministic dates and sequences
date -u -d @0 +%Y-%m-%dT%H:%M:%SZ
date -u -d '2024-02-28 +1 day' +%F
seq 1 3 10 | paste -sd+ | tr -d '\n'; echo
seq -w 8 11
expr 6 \* 7
printf '%05.2f\n' 3.14159

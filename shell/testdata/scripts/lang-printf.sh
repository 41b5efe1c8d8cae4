printf '%s-%s\n' a b c d
printf '%5d|%-5s|%05d\n' 42 ab 7
printf '%x %o %c\n' 255 8 Z
printf 'no newline'; echo
v=$(printf '%s,' 1 2 3); echo "${v%,}"

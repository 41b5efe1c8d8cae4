# printf as bash has it: %q, %(...)T, float precision, widths on %b
printf '%q\n' "a b" 'it'"'"'s' $'tab\there' ''
printf '%.3f|%8.2e|%g|%G\n' 3.14159 12345.678 0.0001 1e20
printf '%-6s|%6s|%06d|%+d|% d|%x|%X|%o|%#x\n' ab cd 42 5 7 255 255 8 255
printf '%5b|%-5b|\n' 'a\tb' x
printf '%(%Y-%m-%d)T\n' 0
printf '%s-%s\n' 1 2 3
printf '%c%c\n' hello world
printf '%d\n' "'A" 0x10 010
printf 'no newline'
echo

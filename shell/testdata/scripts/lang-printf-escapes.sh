printf 'a\tb\n'
printf 'line1\nline2\n'
printf '%s\n' 'a\nb'
printf '%b\n' 'a\nb'
printf '\x41\x42\n'
printf "quote: \"x\" 'y'\n"
printf '%s\n' '-dash arg'

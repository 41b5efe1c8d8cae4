cat -n docs/notes.txt
cat -E config.env
cat -A config.env
printf 'a\n\n\n\nb\n' > gaps.txt
cat -s gaps.txt
cat -b gaps.txt

mapfile -t lines < docs/notes.txt
echo "${#lines[@]} ${lines[0]} ${lines[-1]}"
mapfile lines2 < docs/guide.txt
printf '[%s]' "${lines2[0]}"; echo
readarray -t nums < data/numbers.txt
echo "${nums[*]}"
mapfile -t fromstr <<< $'x\ny\nz'
echo "${#fromstr[@]} ${fromstr[1]}"
mapfile -t none < data/empty.txt; echo "empty ${#none[@]}"

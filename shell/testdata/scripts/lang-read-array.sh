read -ra parts <<< "one two  three"
echo "${#parts[@]}: ${parts[1]}"
IFS=/ read -ra segs <<< "usr/local/bin"
for s in "${segs[@]}"; do echo "seg $s"; done
read -a nums < data/numbers.txt
echo "first line only: ${nums[*]}"

# field splitting with a non-whitespace IFS keeps empty fields (interpreter patched: third_party/mvdan-sh/PATCHES)
IFS=, read -r f1 f2 f3 <<< "1,,3"
echo "read: [$f1][$f2][$f3]"
IFS=, read -ra parts <<< "alpha,beta,,gamma"
echo "read -a: ${#parts[@]}"
data="a:b::c"
IFS=:
n=0; for x in $data; do n=$((n + 1)); done
unset IFS
echo "split: $n fields"
while IFS=: read -r user pw uid; do echo "user=$user pw=[$pw] uid=$uid"; done <<< "root::0"

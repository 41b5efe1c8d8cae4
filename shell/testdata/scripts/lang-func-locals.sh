x=global
f() { local x=local; g; echo "f sees $x"; }
g() { echo "g sees $x"; x=modified-by-g; }
f
echo "after f: $x"
h() { local y; y=inner; z=leaked; }
h; echo "y=[${y-unset}] z=$z"
k() { local -a arr=(1 2 3); local n=${#arr[@]}; echo "local array $n"; }
k; echo "arr outside [${arr[*]}]"

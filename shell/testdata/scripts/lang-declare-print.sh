s="simple value"
declare -p s
arr=(a "b c")
declare -p arr
n=5; declare -p n
f() { local l="in func"; declare -p l; }
f

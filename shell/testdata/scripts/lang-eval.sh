eval "x=5"; echo "$x"
for n in a b c; do eval "var_$n=\$n-value"; done
echo "$var_a $var_b $var_c"
cmd='echo "eval with $x"'; eval "$cmd"
eval 'for i in 1 2; do echo "loop $i"; done'
eval "f() { echo 'defined by eval'; }"; f
eval false; echo "status $?"
s='a; b'; eval "echo \"$s\""

x=$(false); echo "assign $?"
x=$(exit 5); echo "assign exit $?"
f() { local y=$(false); echo "local $?"; local z; z=$(false); echo "split $?"; }
f
echo "$(true)$(false)"; echo "echo $?"
v=$(echo out; exit 3) || echo "failed with $? got $v"

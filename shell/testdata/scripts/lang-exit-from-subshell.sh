r=$( exit 7 ); echo "cmdsub $?"
( exit 2 ) && echo no || echo "subshell $?"
f() { ( exit 9 ); }; f; echo "func $?"
bash -c 'exit 4'; echo "bash -c $?"
echo "end"
exit 0

x=outer
(x=inner; echo "in $x"; cd docs; pwd)
echo "out $x"; pwd
y=$(echo captured; exit 3); echo "$y $?"
{ echo grouped; echo also; } > group.txt
cat group.txt

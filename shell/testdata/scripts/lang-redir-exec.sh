exec 2>/dev/null
cat missing-file
echo "after missing $?"
ls nope
exec > exec-out.txt
echo "this goes to a file"
echo "so does this"

echo hidden > /dev/null
cat missing.txt 2> /dev/null; echo "status $?"
cat /dev/null; echo "devnull read ok"
ls nope &> /dev/null || echo "ls failed quietly"
cat < /dev/null > from-null.txt
[ -s from-null.txt ] || echo "from-null is empty"

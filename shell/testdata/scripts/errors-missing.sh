cat missing.txt
echo "status $?"
ls missing-dir 2>/dev/null
echo "status $?"
cd missing-dir 2>/dev/null || echo "cd failed"
nosuchcommand 2>/dev/null
echo "status $?"

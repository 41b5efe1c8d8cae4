cleanup() { rm -f work.tmp; echo "cleaned"; }
trap cleanup EXIT
echo data > work.tmp
[ -f work.tmp ] && echo "work file exists"
echo done

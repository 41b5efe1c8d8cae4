trap 'echo "ERR trapped status $?"' ERR
false
echo "after false"
(exit 2)
true
if false; then :; fi
false || echo "guarded"
! true
echo end

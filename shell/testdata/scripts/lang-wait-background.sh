( echo bg-one > bg1.txt ) &
( echo bg-two > bg2.txt ) &
wait
cat bg1.txt bg2.txt
f() { echo "func in bg" > bg3.txt; }
f & wait $!
cat bg3.txt

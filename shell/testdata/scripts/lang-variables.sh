a=1 b="two words" c=
echo "$a $b [$c]"
readonly r=5; echo $r
x=${undefined:-default}; echo "$x ${#b} ${b^^} ${b/two/2}"
unset a; echo "[${a}]"
n=3; n+=4; echo $n
export E=exported; echo "$E"

(( 0 )); echo "zero $?"
(( 1 )); echo "one $?"
(( -1 )); echo "neg $?"
let x=0; echo "let zero $?"
let y=2*3 z=y+1; echo "let $? $y $z"
i=0; (( i++ )); echo "post-inc from 0: $? i=$i"
if (( 3 > 2 )); then echo "if arith"; fi
while (( i < 3 )); do (( i++ )); done; echo "i=$i"

a=5 b=3
echo $(( a * b )) $(( $a + $b )) $(( a - b ))
i=0; echo $(( i++ )) $i $(( ++i )) $i $(( i-- )) $i
(( c = a + b, d = c * 2 )); echo "$c $d"
(( a += 10 )); (( b *= b )); echo "$a $b"
ref=a; echo $(( ref + 1 ))
unset z; echo $(( z + 1 ))
n=08; echo $(( 10#$n )) $(( 2#1010 )) $(( 16#ff )) $(( 36#z ))

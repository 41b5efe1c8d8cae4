# more field splitting: read's last variable, whitespace and escapes
IFS=, read a b <<< "1,2,"; echo "[$a][$b]"
IFS=, read a b <<< "1,2,3,"; echo "[$a][$b]"
IFS=, read a b c <<< ",,"; echo "[$a][$b][$c]"
IFS=", " read a b c <<< " 1 , 2,,3 "; echo "[$a][$b][$c]"
IFS=, read -a arr <<< "a,,b,"; echo ${#arr[@]} "${arr[@]}"
x="a,,b,"; IFS=,; set -- $x; echo $#; x=",a"; set -- $x; echo $#
IFS=" ,"; x=" a , b "; set -- $x; echo $# "$1|$2"; unset IFS
read a b <<< "  x   y  z  "; echo "[$a][$b]"
read a <<< "  lone  "; echo "[$a]"
read -r a b <<< 'p\ q r'; echo "[$a][$b]"
read a b <<< 'p\ q r'; echo "[$a][$b]"
y="one  two"; set -- $y; echo $#; z=""; set -- $z; echo $#; w=" "; set -- $w; echo $#
IFS=:; set -- $(printf 'a:b::c'); echo $#; unset IFS
while IFS=, read -r name qty price; do echo "$name|$qty|$price"; done <<'CSV'
apple,3,1.5
pear,,2
,7,
CSV

v="a  b"
echo $v; echo "$v"; echo '$v'
echo "it's" 'say "hi"' "say \"hi\""
echo "back\\slash" 'back\slash' back\\slash
echo "dollar \$v and \`tick\`"
echo ""'' "empty above"
echo "a"'b'c"d"
echo 'multi
line'

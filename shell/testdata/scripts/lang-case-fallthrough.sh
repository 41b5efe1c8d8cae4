for x in a b c d e; do
  case $x in
    a) echo "a matched" ;&
    b) echo "a or b body" ;;
    c) echo "c first" ;;&
    [cd]) echo "c or d" ;;&
    *) echo "default for $x" ;;
  esac
done

for v in apple Banana 42 x.go ""; do
  case $v in
    [aA]*) echo "$v: starts with a" ;;
    [[:upper:]]*) echo "$v: upper" ;;
    *[0-9]) echo "$v: number" ;;
    *.go|*.rs) echo "$v: source" ;;
    "") echo "empty" ;;
  esac
done

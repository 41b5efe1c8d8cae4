pat='*.go'
for f in main.go '*.go' x; do
  case $f in
    "$pat") echo "$f: literal star" ;;
    $pat) echo "$f: glob" ;;
    *) echo "$f: none" ;;
  esac
done
case "a|b" in a\|b) echo "escaped pipe" ;; esac
case ab in (a*) echo "paren form" ;; esac

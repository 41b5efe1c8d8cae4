parse() {
  local OPTIND opt verbose=0 out=
  while getopts "vo:" opt; do
    case $opt in
      v) verbose=$((verbose + 1)) ;;
      o) out=$OPTARG ;;
      *) return 2 ;;
    esac
  done
  shift $((OPTIND - 1))
  echo "verbose=$verbose out=[$out] rest=[$*]"
}
parse -vvofile a b
parse -v -o -x y
parse plain -v
parse -o "with space" z

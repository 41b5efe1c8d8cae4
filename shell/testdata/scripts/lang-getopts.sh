parse() {
  local OPTIND opt
  while getopts "ab:c" opt; do
    case $opt in
      a) echo "flag a" ;;
      b) echo "b=$OPTARG" ;;
      *) echo "other $opt" ;;
    esac
  done
  shift $((OPTIND - 1)); echo "rest: $*"
}
parse -a -b val -c x y

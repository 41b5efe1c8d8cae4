parse() {
  local OPTIND opt
  while getopts ":ab:" opt; do
    case $opt in
      a) echo "a" ;;
      b) echo "b=$OPTARG" ;;
      :) echo "missing arg for -$OPTARG" ;;
      \?) echo "invalid -$OPTARG" ;;
    esac
  done
  echo "OPTIND=$OPTIND"
}
parse -a -x -b
parse -ab value

# sandsh bug (interpreter): getopts does not consume "--" (OPTIND stays on it).
parse() {
  local OPTIND opt
  while getopts "v" opt; do echo "opt $opt"; done
  shift $((OPTIND - 1))
  echo "OPTIND=$OPTIND rest=[$*]"
}
parse -v -- -x file
parse -- file

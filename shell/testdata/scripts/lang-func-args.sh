show() { echo "count=$#"; for a in "$@"; do echo " [$a]"; done; }
wrap_at() { show "$@"; }
wrap_star() { show "$*"; }
wrap_unq() { show $@; }
wrap_at "a b" c
wrap_star "a b" c
wrap_unq "a b" c
wrap_at

f() {
  echo "first=$1"; shift
  echo "rest=$*"
  shift 2; echo "after shift 2: $# [$*]"
  shift 2; echo "after shift 2 more: $#"
}
f a b c d e
set -- x y z
while [ $# -gt 0 ]; do echo "arg $1"; shift; done

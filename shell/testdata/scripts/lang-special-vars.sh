echo "name: $0"
set -- a b c
echo "count: $#"
echo "all: $@"
false; echo "last: $?"
f() { echo "in func: $# $1"; }
f x y
echo "still: $1"

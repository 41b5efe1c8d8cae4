# sandsh bug (interpreter): shift N with N > $# succeeds and clears the
# parameters; bash fails with status 1 and leaves them alone.
set -- a b
shift 3
echo "status $? left $#: $*"
parse() { while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2 || { echo "missing value"; return 1; } ;; *) shift ;; esac; done; echo "out=$out"; }
parse -o

outer() { inner() { echo "inner defined"; }; echo outer; }
inner 2>/dev/null || echo "inner not yet"
outer; inner
echo() { builtin echo "wrapped: $*"; }
echo hi
unset -f echo
echo plain
cat() { command cat "$@"; echo "(cat done)"; }
cat config.env
unset -f cat

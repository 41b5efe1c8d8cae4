export GREETING=hello
NOT_EXPORTED=hidden
bash -c 'echo "child sees [$GREETING] [$NOT_EXPORTED]"'
INLINE=yes bash -c 'echo "inline [$INLINE]"'
echo "parent inline [${INLINE-unset}]"
export LATER; LATER=assigned-after
bash -c 'echo "later [$LATER]"'
unset GREETING
bash -c 'echo "after unset [$GREETING]"'

f() { return 7; }
f; echo "f: $?"
(exit 42); echo "subshell: $?"
true && false; echo "and: $?"
exit 13

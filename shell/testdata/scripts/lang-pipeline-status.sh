set -o pipefail
true | false | true; echo "pf1 $?"
false | true | true; echo "pf2 $?"
(exit 3) | (exit 4) | true; echo "pf3 $?"
set +o pipefail
(exit 3) | (exit 4); echo "last $?"
! false | false; echo "negate $?"
if ! echo x | cat > /dev/null; then echo no; else echo "pipeline ok"; fi

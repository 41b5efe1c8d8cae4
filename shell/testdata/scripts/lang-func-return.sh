check() { [ "$1" -gt 10 ]; }
check 5; echo "5: $?"
check 15; echo "15: $?"
r() { return $1; }
r 0; echo $?; r 255; echo $?
noret() { false; }
noret; echo "implicit $?"
if check 20; then echo "20 big"; fi
check 1 || echo "1 small"
early() { echo before; return 4; echo after; }
early; echo "early $?"

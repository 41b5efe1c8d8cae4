# sandsh bug (interpreter): ${10} and beyond expand to nothing.
set -- a b c d e f g h i j k
echo "count $#"
echo "tenth [${10}] eleventh [${11}]"
f() { echo "in func: [${10}]"; }
f 1 2 3 4 5 6 7 8 9 ten

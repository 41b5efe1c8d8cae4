{ echo a; echo b; } | while read -r l; do echo "got $l"; done
{ x=inside; }; echo "group keeps $x"
true && { echo "then a"; echo "then b"; } || echo "no"
false || { echo "fallback"; }
{ echo in-file; } > group.txt; cat group.txt

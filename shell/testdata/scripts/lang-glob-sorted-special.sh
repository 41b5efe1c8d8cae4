touch B a C b _x 1z
echo *
echo [aAbB]
for f in ?; do printf '<%s>' "$f"; done; echo
echo [[:upper:]]

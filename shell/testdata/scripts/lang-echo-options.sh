echo -n "no newline"; echo " <- joined"
echo -e "tab\there"
echo -E "raw\tkeep"
echo "default\tkeep"
echo -e 'x\x41y'
echo -e 'two\nlines'
echo
echo -- dashes
echo -n; echo "after empty -n"

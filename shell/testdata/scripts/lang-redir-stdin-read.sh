read -r first
echo "first: $first"
cat
echo "after cat"
read -r more || echo "eof reached"

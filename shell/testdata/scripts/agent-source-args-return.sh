cat > helper.sh <<'EOF'
echo "helper got $# args: $*"
[ "$1" = stop ] && return 5
echo "helper finished"
EOF
source helper.sh one two
echo "status $?"
. ./helper.sh stop now
echo "status $?"
echo "positional after: $#"

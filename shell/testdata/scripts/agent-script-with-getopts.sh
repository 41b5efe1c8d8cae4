cat > tool.sh <<'EOF'
#!/bin/bash
usage() { echo "usage: tool.sh [-n NAME] [-v] FILE"; exit 2; }
name=anon verbose=0
while getopts "n:v" o; do
  case $o in n) name=$OPTARG ;; v) verbose=1 ;; *) usage ;; esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
echo "name=$name verbose=$verbose file=$1"
[ -f "$1" ] && echo "exists"
EOF
chmod +x tool.sh
./tool.sh -n bob -v README.md
./tool.sh missing.txt
./tool.sh; echo "status $?"
./tool.sh -z x 2>/dev/null; echo "status $?"

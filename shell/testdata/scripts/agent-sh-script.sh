cat > posix.sh <<'EOF'
#!/bin/sh
n=0
for a in "$@"; do n=$((n + 1)); done
echo "posix sh got $n args"
[ -f config.env ] && echo "config present"
EOF
chmod +x posix.sh
./posix.sh a b c
sh posix.sh x
sh -c 'echo "sh -c $1"' zero one

cat > deploy.sh <<'EOF'
#!/bin/bash
set -e
target=${1:-staging}
echo "deploying to $target"
[ "$target" = prod ] && { echo "refusing prod"; exit 3; }
echo "deployed $target" > deploy.log
EOF
chmod +x deploy.sh
./deploy.sh
./deploy.sh qa; cat deploy.log
./deploy.sh prod; echo "status $?"

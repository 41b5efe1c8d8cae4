cat > strict.sh <<'EOF'
set -euo pipefail
echo "step 1"
cat missing-input.txt
echo "step 2"
EOF
bash strict.sh 2>/dev/null
echo "strict exit $?"
cat > tolerant.sh <<'EOF'
cat missing-input.txt 2>/dev/null || echo "fallback"
echo "finished"
EOF
bash tolerant.sh; echo "tolerant exit $?"

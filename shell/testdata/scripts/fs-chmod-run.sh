cat > run.sh <<'EOF'
echo "run.sh ran"
EOF
./run.sh 2>/dev/null; echo "not executable $?"
chmod +x run.sh
./run.sh; echo "executable $?"
bash run.sh

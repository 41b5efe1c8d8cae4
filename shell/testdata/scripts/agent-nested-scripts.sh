cat > inner.sh <<'EOF'
echo "inner: $1"
exit 4
EOF
cat > outer.sh <<'EOF'
echo "outer start"
bash inner.sh from-outer
echo "inner returned $?"
EOF
bash outer.sh
echo "outer returned $?"

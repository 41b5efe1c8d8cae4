mkdir README.md 2>/dev/null; echo "mkdir over file $?"
echo x > src 2>/dev/null; echo "write to dir $?"
cp README.md src/README.md && ls src
mv README.md src/lib/
ls src/lib
cat empty-dir 2>/dev/null; echo "cat dir $?"

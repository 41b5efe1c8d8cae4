mv guide-link docs/guide-link
cat docs/guide-link 2>/dev/null || echo "relative link broken after move"
mv docs/guide-link .
cat guide-link
mv src-link code
ls code

set -f
echo src/*
for f in *.md; do echo "loop $f"; done
set +f
echo *.md

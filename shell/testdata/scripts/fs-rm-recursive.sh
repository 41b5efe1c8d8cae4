rm -r src/lib
rm -rf docs data
rm -rv empty-dir
ls
[ -e docs ] || echo "docs gone"

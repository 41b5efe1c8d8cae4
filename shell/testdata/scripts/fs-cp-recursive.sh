cp -r src src-copy
ls -R src-copy
cp -r docs empty-dir/
ls empty-dir empty-dir/docs
cp src 2>/dev/null x; echo "cp dir without -r $?"
echo changed >> src-copy/main.go
cat src/main.go

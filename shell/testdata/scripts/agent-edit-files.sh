cp src/main.go src/main.go.bak
echo '// edited' >> src/main.go
mv docs/notes.txt docs/notes.md
rm data/empty.txt
touch NEWFILE
mkdir -p out/a/b && echo deep > out/a/b/c.txt
rm -r empty-dir
ls
ls src docs

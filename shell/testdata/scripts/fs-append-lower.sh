echo "appended line" >> docs/guide.txt
cat docs/guide.txt
printf 'x\n' >> data/empty.txt
cat data/empty.txt
echo more >> src/lib/strings.go
cat src/lib/strings.go

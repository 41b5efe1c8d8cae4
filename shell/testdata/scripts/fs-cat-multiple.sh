cat src/main.go src/util.go
cat docs/*.txt > all-docs.txt
cat all-docs.txt
cat data/empty.txt data/numbers.txt
cat README.md missing 2>/dev/null; echo "partial $?"

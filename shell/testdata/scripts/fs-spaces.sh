cat "a file with spaces.txt"
mv "a file with spaces.txt" "renamed file.txt"
for f in *.txt; do echo "[$f]"; done
touch "new file" && ls -1

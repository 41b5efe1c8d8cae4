touch new.txt
[ -f new.txt ] && [ ! -s new.txt ] && echo "new empty"
touch README.md
cat README.md
touch a b c
ls a b c
touch -c ghost; [ -e ghost ] || echo "ghost not created"
touch sub/x 2>/dev/null; echo "touch no dir $?"

echo data > a.txt > b.txt
cat a.txt; echo "--"; cat b.txt
echo x 2>e1.txt >o1.txt 2>e2.txt
cat o1.txt
[ -e e1.txt ] && echo "e1 created"

echo "through link" >> guide-link
cat docs/guide.txt
echo "new in dir" > src-link/new.txt
ls src
rm src-link/new.txt
ls src-link
[ -L guide-link ] && echo "still a link"

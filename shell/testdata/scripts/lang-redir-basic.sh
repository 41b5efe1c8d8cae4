echo first > r.txt
echo second >> r.txt
cat r.txt
echo overwrite > r.txt
cat r.txt
> empty.txt
[ -e empty.txt ] && [ ! -s empty.txt ] && echo "empty exists"
cat < r.txt
< r.txt cat

echo src/*
echo */*.txt
echo data/*.tx?
echo d*/n*
echo "quoted: src/*"
echo src/\*.go
pattern='docs/*.txt'; echo $pattern; echo "$pattern"

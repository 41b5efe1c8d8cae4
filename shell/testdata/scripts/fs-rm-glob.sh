touch a.log b.log c.keep
rm *.log
echo *.log *.keep
rm -f src/*.go
ls src
rm data/*
ls -A data

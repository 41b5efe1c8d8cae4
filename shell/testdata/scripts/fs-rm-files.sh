rm data/empty.txt
rm -v data/words.txt
rm missing.txt 2>/dev/null; echo "rm missing $?"
rm -f missing.txt; echo "rm -f missing $?"
rm src 2>/dev/null; echo "rm dir $?"
rm -d empty-dir && echo "rm -d empty ok"
ls data

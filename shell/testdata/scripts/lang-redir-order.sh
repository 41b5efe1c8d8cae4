f() { echo out; echo err >&2; }
f > both1.txt 2>&1
f 2>&1 > only-out.txt | while read -r l; do echo "to pipe: $l"; done
f &> both2.txt
f &>> both2.txt
f 2> err.txt > out.txt
for x in both1 only-out both2 err out; do echo "== $x"; cat $x.txt; done

for i in 1 2 3; do echo "line $i"; done > loop.txt
while read -r l; do echo "[$l]"; done < loop.txt > bracketed.txt
if true; then echo "from if"; fi >> loop.txt
case x in x) echo "from case" ;; esac >> loop.txt
cat loop.txt bracketed.txt

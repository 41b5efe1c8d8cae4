a=foo\ bar
echo "[$a]"
echo foo\ bar > back\ slash.txt
cat "back slash.txt"
case "x y" in x\ y) echo "case escaped space" ;; esac
b=\$notvar; echo "$b"
read -r c <<< a\ b; echo "[$c]"
echo \"quoted\" \'single\'

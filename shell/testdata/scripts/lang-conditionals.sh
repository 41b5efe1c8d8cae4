[ -f README.md ] && echo file
[ -d src ] && echo dir
[ -L guide-link ] && echo link
[ -e dangling ] || echo dangling-missing
[ -s data/empty.txt ] || echo empty
[ -x build.sh ] && echo executable
[[ abc == a* ]] && echo glob-match
[[ 10 -gt 9 && "b" > "a" ]] && echo compare
[[ foo123 =~ ^foo([0-9]+)$ ]] && echo "re ${BASH_REMATCH[1]}"
if [ 1 -eq 2 ]; then echo no; elif [ 2 -eq 2 ]; then echo elif; else echo else; fi

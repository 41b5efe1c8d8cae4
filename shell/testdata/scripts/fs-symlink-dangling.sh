[ -L dangling ] && echo "is a link"
[ -e dangling ] || echo "target missing"
echo "made" > missing-target
[ -e dangling ] && echo "now resolves"
cat dangling
rm missing-target
cat dangling 2>/dev/null || echo "dangling again"

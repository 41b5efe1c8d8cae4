cp guide-link guide-copy
[ -L guide-copy ] || echo "cp follows link"
cp -P guide-link guide-link2
[ -L guide-link2 ] && echo "cp -P keeps link"
cp -a src-link src-link2
[ -L src-link2 ] && echo "cp -a keeps dir link"
cp -r src-link src-deref 2>/dev/null; [ -L src-deref ] && echo "-r keeps link" || echo "-r followed"
cat guide-copy guide-link2

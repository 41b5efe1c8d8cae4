mkdir -p a/b/c/d/e/f
echo deep > a/b/c/d/e/f/leaf.txt
cat a/b/c/d/e/f/leaf.txt
cd a/b/c && cat d/e/f/leaf.txt && cd ../../..
cp -r a a2
rm -r a/b/c
ls -R a a2

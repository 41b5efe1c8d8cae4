./build.sh v1 && cat build.out
./build.sh "with space"
bash ./build.sh third; echo "exit $?"
rm build.out
[ -e build.out ] || echo "cleaned"

mkdir -p sub
cd sub
../build.sh from-sub
ls
cd ..
[ -f sub/build.out ] && echo "build.out written in sub"
cat sub/build.out

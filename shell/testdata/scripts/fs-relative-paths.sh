cd src/lib
echo up > ../up.txt
echo root > ../../at-root.txt
cat ./../../README.md
cd ..
ls
cd ..
cat at-root.txt src/up.txt
ls ./src/../docs

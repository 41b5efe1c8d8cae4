mv src source
ls source source/lib
mv docs/guide.txt .
mv data moved-data
mkdir data
ls data moved-data
cat guide.txt

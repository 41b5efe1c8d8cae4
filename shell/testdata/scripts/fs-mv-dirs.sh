mkdir archive
mv src archive/
mv docs archive/documents
ls archive archive/src
mv empty-dir archive
mv data data2 && mkdir data
ls -d archive data data2

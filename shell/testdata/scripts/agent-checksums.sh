# checksums and encodings
sha256sum docs/*.txt > sums.txt
sha256sum -c sums.txt
echo changed >> docs/notes.txt
sha256sum -c sums.txt; echo "status $?"
base64 config.env | base64 -d | md5sum

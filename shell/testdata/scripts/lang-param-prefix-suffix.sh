path=src/lib/strings.go
echo "${path#*/}"
echo "${path##*/}"
echo "${path%/*}"
echo "${path%%/*}"
echo "${path%.go}.txt"
file=archive.tar.gz
echo "${file%.*} ${file%%.*} ${file#*.} ${file##*.}"
pat='*.'
echo "${file#$pat}" "${file#\*.}"
echo "${file#nomatch}" "${file%[.]gz}"

# sandsh bug (interpreter): a quoted variable in ${x#"$p"} / ${x%"$p"} is
# used as a pattern; bash matches it literally.
file=archive.tar.gz
pat='*.'
echo "${file#"$pat"}" "${file##"$pat"}"
suffix='.*'
echo "${file%"$suffix"}" "${file%%"$suffix"}"
line='[x] done'
prefix='[x]'
echo "${line#"$prefix"}"

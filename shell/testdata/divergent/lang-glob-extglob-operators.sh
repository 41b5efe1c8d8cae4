# sandsh bug (interpreter): pathname expansion is skipped for a word whose
# only pattern characters are the extglob operators @( +( !( .
shopt -s extglob
touch a.go b.go ab.go abab.go
echo @(a|b).go
echo +(ab).go
echo !(a).go

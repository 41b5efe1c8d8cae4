shopt -s extglob
touch a.go b.go c.txt d.md ab.go abab.go
echo !(*.go)
echo ?(a)b.go
echo *(ab).go
echo *.@(txt|md)
echo *@(a|b).go

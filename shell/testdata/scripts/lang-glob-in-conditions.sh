f=src/main.go
[[ $f == *.go ]] && echo "go file"
[[ $f == "*.go" ]] || echo "quoted is literal"
[[ $f != src/* ]] || echo "in src"
[[ $f == src/+([a-z]).go ]] && echo "extglob in [[ ]]"
p='*.go'; [[ $f == $p ]] && echo "var pattern"
[[ $f == "$p" ]] || echo "quoted var literal"

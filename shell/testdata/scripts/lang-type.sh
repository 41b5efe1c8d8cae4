myfunc() { :; }
type -t echo cd myfunc if
type myfunc | while read -r first rest; do echo "$first $rest"; break; done
type -t nosuch || echo "nosuch not found"
command -v myfunc
command -v cd

args=("one two" three)
eval "set -- $(printf '%q ' x)" 2>/dev/null
q="'single quoted'"
eval "echo $q"
v='$HOME'
eval "echo $v"
eval "echo \$v"
name=dyn; eval "$name=assigned"; echo "$dyn"

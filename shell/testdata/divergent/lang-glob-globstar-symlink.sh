# sandsh bug: with globstar, ** descends into symlinked directories
# (src-link); bash 5.2 does not follow symlinks while matching **.
shopt -s globstar
echo **/*.go
n=0; for f in **; do n=$((n + 1)); done; echo "$n entries"

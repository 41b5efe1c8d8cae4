for f in *.nothing; do echo "loop: $f"; done
shopt -s nullglob
for f in *.nothing; do echo "never $f"; done
arr=(*.nothing); echo "count ${#arr[@]}"
echo "args:" *.nothing "end"
shopt -u nullglob
echo *.nothing

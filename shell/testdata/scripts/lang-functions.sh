add() { local s=$(( $1 + $2 )); echo "$s"; }
echo "sum $(add 2 3)"
counter=0
inc() { counter=$((counter + 1)); return 3; }
inc; echo "status $? counter $counter"
fact() { if [ "$1" -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }
fact 6

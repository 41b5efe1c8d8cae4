fib() { if (( $1 < 2 )); then echo $1; else echo $(( $(fib $(( $1 - 1 ))) + $(fib $(( $1 - 2 ))) )); fi; }
for n in 0 1 5 10; do echo "fib($n)=$(fib $n)"; done
hanoi() {
  local n=$1 from=$2 to=$3 via=$4
  (( n == 0 )) && return
  hanoi $((n - 1)) $from $via $to
  echo "move $n $from->$to"
  hanoi $((n - 1)) $via $to $from
}
hanoi 3 A C B

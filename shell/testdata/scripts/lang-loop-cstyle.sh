for ((i = 0, j = 10; i < j; i += 3, j -= 2)); do echo "$i $j"; done
n=0; for ((;;)); do ((n++)); if ((n >= 4)); then break; fi; done; echo "n=$n"
for ((k = 5; k > 0; k--)); do printf '%d ' $k; done; echo
for ((x = 1; x <= 100; x *= 3)); do echo -n "$x,"; done; echo
for ((;;)) { echo "brace body"; break; }

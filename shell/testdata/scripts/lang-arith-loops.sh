sum=0
for ((i = 1; i <= 10; i++)); do
  if (( i % 2 == 0 )); then (( sum += i )); fi
done
echo "even sum $sum"
n=27 steps=0
while (( n != 1 )); do
  if (( n % 2 )); then (( n = 3 * n + 1 )); else (( n /= 2 )); fi
  (( steps++ ))
done
echo "collatz steps $steps"
for ((p = 2; p < 30; p++)); do
  prime=1
  for ((d = 2; d * d <= p; d++)); do if (( p % d == 0 )); then prime=0; break; fi; done
  if (( prime )); then printf '%d ' $p; fi
done; echo

for i in 1 2 3; do
  for j in 1 2 3; do
    (( j == 2 )) && continue
    (( i == 2 )) && continue 2
    (( i == 3 && j == 3 )) && break 2
    echo "$i.$j"
  done
  echo "end $i"
done
echo done
n=0; while :; do n=$((n + 1)); [ $n -ge 5 ] && break; done; echo "n=$n"

words=(pear apple fig banana cherry apple)
n=${#words[@]}
for ((i = 0; i < n; i++)); do
  for ((j = 0; j < n - i - 1; j++)); do
    if [[ ${words[j]} > ${words[j+1]} ]]; then
      t=${words[j]}; words[j]=${words[j+1]}; words[j+1]=$t
    fi
  done
done
echo "${words[*]}"
uniq=(); prev=
for w in "${words[@]}"; do [[ $w == "$prev" ]] || uniq+=("$w"); prev=$w; done
echo "${uniq[*]}"

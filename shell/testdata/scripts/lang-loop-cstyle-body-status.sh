# sandsh bug (interpreter): a C-style for loop stops as soon as the last
# command of its body returns non-zero; bash ignores the body's status.
for ((i = 0; i < 3; i++)); do echo "a $i"; false; done
echo "end i=$i"
for ((i = 1; i <= 4; i++)); do (( i % 2 == 0 )) && echo "even $i"; done
n=0; for ((;;)); do ((n++)); ((n >= 4)) && break; done; echo "n=$n"
for ((i = 0; i < 3; i++)); do [ -f "docs/missing$i" ] && echo found; done; echo "checked $i"

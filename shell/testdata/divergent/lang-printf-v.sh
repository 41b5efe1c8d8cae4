# printf -v assigns a variable in bash; the interpreter prints "-v"
printf -v var %05.1f 3.14159
echo "[$var]"

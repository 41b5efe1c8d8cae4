# printf -v assigns a variable (rewritten into a command substitution)
printf -v var %05.1f 3.14159
echo "[$var]"
printf -v line '%s\n\n' keep-newlines; printf '<%s>' "$line"; echo
printf -v n '%d' 12abc; echo "status $? [$n]"

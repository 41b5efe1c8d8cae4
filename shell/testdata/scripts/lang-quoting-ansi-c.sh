echo $'tab:\t|'
echo $'newline:\nnext'
echo $'hex:\x41 oct:\101'
echo $'quote:\' dq:" bs:\\'
s=$'a\tb'; echo "${#s}"
printf '%s\n' $'bell-free \e[0m' | cat -v

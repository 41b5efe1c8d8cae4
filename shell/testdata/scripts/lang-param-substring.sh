s=abcdefghij
echo "${s:0:3}" "${s:3}" "${s: -3}" "${s: -4:2}" "${s:2:-2}"
echo "${#s}"
off=4 len=3
echo "${s:off:len}" "${s:$((off+1)):1}"
set -- one two three four
echo "${@:2}" "|" "${@:2:2}" "|" "${*:3}"
arr=(a b c d e)
echo "${arr[@]:1:3}" "|" "${arr[@]: -2}"
echo "[${s:20}]" "[${s:10}]"

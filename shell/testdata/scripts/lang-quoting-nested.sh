x="outer"
echo "$(echo "inner \"$x\"")"
echo "${x:+"has $x"}"
y='single $x'; echo "$y" "${y}"
echo "$(echo '$(not run)')"
arr=("a b" "c'd" 'e"f'); for a in "${arr[@]}"; do echo "[$a]"; done
eval "echo \"eval $x\""

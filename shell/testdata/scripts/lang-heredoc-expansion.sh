name=world items=(a b c)
cat <<EOF
Hello, $name and ${name^^}
sum: $((2 + 3)), cmd: $(echo sub)
items: ${items[*]} count ${#items[@]}
escaped: \$name \`tick\` back\\slash
continued \
line
EOF

# $? after a command substitution in the same word: bash gives its status
echo "$(false) $?"

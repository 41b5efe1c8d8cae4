cat - < config.env
echo piped | cat
echo middle | cat docs/notes.txt - config.env
cat
cat -n -

# sandsh bug (interpreter): printf does not accept "--" before the format.
printf -- '-dash start\n'
printf -- '- item %s\n' one two
printf -- '--\n'
echo "end"

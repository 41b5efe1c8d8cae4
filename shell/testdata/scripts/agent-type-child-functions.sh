# sandsh bug: `type` and `command -v` answer from the wrong shell state:
# they see functions defined by a child shell (bash tools.sh) and miss
# functions defined by `source` in the current shell.
bash tools.sh
type -t greet || echo "greet: not defined"
command -v greet || echo "command -v: none"
source tools.sh
type -t greet
command -v greet

# sandsh bug: `type` and `command -v` classify functions from a static list
# of every function declaration parsed during the run, not from the shell's
# current functions: child shells, subshells and unset -f are ignored, and
# functions from a sourced file are missed.
bash tools.sh
type -t greet || echo "greet: not defined"
(helper() { :; }); type -t helper || echo "helper: not defined"
tmpf() { :; }; unset -f tmpf; type -t tmpf || echo "tmpf: unset"
source tools.sh
type -t greet || echo "greet: missing after source"
command -v greet || echo "command -v: missing after source"

x=1; empty=
[[ -v x ]] && echo "x set"
[[ -v empty ]] && echo "empty set"
[[ -v nope ]] || echo "nope unset"
unset x; [[ -v x ]] || echo "x unset now"
f() { local loc=1; [[ -v loc ]] && echo "local set"; }; f

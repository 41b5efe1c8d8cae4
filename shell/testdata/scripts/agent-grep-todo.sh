# find TODOs and count lines of Go code
grep -rn TODO src | sort
find . -name '*.go' -type f | sort | xargs wc -l
grep -rc 'func' --include='*.go' . | sort

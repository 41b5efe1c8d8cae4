# find with actions
find . -path ./src-link -prune -o -type f -name '*.txt' -print | sort
find src -name '*.go' -exec grep -l 'package main' {} + | sort
find . -type d -empty | sort
find docs -type f -size -1k | wc -l

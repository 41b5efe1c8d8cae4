mkdir -p deep/a/b/c && touch deep/a/b/c/x.go deep/top.go
echo deep/**/*.go
shopt -s globstar
echo deep/**/*.go src/**/*.go
echo deep/**
echo src/**/
for f in docs/** data/**/*.txt; do echo "txt: $f"; done

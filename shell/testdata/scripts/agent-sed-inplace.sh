# edit files in place, then show the result
sed -i 's/hello/hello, world/' src/main.go
sed -i.bak -e '/^PORT=/s/8080/9090/' config.env
cat src/main.go config.env config.env.bak
grep -n 'world' src/main.go

mkdir -p gen/a gen/b
for d in a b; do for n in 1 2; do echo "$d$n" > "gen/$d/f$n.txt"; done; done
ls -R gen
rm gen/a/f1.txt gen/b/*
rm -d gen/b
ls -R gen
rm -rf gen
[ -d gen ] || echo "gen removed"

target_dir() { [ -d out ] || { echo "mkdir out"; mkdir out; }; }
target_gen() { target_dir; [ -f out/gen.txt ] || { echo "gen"; echo generated > out/gen.txt; }; }
target_all() { target_gen; echo "all done"; }
target_clean() { rm -rf out; echo "cleaned"; }
for t in all all clean all; do echo "== $t"; "target_$t"; done
ls out

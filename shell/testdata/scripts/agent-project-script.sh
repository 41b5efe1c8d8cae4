./build.sh release
cat build.out
bash build.sh debug
sh -c 'echo "in sh $0 $1"' name one
source tools.sh; greet agent; echo "$TOOLS_LOADED"
. ./tools.sh && greet again

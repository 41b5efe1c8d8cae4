bash tools.sh; echo "bash tools.sh: [${TOOLS_LOADED-unset}]"
greet world 2>/dev/null || echo "greet not defined yet"
source ./tools.sh
greet world
echo "loaded=$TOOLS_LOADED"

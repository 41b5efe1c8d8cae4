declare -A cfg
while IFS='=' read -r k v; do cfg[$k]=$v; done < config.env
echo "name=${cfg[NAME]} port=${cfg[PORT]}"
cfg[PORT]=9090
cfg[DEBUG]=true
for k in NAME PORT DEBUG; do printf '%s=%s\n' "$k" "${cfg[$k]}"; done > config.new
cat config.new

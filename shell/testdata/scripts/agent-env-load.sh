source config.env
echo "name=$NAME port=$PORT"
bash -c 'echo "child before export [$PORT]"'
export NAME PORT
bash -c 'echo "child after export [$NAME:$PORT]"'
while IFS='=' read -r k v; do export "APP_$k=$v"; done < config.env
echo "$APP_NAME $APP_PORT"

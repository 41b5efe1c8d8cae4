tmp=config.env.tmp
while IFS='=' read -r key value; do
  case $key in
    PORT) echo "PORT=9090" ;;
    *) echo "$key=$value" ;;
  esac
done < config.env > "$tmp"
echo "DEBUG=1" >> "$tmp"
mv "$tmp" config.env
cat config.env

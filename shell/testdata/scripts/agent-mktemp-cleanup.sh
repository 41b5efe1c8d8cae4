# temporary files and cleanup
tmp=$(mktemp -d -p .)
cp -r src "$tmp/"
find "$tmp" -type f | sed "s|$tmp|TMP|" | sort
du -s "$tmp" > /dev/null && echo sized
rm -rf "$tmp"
[ -e "$tmp" ] || echo cleaned

chmod +x config.env
[ -x config.env ] && echo "config executable"
chmod -x build.sh
[ -x build.sh ] || echo "build not executable"
chmod 640 docs/guide.txt
chmod u=rw,go= docs/notes.txt
chmod -R go-rx src
chmod 755 empty-dir
ls -d src

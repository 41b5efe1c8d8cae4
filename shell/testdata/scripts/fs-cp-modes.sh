cp build.sh build-copy.sh
[ -x build-copy.sh ] && echo "exec bit kept"
chmod 600 config.env
cp config.env cfg1
cp -p config.env cfg2
ls -l cfg1 cfg2 > /dev/null && echo listed
[ -r cfg2 ] && echo readable

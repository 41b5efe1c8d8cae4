ls -R src
ls -R empty-dir
ls src/lib docs
ls missing 2>/dev/null; echo "status $?"
ls README.md config.env

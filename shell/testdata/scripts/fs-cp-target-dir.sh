mkdir bundle
cp -t bundle README.md config.env
cp -v data/*.txt bundle/
ls bundle
cp -T docs docs2 2>/dev/null || cp -rT docs docs2
ls docs2

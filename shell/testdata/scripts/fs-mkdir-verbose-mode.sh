mkdir -v one
mkdir -pv two/three/four
mkdir -m 700 private
mkdir -p -m 750 nested/inner
[ -d private ] && echo "private made"
ls -d private nested nested/inner

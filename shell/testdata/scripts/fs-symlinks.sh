cat guide-link
ls src-link
echo added > src-link/new.go
ls src
[ -e dangling ] && echo yes || echo "dangling stays dangling"
echo created > dangling
cat missing-target
cd src-link && pwd && cd .. 

ls
ls -1 docs
ls -a empty-dir
ls -A data
ls -F
ls -p src
ls -r docs
ls -d src docs

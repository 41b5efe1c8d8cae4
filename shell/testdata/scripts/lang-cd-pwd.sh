cd src; pwd
cd lib; pwd
cd ..; pwd
cd ../docs && echo "in $(pwd)"
cd - > /dev/null; pwd
cd; echo "home $(pwd)"
cd "$OLDPWD"; pwd

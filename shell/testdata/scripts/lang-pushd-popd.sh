pushd src > /dev/null
pwd
pushd lib > /dev/null
pwd
popd > /dev/null; pwd
popd > /dev/null; pwd

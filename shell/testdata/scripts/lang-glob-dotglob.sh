touch .hidden .config
mkdir .dotdir
echo *
shopt -s dotglob
echo *
shopt -u dotglob
echo .h*
echo .[!.]*

touch .env .gitignore
mkdir .git
echo '*.log' > .gitignore
ls
ls -a
ls -A
cat .gitignore

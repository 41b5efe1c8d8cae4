mkdir -p project/{cmd/app,internal/{api,store},docs}
touch project/cmd/app/main.go project/internal/{api,store}/.keep
echo "# project" > project/README.md
ls -R project
ls -A project/internal/api

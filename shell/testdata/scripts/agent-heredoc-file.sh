mkdir -p generated/pkg
cat > generated/pkg/config.json <<'JSON'
{
  "name": "demo",
  "port": 8080
}
JSON
cat > generated/run.sh <<'SH'
#!/bin/bash
echo "running with $1"
SH
chmod +x generated/run.sh
./generated/run.sh arg1
ls -R generated

cat > template.txt <<'EOF'
Service {{NAME}} listens on {{PORT}}.
Contact: {{OWNER}}
EOF
declare -A vals
while IFS='=' read -r k v; do vals[$k]=$v; done < config.env
vals[OWNER]="team@example.com"
while IFS= read -r line; do
  for k in NAME PORT OWNER; do line=${line//"{{$k}}"/${vals[$k]}}; done
  echo "$line"
done < template.txt > rendered.txt
cat rendered.txt

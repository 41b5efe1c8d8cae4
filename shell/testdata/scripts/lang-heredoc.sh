name=world
cat <<EOT > generated.txt
Hello, $name!
  indented $((1 + 2))
EOT
cat <<'RAW' >> generated.txt
no $expansion here
RAW
cat generated.txt
cat <<-TABS
	tab stripped
	TABS
read -r first <<< "here string"; echo "$first"

cat >> README.md <<'EOF'

## Usage

Run `./build.sh`.
EOF
grep_like() { while IFS= read -r l; do [[ $l == "## "* ]] && echo "heading: $l"; done < "$1"; }
grep_like README.md
cat README.md

# build a report file from several commands
{
  echo "# Report"
  echo "files: $(find . -type f | wc -l)"
  echo "go files: $(find . -name '*.go' | wc -l)"
  printf 'largest: %s\n' "$(wc -c data/*.txt | sort -rn | sed -n 2p | tr -s ' ' | cut -d' ' -f3)"
  head -n 1 README.md
} > report.md
cat report.md
diff -u docs/guide.txt <(sed 's/two/2/' docs/guide.txt) | tail -n 4

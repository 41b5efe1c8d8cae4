shopt -s extglob
for v in 123 12a "" -5 file.tar.gz README yes Y no; do
  case $v in
    +([0-9])) echo "$v: digits" ;;
    -+([0-9])) echo "$v: negative" ;;
    *.tar.@(gz|bz2)) echo "$v: tarball" ;;
    [Yy]|[Yy]es) echo "$v: yes" ;;
    ''|' ') echo "empty" ;;
    [[:upper:]]*) echo "$v: capital" ;;
    *) echo "$v: other" ;;
  esac
done

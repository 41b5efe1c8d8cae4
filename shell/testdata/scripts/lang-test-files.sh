for p in README.md src guide-link dangling src-link empty-dir data/empty.txt build.sh nope; do
  r=""
  [ -e "$p" ] && r+=e
  [ -f "$p" ] && r+=f
  [ -d "$p" ] && r+=d
  [ -L "$p" ] && r+=L
  [ -h "$p" ] && r+=h
  [ -s "$p" ] && r+=s
  [ -x "$p" ] && r+=x
  [ -r "$p" ] && r+=r
  echo "$p: $r"
done

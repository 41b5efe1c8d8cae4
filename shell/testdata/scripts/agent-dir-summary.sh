for d in */; do
  d=${d%/}
  [ -L "$d" ] && { echo "$d: symlink"; continue; }
  files=0 dirs=0
  for e in "$d"/* "$d"/.*; do
    case ${e##*/} in .|..|'*'|'.*') continue ;; esac
    [ -e "$e" ] || continue
    if [ -d "$e" ]; then dirs=$((dirs + 1)); else files=$((files + 1)); fi
  done
  echo "$d: $files files, $dirs dirs"
done

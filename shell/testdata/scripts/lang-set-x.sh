{
  set -x
  echo traced
  x=5
  set +x
} 2>&1
echo "untraced"

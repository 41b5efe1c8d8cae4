data="a:b:c"
IFS=:
for x in $data; do echo "[$x]"; done
unset IFS
ws="  lead  mid   trail  "
for x in $ws; do echo "<$x>"; done
IFS=' :'
mixed="a : b:c"
for x in $mixed; do echo "{$x}"; done
unset IFS
IFS=; for x in $ws; do echo "noifs [$x]"; done; unset IFS

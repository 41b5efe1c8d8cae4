read -r a b <<< "first second third"
echo "a=$a b=$b"
v="multi word value"
cat <<< "$v"
cat <<< $v
read -ra words <<< "x y z"; echo "${#words[@]}"
cat <<< ""
echo "end"

mkdir "dir with space"
echo content > "dir with space/file name.txt"
for f in "dir with space"/*; do echo "[$f]"; done
cp -r "dir with space" "copy of dir"
mv "copy of dir/file name.txt" "copy of dir/renamed.txt"
ls "dir with space" "copy of dir"
rm -r "dir with space"
ls -d *dir*

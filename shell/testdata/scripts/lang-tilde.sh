echo ~
echo ~/file
echo "~ quoted"
x=~/path; echo "$x"
echo a~b

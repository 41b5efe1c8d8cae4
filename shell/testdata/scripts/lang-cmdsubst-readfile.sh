# $(<file): contents without trailing newlines; a missing file substitutes nothing
printf 'one\ntwo\n\n' > f.txt
x=$(<f.txt); echo "[$x]"
echo "[$(<missing.txt)]"; z=$(<missing.txt); echo "status $? [$z]"
y=$(< data/words.txt); echo "${y//$'\n'/,}"
rm f.txt

touch Upper.TXT lower.txt
echo *.txt
shopt -s nocaseglob
echo *.txt
shopt -u nocaseglob
echo [Uu]pper.*

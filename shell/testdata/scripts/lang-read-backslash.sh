read raw <<< 'a\tb\\c'
echo "no -r: [$raw]"
read -r raw <<< 'a\tb\\c'
echo "with -r: [$raw]"
read joined <<< $'line one \\\nline two'
echo "continued: [$joined]"

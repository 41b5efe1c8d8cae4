s="the cat sat on the mat"
echo "${s/the/a}"
echo "${s//the/a}"
echo "${s//at/og}"
echo "${s/cat}"
echo "${s// /_}"
echo "${s//[aeiou]/}"
echo "${s//?at/X}"
x=hello r=L
echo "${x//l/$r}"
arr=(foo.txt bar.txt baz.md)
echo "${arr[@]/.txt/.bak}"

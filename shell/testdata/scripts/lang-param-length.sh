s="hello"; echo ${#s}
e=""; echo ${#e}
arr=(a bb ccc); echo ${#arr[@]} ${#arr[2]} ${#arr}
set -- x y z; echo $#
sp="with  two  spaces"; echo ${#sp}
unset nothing; echo ${#nothing}

touch f1 f2 fa fB f-
echo f[0-9]
echo f[!0-9]
echo f[[:alpha:]]
echo f[[:upper:]]
echo f[-x]
echo f[^a-z]

cat <<ONE; cat <<TWO
first doc
ONE
second doc
TWO
cat <<A > h1.txt && cat <<B > h2.txt
in h1
A
in h2
B
cat h1.txt h2.txt

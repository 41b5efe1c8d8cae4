echo {1..3}{a,b}
echo pre{,fix}
echo {5..1}
echo {a..c}-{1..2}
echo "{not,expanded}" '{1..3}'
x=1; echo {$x..3}
echo {-2..2}

for i in {1..5}; do printf '%s ' $i; done; echo
echo {a..e} {10..1..3} {01..05}
echo file{A,B}.{txt,md}
echo {x,y{1,2}}z
echo pre-{}-post {single}
for c in {z..w}; do echo -n "$c"; done; echo

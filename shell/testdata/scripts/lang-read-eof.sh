printf 'no newline at end' > partial.txt
while read -r l; do echo "loop: $l"; done < partial.txt
while read -r l || [ -n "$l" ]; do echo "fixed: $l"; done < partial.txt
read -r x < data/empty.txt; echo "empty read $? [$x]"
read -r y <<< "value"; echo "herestring read $?"

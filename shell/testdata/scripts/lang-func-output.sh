log() { echo "log: $*" >&2; }
work() { log "starting"; echo "result-$1"; log "done"; }
r=$(work 7 2>/dev/null); echo "captured [$r]"
both=$(work 8 2>&1); echo "$both"
work 9 > func-out.txt 2>&1
cat func-out.txt

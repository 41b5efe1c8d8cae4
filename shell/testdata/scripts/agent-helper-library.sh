mkdir -p scripts/lib
cat > scripts/lib/log.sh <<'EOF'
log_info() { echo "[info] $*"; }
log_warn() { echo "[warn] $*"; }
LOG_VERSION=2
EOF
cat > scripts/run.sh <<'EOF'
#!/bin/bash
source scripts/lib/log.sh
log_info "version $LOG_VERSION"
log_warn "args: $*"
EOF
chmod +x scripts/run.sh
./scripts/run.sh a b
bash scripts/run.sh c
. scripts/lib/log.sh; log_info "sourced in parent"

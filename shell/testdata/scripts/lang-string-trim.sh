s="   padded text   "
trim() { local v=$1; v=${v#"${v%%[![:space:]]*}"}; v=${v%"${v##*[![:space:]]}"}; echo "[$v]"; }
trim "$s"
trim "  both sides  "
trim "none"
trim ""
s2="xxhixx"; echo "${s2##x}" "${s2##*x}" "${s2%%x*}"

#!/usr/bin/env bash
# Builds jq 1.7.1, the reference for the jq builtin's differential tests,
# from the upstream source Debian publishes, when the host has no jq 1.7
# (Debian bookworm ships 1.6). Prints the directory holding the binary.
# Built without oniguruma: the tests leave jq's regex filters out.
set -euo pipefail
dest="${XDG_CACHE_HOME:-$HOME/.cache}/sandsh-ci/jq-1.7.1"
if [ -x "$dest/jq" ] && "$dest/jq" --version | grep -q '^jq-1\.7'; then
	echo "$dest"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/jq.tgz" http://deb.debian.org/debian/pool/main/j/jq/jq_1.7.1.orig.tar.gz
tar -xzf "$tmp/jq.tgz" -C "$tmp"
src="$tmp/jq-jq-1.7.1"
# What the Makefile generates.
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$src/src/builtin.jq" >"$src/src/builtin.inc"
echo '#define JQ_VERSION "1.7.1"' >"$src/src/version.h"
echo '#define JQ_CONFIG "sandsh-ci"' >"$src/src/config_opts.inc"
files=(builtin bytecode compile execute jv jv_alloc jv_aux jv_dtoa jv_dtoa_tsd jv_file jv_parse
	jv_print jv_unicode jq_test lexer linker locfile main parser util)
srcs=()
for f in "${files[@]}"; do srcs+=("$src/src/$f.c"); done
mkdir -p "$dest"
gcc -O2 -w -std=gnu99 -DUSE_DECNUM -DIEEE_8087 -D_GNU_SOURCE -DHAVE_MEMMEM -DHAVE_MKSTEMP \
	-DHAVE_ISATTY -DHAVE_UNISTD_H -DHAVE_TIMEGM -DHAVE_GMTIME_R -DHAVE_LOCALTIME_R -DHAVE_STRPTIME -DHAVE_STRFTIME -DHAVE_SETLOCALE \
	-DHAVE_LGAMMA -DHAVE_LGAMMA_R -DHAVE_FREXP -DHAVE_MODF -DHAVE_LOG2 -DHAVE_EXP10 -DHAVE_CBRT \
	-DHAVE_SIGNIFICAND -DHAVE_DREM -DHAVE_LDEXP -DHAVE_SCALB -DHAVE_SCALBLN -DHAVE_NEARBYINT \
	-DHAVE_TRUNC -DHAVE_ROUND -DHAVE_CEIL -DHAVE_FLOOR -DHAVE_FABS -DHAVE_SQRT -DHAVE_POW \
	-DHAVE_LOG -DHAVE_EXP -DHAVE___THREAD -DHAVE_PTHREAD_KEY_CREATE -DHAVE_PTHREAD_ONCE \
	-I"$src/src" -I"$src" "${srcs[@]}" "$src/src/decNumber/decContext.c" "$src/src/decNumber/decNumber.c" \
	-lm -lpthread -o "$dest/jq"
"$dest/jq" --version >&2
echo "$dest"

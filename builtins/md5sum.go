package builtins

// md5sum, as GNU's: print or check MD5 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("md5sum", digestCommand(&md5sumSpec, digestByKey("md5"))) }

var md5sumSpec = digestSpec("md5sum", "MD5 (128-bit)", "RFC 1321")

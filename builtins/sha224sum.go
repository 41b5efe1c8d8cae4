package builtins

// sha224sum, as GNU's: print or check SHA224 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("sha224sum", digestCommand(&sha224sumSpec, digestByKey("sha224"))) }

var sha224sumSpec = digestSpec("sha224sum", "SHA224 (224-bit)", "RFC 3874")

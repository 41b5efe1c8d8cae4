package builtins

// sha384sum, as GNU's: print or check SHA384 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("sha384sum", digestCommand(&sha384sumSpec, digestByKey("sha384"))) }

var sha384sumSpec = digestSpec("sha384sum", "SHA384 (384-bit)", "FIPS-180-2")

package builtins

// sha512sum, as GNU's: print or check SHA512 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("sha512sum", digestCommand(&sha512sumSpec, digestByKey("sha512"))) }

var sha512sumSpec = digestSpec("sha512sum", "SHA512 (512-bit)", "FIPS-180-2")

package builtins

// sha256sum, as GNU's: print or check SHA256 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("sha256sum", digestCommand(&sha256sumSpec, digestByKey("sha256"))) }

var sha256sumSpec = digestSpec("sha256sum", "SHA256 (256-bit)", "FIPS-180-2")

package builtins

// sha1sum, as GNU's: print or check SHA1 checksums with -b/-t, --tag,
// -z, and -c with --ignore-missing, --quiet, --status, --strict, -w. See
// util_digest.go for the shared engine.

func init() { Register("sha1sum", digestCommand(&sha1sumSpec, digestByKey("sha1"))) }

var sha1sumSpec = digestSpec("sha1sum", "SHA1 (160-bit)", "FIPS-180-1")

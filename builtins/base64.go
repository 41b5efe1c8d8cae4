package builtins

// base64, as GNU's: encode FILE or stdin (-w COLS/--wrap, default 76, 0
// for none) or decode it (-d/--decode, -i/--ignore-garbage). Input is
// streamed. Decoding stops at the first bad group with "invalid input",
// exit 1, after writing what gnulib's decoder writes.

func init() {
	Register("base64", func(c *Context) int { return basencMain(c, &base64Spec, base64Enc) })
}

var base64Spec = optSpec{
	Short: "diw:",
	Long: []longOpt{
		{Name: "decode", Key: "d"},
		{Name: "ignore-garbage", Key: "i"},
		{Name: "wrap", Arg: requiredArg, Key: "w"},
	},
	Status: 1,
	Usage: `Usage: base64 [OPTION]... [FILE]
Base64 encode or decode FILE, or standard input, to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -d, --decode          decode data
  -i, --ignore-garbage  when decoding, ignore non-alphabet characters
  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).
                          Use 0 to disable line wrapping
      --help        display this help and exit
      --version     output version information and exit

The data are encoded as described for the base64 alphabet in RFC 4648.
When decoding, the input may contain newlines in addition to the bytes of
the formal base64 alphabet.  Use --ignore-garbage to attempt to recover
from any other non-alphabet bytes in the encoded stream.
`,
}

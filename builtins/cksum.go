package builtins

// cksum, as GNU's 9.1: the POSIX CRC by default ("crc size name"), and
// -a/--algorithm sysv, bsd, crc, md5, sha1, sha224, sha256, sha384,
// sha512 with --tag (the default for digests) or --untagged, -z, and
// -c/--check (auto-detecting the algorithm of BSD-style lines) with
// --ignore-missing, --quiet, --status, --strict, -w. Not supported:
// blake2b and sm3 (and so -l), --debug's report.

import (
	"fmt"
	"io"
	"strconv"
)

func init() { Register("cksum", cksum) }

var cksumSpec = optSpec{
	Short: "a:l:cwzbt", // -b and -t are refused with a bare "Try", as GNU's
	Long: []longOpt{
		{Name: "algorithm", Arg: requiredArg, Key: "a"},
		{Name: "length", Arg: requiredArg, Key: "l"},
		{Name: "check", Key: "c"},
		{Name: "tag", Key: "tag"},
		{Name: "untagged", Key: "untagged"},
		{Name: "zero", Key: "z"},
		{Name: "ignore-missing", Key: "ignore-missing"},
		{Name: "quiet", Key: "quiet"},
		{Name: "status", Key: "status"},
		{Name: "strict", Key: "strict"},
		{Name: "warn", Key: "w"},
		{Name: "debug", Key: "debug"},
	},
	Status: 1,
	Usage: `Usage: cksum [OPTION]... [FILE]...
Print or verify checksums.
By default use the 32 bit CRC algorithm.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -a, --algorithm=TYPE  select the digest type to use.  See DIGEST below.
  -c, --check           read checksums from the FILEs and check them
  -l, --length=BITS     digest length in bits; must not exceed the max for
                          the blake2 algorithm and must be a multiple of 8
      --tag             create a BSD-style checksum (the default)
      --untagged        create a reversed style checksum, without digest type
  -z, --zero            end each output line with NUL, not newline,
                          and disable file name escaping

The following five options are useful only when verifying checksums:
      --ignore-missing  don't fail or report status for missing files
      --quiet           don't print OK for each successfully verified file
      --status          don't output anything, status code shows success
      --strict          exit non-zero for improperly formatted checksum lines
  -w, --warn            warn about improperly formatted checksum lines

      --debug           indicate which implementation used
      --help        display this help and exit
      --version     output version information and exit

DIGEST determines the digest algorithm and default output format:
  sysv      (equivalent to sum -s)
  bsd       (equivalent to sum -r)
  crc       (equivalent to cksum)
  md5       (equivalent to md5sum)
  sha1      (equivalent to sha1sum)
  sha224    (equivalent to sha224sum)
  sha256    (equivalent to sha256sum)
  sha384    (equivalent to sha384sum)
  sha512    (equivalent to sha512sum)
  blake2b   (equivalent to b2sum)
  sm3       (only available through cksum)

When checking, the input should be a former output of this program,
or equivalent standalone program.
`,
}

var cksumAlgos = []string{"bsd", "sysv", "crc", "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "sm3"}

// cksumAlgo finds the -a argument; GNU takes exact names only.
func cksumAlgo(name string) (string, bool) {
	for _, a := range cksumAlgos {
		if a == name {
			return a, true
		}
	}
	return "", false
}

func cksum(c *Context) int {
	p, err := c.parseOpts(&cksumSpec)
	if err != nil {
		return exitStatus(err)
	}
	algo := "crc"
	o := digestOpts{binary: -1, tag: true}
	length := ""
	for _, op := range p.Opts {
		switch op.Key {
		case "b", "t":
			c.tryHelp()
			return 1
		case "a":
			a, ok := cksumAlgo(op.Val)
			if !ok {
				c.Errorf("invalid argument %s for %s", quote(op.Val), quote("--algorithm"))
				fmt.Fprintln(c.Stderr, "Valid arguments are:")
				for _, n := range cksumAlgos {
					fmt.Fprintf(c.Stderr, "  - '%s'\n", n)
				}
				c.tryHelp()
				return 1
			}
			algo = a
		case "l":
			length = op.Val
		case "debug":
		default:
			o.set(op.Key)
		}
	}
	if length != "" {
		if algo != "blake2b" {
			return c.Failf(1, "--length is only supported with --algorithm=blake2b")
		}
	}
	if algo == "blake2b" || algo == "sm3" {
		return c.Failf(1, "--algorithm=%s is not supported by sandsh", algo)
	}
	if st := c.digestValidate(&o, true); st >= 0 {
		return st
	}
	if o.check && (algo == "bsd" || algo == "sysv" || algo == "crc") {
		if algo == "crc" && !cksumAlgoGiven(p.Opts) {
			return c.digestRun(&o, p.Operands)
		}
		return c.Failf(1, "--check is not supported with --algorithm={bsd,sysv,crc}")
	}
	if a := digestByKey(algo); a != nil {
		o.algo = a
		return c.digestRun(&o, p.Operands)
	}
	return c.cksumLegacy(algo, p.Operands, o.zero)
}

func cksumAlgoGiven(opts []opt) bool {
	for _, o := range opts {
		if o.Key == "a" {
			return true
		}
	}
	return false
}

// cksumLegacy prints the crc, sysv or bsd checksums of the operands.
func (c *Context) cksumLegacy(algo string, names []string, zero bool) int {
	args := len(names) > 0
	if !args {
		names = []string{"-"}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	status := 0
	for _, name := range names {
		if c.stopped() {
			break
		}
		r, err := c.openInput(name)
		var line string
		if err == nil {
			var sum legacySum
			switch algo {
			case "crc":
				sum = &crcSum{}
			case "sysv":
				sum = &sysvSum{}
			default:
				sum = &bsdSum{}
			}
			_, err = c.copyCancel(sum, r)
			r.Close()
			if err != nil && algo == "crc" && !c.Canceled() {
				err = nil // GNU 9.1's crc ignores read errors (a directory sums as empty)
			}
			line = sum.line()
		}
		if err != nil {
			if c.Canceled() {
				return 1
			}
			out.Flush()
			c.PathErr(quoteIf(name), err)
			status = 1
			continue
		}
		if args {
			line += " " + name
		}
		out.WriteString(line)
		if zero {
			out.WriteByte(0)
		} else {
			out.WriteByte('\n')
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// legacySum is one of the old checksums: crc, sysv, bsd.
type legacySum interface {
	io.Writer
	line() string // the checksum and size fields
}

// crcTable is the table of the POSIX cksum CRC (polynomial 0x04C11DB7,
// most significant bit first).
var crcTable = func() (t [256]uint32) {
	for i := range t {
		crc := uint32(i) << 24
		for j := 0; j < 8; j++ {
			if crc&0x80000000 != 0 {
				crc = crc<<1 ^ 0x04C11DB7
			} else {
				crc <<= 1
			}
		}
		t[i] = crc
	}
	return
}()

type crcSum struct {
	crc  uint32
	size uint64
}

func (s *crcSum) Write(p []byte) (int, error) {
	for _, b := range p {
		s.crc = s.crc<<8 ^ crcTable[byte(s.crc>>24)^b]
	}
	s.size += uint64(len(p))
	return len(p), nil
}

func (s *crcSum) line() string {
	crc := s.crc
	for n := s.size; n != 0; n >>= 8 {
		crc = crc<<8 ^ crcTable[byte(crc>>24)^byte(n)]
	}
	return fmt.Sprintf("%d %d", ^crc, s.size)
}

type sysvSum struct {
	sum  uint32
	size uint64
}

func (s *sysvSum) Write(p []byte) (int, error) {
	for _, b := range p {
		s.sum += uint32(b)
	}
	s.size += uint64(len(p))
	return len(p), nil
}

func (s *sysvSum) line() string {
	r := s.sum&0xffff + s.sum>>16
	ck := r&0xffff + r>>16
	return strconv.FormatUint(uint64(ck), 10) + " " + strconv.FormatUint((s.size+511)/512, 10)
}

type bsdSum struct {
	ck   uint32
	size uint64
}

func (s *bsdSum) Write(p []byte) (int, error) {
	for _, b := range p {
		s.ck = (s.ck >> 1) + (s.ck&1)<<15
		s.ck = (s.ck + uint32(b)) & 0xffff
	}
	s.size += uint64(len(p))
	return len(p), nil
}

func (s *bsdSum) line() string { return fmt.Sprintf("%05d %5d", s.ck, (s.size+1023)/1024) }

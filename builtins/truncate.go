package builtins

// truncate, as GNU's: -s/--size=SIZE with the relative prefixes + - < >
// / % and the multiplier suffixes K, KB, KiB, M, G, T, P, E (and lower
// case k, m, g, t), -c/--no-create, -o/--io-blocks (SIZE counts blocks of
// the file's st_blksize), -r/--reference=RFILE. Nothing is unsupported.

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

func init() { Register("truncate", truncate) }

var truncateSpec = optSpec{
	Short: "cor:s:",
	Long: []longOpt{
		{Name: "no-create", Key: "c"},
		{Name: "io-blocks", Key: "o"},
		{Name: "reference", Arg: requiredArg, Key: "r"},
		{Name: "size", Arg: requiredArg, Key: "s"},
	},
	Status: 1,
	Usage: `Usage: truncate OPTION... FILE...
Shrink or extend the size of each FILE to the specified size

A FILE argument that does not exist is created.

If a FILE is larger than the specified size, the extra data is lost.
If a FILE is shorter, it is extended and the sparse extended part (hole)
reads as zero bytes.

Mandatory arguments to long options are mandatory for short options too.
  -c, --no-create        do not create any files
  -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes
  -r, --reference=RFILE  base size on RFILE
  -s, --size=SIZE        set or adjust the file size by SIZE bytes
      --help        display this help and exit
      --version     output version information and exit

The SIZE argument is an integer and optional unit (example: 10K is 10*1024).
Units are K,M,G,T,P,E,Z,Y,R,Q (powers of 1024) or KB,MB,... (powers of 1000).
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.

SIZE may also be prefixed by one of the following modifying characters:
'+' extend by, '-' reduce by, '<' at most, '>' at least,
'/' round down to multiple of, '%' round up to multiple of.
`,
}

// truncRel is how SIZE applies to the current size.
type truncRel int

const (
	truncAbs  truncRel = iota
	truncAdd           // + or -
	truncMax           // <: at most
	truncMin           // >: at least
	truncDown          // /: round down
	truncUp            // %: round up
)

func truncate(c *Context) int {
	p, err := c.parseOpts(&truncateSpec)
	if err != nil {
		return exitStatus(err)
	}
	noCreate, blocks := false, false
	ref, hasRef := "", false
	var size int64
	gotSize := false
	rel := truncAbs
	for _, o := range p.Opts {
		switch o.Key {
		case "c":
			noCreate = true
		case "o":
			blocks = true
		case "r":
			ref, hasRef = o.Val, true
		case "s":
			arg := strings.TrimLeft(o.Val, " \t\n\v\f\r")
			rel = truncAbs
			if arg != "" {
				if m, ok := map[byte]truncRel{'<': truncMax, '>': truncMin, '/': truncDown, '%': truncUp}[arg[0]]; ok {
					rel = m
					arg = strings.TrimLeft(arg[1:], " \t\n\v\f\r")
				}
			}
			if arg != "" && (arg[0] == '+' || arg[0] == '-') {
				if rel != truncAbs {
					return c.usageErr(1, "multiple relative modifiers specified")
				}
				rel = truncAdd
			}
			n, e := parseSuffixed(arg, "EgGkKmMPtTYZ0", true)
			switch e {
			case sizeInvalid:
				return c.Failf(1, "Invalid number: %s", quote(o.Val))
			case sizeOverflow:
				return c.Failf(1, "Invalid number: %s: %s", quote(o.Val), Strerror(syscall.EOVERFLOW))
			}
			if (rel == truncUp || rel == truncDown) && n == 0 {
				return c.Failf(1, "division by zero")
			}
			size, gotSize = n, true
		}
	}
	if !hasRef && !gotSize {
		return c.usageErr(1, "you must specify either %s or %s", quote("--size"), quote("--reference"))
	}
	if hasRef && gotSize && rel == truncAbs {
		return c.usageErr(1, "you must specify a relative %s with %s", quote("--size"), quote("--reference"))
	}
	if blocks && !gotSize {
		return c.usageErr(1, "%s was specified but %s was not", quote("--io-blocks"), quote("--size"))
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing file operand")
	}
	refSize := int64(-1)
	if hasRef {
		fi, err := c.stat(ref)
		if err != nil {
			return c.Failf(1, "cannot stat %s: %s", quote(ref), ErrText(err))
		}
		if gotSize {
			refSize = fi.Size()
		} else {
			size = fi.Size()
		}
	}
	flags := os.O_WRONLY
	if !noCreate {
		flags |= os.O_CREATE
	}
	status := 0
	for _, name := range p.Operands {
		if c.Canceled() {
			return 1
		}
		f, err := c.FS.OpenFile(c.fsPath(name), flags, 0o666)
		if err != nil {
			if !(noCreate && errnoOf(err) == syscall.ENOENT) {
				c.Errorf("cannot open %s for writing: %s", quote(name), ErrText(err))
				status = 1
			}
			continue
		}
		if !c.truncateOne(f, name, size, refSize, rel, blocks) {
			status = 1
		}
		f.Close()
	}
	return status
}

// truncateOne sets the size of the open file f, as GNU's do_ftruncate.
func (c *Context) truncateOne(f interface {
	Stat() (os.FileInfo, error)
	Truncate(int64) error
}, name string, size, refSize int64, rel truncRel, blocks bool) bool {
	var fsize int64
	if blocks || (rel != truncAbs && refSize < 0) {
		fi, err := f.Stat()
		if err != nil {
			c.Errorf("cannot fstat %s: %s", quote(name), ErrText(err))
			return false
		}
		fsize = fi.Size()
		if blocks {
			blksize := int64(512)
			if st := statT(fi); st != nil && st.Blksize > 0 {
				blksize = int64(st.Blksize)
			}
			prod := size * blksize
			if size != 0 && (prod/blksize != size) {
				c.Errorf("overflow in %d * %d byte blocks for file %s", size, blksize, quote(name))
				return false
			}
			size = prod
		}
	}
	if refSize >= 0 {
		fsize = refSize
	}
	nsize := size
	switch rel {
	case truncMin:
		nsize = max(fsize, size)
	case truncMax:
		nsize = min(fsize, size)
	case truncDown:
		nsize = fsize / size * size
	case truncUp:
		r := fsize % size
		if r != 0 {
			nsize = fsize - r + size
			if nsize < fsize {
				c.Errorf("overflow extending size of file %s", quote(name))
				return false
			}
		} else {
			nsize = fsize
		}
	case truncAdd:
		nsize = fsize + size
		if (size > 0 && nsize < fsize) || (size < 0 && nsize > fsize) {
			c.Errorf("overflow extending size of file %s", quote(name))
			return false
		}
	}
	if nsize < 0 {
		nsize = 0
	}
	if err := f.Truncate(nsize); err != nil {
		c.Errorf("failed to truncate %s at %s bytes: %s", quote(name), strconv.FormatInt(nsize, 10), ErrText(err))
		return false
	}
	return true
}

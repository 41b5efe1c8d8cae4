package builtins

// stat, as GNU's (coreutils 9.1): the default multi-line output, -t/--terse,
// -c/--format (a newline is added) and --printf (backslash escapes, no
// newline added) with %n %N %s %b %B %f %F %a %A %u %U %g %G %h %i %d %D
// %Hd %Ld %r %R %Hr %Lr %t %T %x %X %y %Y %z %Z %w %W %o %m %%, GNU's
// flags, width and precision (precision on %X %Y %Z %W gives fractions of
// a second); -L/--dereference. User and group names are "root" for id 0
// and UNKNOWN otherwise (the sandbox has no user database); the birth
// time is unknown ("-" and 0); %m is always "/". -f/--file-system is
// partial: it describes the sandbox's filesystem with fixed values
// (type tmpfs, 4096-byte blocks, counts of 0). Not supported: %C (SELinux
// context), "-" (stat of stdin), --cached.

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

func init() { Register("stat", stat) }

var statSpec = optSpec{
	Short: "c:fLt",
	Long: []longOpt{
		{Name: "dereference", Key: "L"},
		{Name: "file-system", Key: "f"},
		{Name: "format", Arg: requiredArg, Key: "c"},
		{Name: "printf", Arg: requiredArg, Key: "printf"},
		{Name: "terse", Key: "t"},
		{Name: "cached", Arg: requiredArg, Key: "cached"},
	},
	Status: 1,
	Usage: `Usage: stat [OPTION]... FILE...
Display file or file system status.

Mandatory arguments to long options are mandatory for short options too.
  -L, --dereference     follow links
  -f, --file-system     display file system status instead of file status
      --cached=MODE     specify how to use cached attributes;
                          useful on remote file systems. See MODE below
  -c  --format=FORMAT   use the specified FORMAT instead of the default;
                          output a newline after each use of FORMAT
      --printf=FORMAT   like --format, but interpret backslash escapes,
                          and do not output a mandatory trailing newline;
                          if you want a newline, include \n in FORMAT
  -t, --terse           print the information in terse form
      --help        display this help and exit
      --version     output version information and exit
`,
}

const (
	statDefault = "  File: %N\n" +
		"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	statDevLine    = "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
	statNonDevLine = "Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
	statRest       = "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" +
		"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
	statTerse   = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n"
	statFSTerse = "%n %i %l %t %s %S %b %f %a %c %d\n"
	statFS      = "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n" +
		"Block size: %-10s Fundamental block size: %S\n" +
		"Blocks: Total: %-10b Free: %-10f Available: %a\n" +
		"Inodes: Total: %-10c Free: %d\n"
)

func stat(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&statSpec)
	if err != nil {
		return exitStatus(err)
	}
	deref, fsMode, terse := false, false, false
	format, hasFormat, escapes := "", false, false
	newline := false
	for _, o := range p.Opts {
		switch o.Key {
		case "L":
			deref = true
		case "f":
			fsMode = true
		case "t":
			terse = true
		case "c":
			format, hasFormat, escapes = o.Val, true, false
			newline = true
		case "printf":
			format, hasFormat, escapes = o.Val, true, true
			newline = false
		case "cached":
			if _, ok := c.argMatch("--cached", o.Val, [][]string{{"default"}, {"never"}, {"always"}}); !ok {
				return 1
			}
		}
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	if hasFormat && escapes {
		format = c.statEscapes(format)
	}
	status := 0
	for _, name := range p.Operands {
		if c.stopped() {
			return 1
		}
		var fi fs.FileInfo
		var err error
		if fsMode {
			fi, err = c.stat(name)
			if err != nil {
				c.Errorf("cannot read file system information for %s: %s", quote(name), ErrText(err))
				status = 1
				continue
			}
		} else {
			if deref {
				fi, err = c.stat(name)
			} else {
				fi, err = c.lstat(name)
			}
			if err != nil {
				c.Errorf("cannot statx %s: %s", quote(name), ErrText(err))
				status = 1
				continue
			}
		}
		f := format
		quoteNames := hasFormat
		if !hasFormat {
			switch {
			case fsMode && terse:
				f = statFSTerse
			case fsMode:
				f = statFS
			case terse:
				f = statTerse
			default:
				m := fi.Mode()
				line := statNonDevLine
				if m&fs.ModeDevice != 0 {
					line = statDevLine
				}
				f = statDefault + line + statRest
			}
		}
		s := &statFile{c: c, name: name, fi: fi, st: statT(fi), quote: quoteNames, loc: c.location()}
		var b strings.Builder
		s.print(&b, f, fsMode)
		if newline {
			b.WriteByte('\n')
		}
		c.writeOut(b.String())
	}
	if out.err != nil {
		return 1
	}
	return status
}

// statEscapes interprets --printf's backslash escapes.
func (c *Context) statEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch != '\\' || i+1 >= len(s) {
			b.WriteByte(ch)
			continue
		}
		i++
		e := s[i]
		switch {
		case e >= '0' && e <= '7':
			v, n := 0, 0
			for n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7' {
				v = v*8 + int(s[i]-'0')
				i++
				n++
			}
			i--
			b.WriteByte(byte(v))
		case e == 'x' && i+1 < len(s) && isHex(s[i+1]):
			v, n := 0, 0
			i++
			for n < 2 && i < len(s) && isHex(s[i]) {
				d, _ := strconv.ParseUint(s[i:i+1], 16, 8)
				v = v*16 + int(d)
				i++
				n++
			}
			i--
			b.WriteByte(byte(v))
		default:
			if r, ok := map[byte]byte{'a': '\a', 'b': '\b', 'e': 0x1b, 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\', '"': '"'}[e]; ok {
				b.WriteByte(r)
			} else {
				c.Errorf("warning: unrecognized escape '\\%c'", e)
				b.WriteByte(e)
			}
		}
	}
	return b.String()
}

// statFile is one file being described.
type statFile struct {
	c     *Context
	name  string
	fi    fs.FileInfo
	st    *syscall.Stat_t
	quote bool // %N quotes names (a user format), else literal
	loc   *time.Location
}

// print expands format into b.
func (s *statFile) print(b *strings.Builder, format string, fsMode bool) {
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			b.WriteByte(ch)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("'-+ #0", format[j]) >= 0 {
			j++
		}
		flags := format[i+1 : j]
		k := j
		for k < len(format) && format[k] >= '0' && format[k] <= '9' {
			k++
		}
		width := format[j:k]
		prec, hasPrec := "", false
		if k < len(format) && format[k] == '.' {
			hasPrec = true
			k++
			m := k
			for k < len(format) && format[k] >= '0' && format[k] <= '9' {
				k++
			}
			prec = format[m:k]
		}
		if k >= len(format) {
			// A lone % at the end is printed as such.
			b.WriteString(format[i:])
			return
		}
		conv := format[k]
		if conv == '%' {
			b.WriteByte('%')
			i = k
			continue
		}
		spec := statSpecOf{flags: strings.ReplaceAll(flags, "'", ""), width: width, prec: prec, hasPrec: hasPrec}
		if (conv == 'H' || conv == 'L') && !fsMode && k+1 < len(format) && strings.IndexByte("dr", format[k+1]) >= 0 {
			k++
			s.devPart(b, spec, conv, format[k])
		} else if fsMode {
			s.fsDirective(b, spec, conv)
		} else {
			s.directive(b, spec, conv)
		}
		i = k
	}
}

// statSpecOf is the printf part of a directive.
type statSpecOf struct {
	flags, width, prec string
	hasPrec            bool
}

func (p statSpecOf) str(b *strings.Builder, v string) {
	flags := strings.Map(func(r rune) rune {
		if r == '-' {
			return r
		}
		return -1
	}, p.flags)
	f := "%" + flags + p.width
	if p.hasPrec {
		f += "." + p.prec
	}
	fmt.Fprintf(b, f+"s", v)
}

func (p statSpecOf) num(b *strings.Builder, v any, verb string) {
	f := "%" + p.flags + p.width
	if p.hasPrec {
		f += "." + p.prec
	}
	fmt.Fprintf(b, f+verb, v)
}

func (s *statFile) directive(b *strings.Builder, p statSpecOf, conv byte) {
	st := s.st
	if st == nil {
		st = &syscall.Stat_t{}
	}
	m := s.fi.Mode()
	switch conv {
	case 'n':
		p.str(b, s.name)
	case 'N':
		name, target := s.name, ""
		if m&fs.ModeSymlink != 0 {
			target, _ = s.c.FS.ReadlinkIfPossible(s.c.fsPath(s.name))
		}
		if s.quote {
			name = quote(name)
			if target != "" {
				target = quote(target)
			}
		}
		if m&fs.ModeSymlink != 0 {
			name += " -> " + target
		}
		p.str(b, name)
	case 's':
		p.num(b, s.fi.Size(), "d")
	case 'b':
		p.num(b, uint64(st.Blocks), "d")
	case 'B':
		p.num(b, 512, "d")
	case 'o':
		bs := int64(st.Blksize)
		if bs <= 0 {
			bs = 4096
		}
		p.num(b, bs, "d")
	case 'f':
		p.num(b, vfs.UnixMode(m), "x")
	case 'F':
		p.str(b, statTypeName(s.fi))
	case 'a':
		p.num(b, toUnix(m), "o")
	case 'A':
		p.str(b, modeString(m))
	case 'u':
		p.num(b, st.Uid, "d")
	case 'U':
		p.str(b, statIDName(st.Uid))
	case 'g':
		p.num(b, st.Gid, "d")
	case 'G':
		p.str(b, statIDName(st.Gid))
	case 'h':
		p.num(b, uint64(st.Nlink), "d")
	case 'i':
		p.num(b, st.Ino, "d")
	case 'd':
		p.num(b, uint64(st.Dev), "d")
	case 'D':
		p.num(b, uint64(st.Dev), "x")
	case 'r':
		p.num(b, uint64(st.Rdev), "d")
	case 'R':
		p.num(b, uint64(st.Rdev), "x")
	case 't':
		p.num(b, devMajor(uint64(st.Rdev)), "x")
	case 'T':
		p.num(b, devMinor(uint64(st.Rdev)), "x")
	case 'm':
		p.str(b, "/")
	case 'x', 'y', 'z':
		p.str(b, s.timeString(statTime(st, s.fi, conv)))
	case 'X', 'Y', 'Z':
		s.epoch(b, p, statTime(st, s.fi, conv))
	case 'w':
		p.str(b, "-")
	case 'W':
		s.epoch(b, p, time.Unix(0, 0))
	default:
		b.WriteByte('?')
	}
}

// devPart prints %Hd %Ld %Hr %Lr: the major or minor of st_dev or
// st_rdev, in decimal.
func (s *statFile) devPart(b *strings.Builder, p statSpecOf, hl, which byte) {
	st := s.st
	if st == nil {
		st = &syscall.Stat_t{}
	}
	dev := uint64(st.Dev)
	if which == 'r' {
		dev = uint64(st.Rdev)
	}
	if hl == 'H' {
		p.num(b, devMajor(dev), "d")
	} else {
		p.num(b, devMinor(dev), "d")
	}
}

// fsDirective prints a directive of -f, for the sandbox's filesystem.
func (s *statFile) fsDirective(b *strings.Builder, p statSpecOf, conv byte) {
	switch conv {
	case 'n':
		p.str(b, s.name)
	case 'i':
		p.num(b, 0, "x")
	case 'l':
		p.num(b, 255, "d")
	case 't':
		p.num(b, 0x01021994, "x")
	case 'T':
		p.str(b, "tmpfs")
	case 's', 'S':
		p.num(b, 4096, "d")
	case 'b', 'f', 'a', 'c', 'd':
		p.num(b, 0, "d")
	default:
		b.WriteByte('?')
	}
}

// timeString formats t as stat's %x: local date, time to the
// nanosecond and zone.
func (s *statFile) timeString(t time.Time) string {
	return t.In(s.loc).Format("2006-01-02 15:04:05.000000000 -0700")
}

// epoch prints seconds since the epoch; a precision adds that many
// digits of the fraction, as GNU's out_epoch_sec.
func (s *statFile) epoch(b *strings.Builder, p statSpecOf, t time.Time) {
	if !p.hasPrec {
		p.num(b, t.Unix(), "d")
		return
	}
	prec, _ := strconv.Atoi(p.prec)
	sec, ns := t.Unix(), t.Nanosecond()
	if sec < 0 && ns > 0 {
		sec++
		ns = 1e9 - ns
	}
	v := strconv.FormatInt(sec, 10)
	if prec > 0 {
		frac := fmt.Sprintf("%09d", ns)
		if prec <= 9 {
			frac = frac[:prec]
		} else {
			frac += strings.Repeat("0", prec-9)
		}
		v += "." + frac
	}
	p.hasPrec = false
	p.str(b, v)
}

func statTime(st *syscall.Stat_t, fi fs.FileInfo, conv byte) time.Time {
	switch conv {
	case 'x', 'X':
		if st.Atim.Sec != 0 || st.Atim.Nsec != 0 {
			return time.Unix(st.Atim.Unix())
		}
	case 'z', 'Z':
		if st.Ctim.Sec != 0 || st.Ctim.Nsec != 0 {
			return time.Unix(st.Ctim.Unix())
		}
	}
	return fi.ModTime()
}

// statTypeName is GNU's file_type, as stat's %F shows it.
func statTypeName(fi fs.FileInfo) string { return typeName(fi) }

// statIDName is the name of a user or group: root for 0, and GNU's
// UNKNOWN for ids the sandbox has no name for.
func statIDName(id uint32) string {
	if id == 0 {
		return "root"
	}
	return "UNKNOWN"
}

// devMajor and devMinor split a Linux dev_t.
func devMajor(dev uint64) uint64 { return (dev>>8)&0xfff | (dev>>32)&^0xfff }
func devMinor(dev uint64) uint64 { return dev&0xff | (dev>>12)&^0xff }

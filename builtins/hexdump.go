package builtins

// hexdump, as util-linux's: the default format, -C (canonical hex+ASCII),
// -x, -b, -c, -d, -o (several accumulate, one line each per block), -n
// LENGTH, -s OFFSET (with 0x/0 prefixes and K/KB/KiB... suffixes), -v and
// "*" for repeated lines. Files are read as one stream, as util-linux
// does; "-" is a file name, not standard input. Not supported: -e and -f
// format strings, -L (colors). Streams two blocks at a time.

import (
	"fmt"
	"strings"
)

func init() { Register("hexdump", hexdump) }

var hexdumpSpec = optSpec{
	Short: "bcCde:f:L:n:os:vxh",
	Long: []longOpt{
		{Name: "one-byte-octal", Key: "b"},
		{Name: "one-byte-char", Key: "c"},
		{Name: "canonical", Key: "C"},
		{Name: "two-bytes-decimal", Key: "d"},
		{Name: "two-bytes-octal", Key: "o"},
		{Name: "two-bytes-hex", Key: "x"},
		{Name: "format", Arg: requiredArg, Key: "e"},
		{Name: "format-file", Arg: requiredArg, Key: "f"},
		{Name: "color", Arg: optionalArg, Key: "L"},
		{Name: "length", Arg: requiredArg, Key: "n"},
		{Name: "skip", Arg: requiredArg, Key: "s"},
		{Name: "no-squeezing", Key: "v"},
	},
	Status: 1,
	Usage: `
Usage:
 hexdump [options] <file>...

Display file contents in hexadecimal, decimal, octal, or ascii.

Options:
 -b, --one-byte-octal      one-byte octal display
 -c, --one-byte-char       one-byte character display
 -C, --canonical           canonical hex+ASCII display
 -d, --two-bytes-decimal   two-byte decimal display
 -o, --two-bytes-octal     two-byte octal display
 -x, --two-bytes-hex       two-byte hexadecimal display
 -L, --color[=<mode>]      interpret color formatting specifiers
                             colors are enabled by default
 -e, --format <format>     format string to be used for displaying data
 -f, --format-file <file>  file that contains format strings
 -n, --length <length>     interpret only length bytes of input
 -s, --skip <offset>       skip offset bytes from the beginning
 -v, --no-squeezing        output identical lines

 -h, --help                display this help
 -V, --version             display version
`,
}

// hexGroup is a run of units of one conversion in a hexdump line.
type hexGroup struct {
	lead  string // printed before the group
	start int    // offset in the block of its first unit
	count int
	size  int
	width int // width of a blank unit, without the trailing space
	pre   string
	sep   string // after each unit but the last
	conv  func([]byte) string
	text  bool // %_p: printed only for the bytes present
}

type hexFormat struct {
	addrWidth int
	addrSep   string
	groups    []hexGroup
	tail      string
}

func hexdumpFormat(key string) hexFormat {
	hex2 := func(b []byte) string { return fmt.Sprintf("%04x", uint16(b[0])|uint16(b[1])<<8) }
	two := func(pre string, w int, conv func([]byte) string) hexFormat {
		return hexFormat{addrWidth: 7, addrSep: " ", groups: []hexGroup{{count: 8, size: 2, width: len(pre) + w, pre: pre, sep: " ", conv: conv}}}
	}
	one := func(w int, conv func([]byte) string) hexFormat {
		return hexFormat{addrWidth: 7, addrSep: " ", groups: []hexGroup{{count: 16, size: 1, width: w, sep: " ", conv: conv}}}
	}
	switch key {
	case "C":
		h := func(b []byte) string { return fmt.Sprintf("%02x", b[0]) }
		return hexFormat{addrWidth: 8, addrSep: "  ", groups: []hexGroup{
			{count: 8, size: 1, width: 2, sep: " ", conv: h},
			{lead: "  ", start: 8, count: 8, size: 1, width: 2, sep: " ", conv: h},
			{lead: "  |", count: 16, size: 1, text: true, conv: func(b []byte) string {
				if b[0] < 32 || b[0] > 126 {
					return "."
				}
				return string(b[:1])
			}},
		}, tail: "|"}
	case "x":
		return two("   ", 4, hex2)
	case "d":
		return two("  ", 5, func(b []byte) string { return fmt.Sprintf("%05d", uint16(b[0])|uint16(b[1])<<8) })
	case "o":
		return two(" ", 6, func(b []byte) string { return fmt.Sprintf("%06o", uint16(b[0])|uint16(b[1])<<8) })
	case "b":
		return one(3, func(b []byte) string { return fmt.Sprintf("%03o", b[0]) })
	case "c":
		return one(3, func(b []byte) string {
			names := map[byte]string{0: `\0`, '\a': `\a`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`, '\v': `\v`}
			if s, ok := names[b[0]]; ok {
				return fmt.Sprintf("%3s", s)
			}
			if b[0] >= 32 && b[0] < 127 {
				return fmt.Sprintf("%3c", b[0])
			}
			return fmt.Sprintf("%03o", b[0])
		})
	}
	return two("", 4, hex2)
}

// hexdumpSize parses a -n or -s value as util-linux's strtosize does.
func hexdumpSize(s string) (uint64, bool) {
	if strings.HasSuffix(s, "b") {
		return 0, false
	}
	v, e, _ := parseByteCount(s, 0)
	return v, e == numOK
}

func hexdump(c *Context) int {
	p, err := c.parseOpts(&hexdumpSpec)
	if err != nil {
		return exitStatus(err)
	}
	var formats []hexFormat
	var skip, length uint64
	limited, squeeze := false, true
	for _, o := range p.Opts {
		switch o.Key {
		case "b", "c", "C", "d", "o", "x":
			formats = append(formats, hexdumpFormat(o.Key))
		case "e", "f":
			return c.Failf(1, "format strings (-e, -f) are not supported by this hexdump")
		case "n":
			v, ok := hexdumpSize(o.Val)
			if !ok {
				return c.Failf(1, "failed to parse length: '%s': Invalid argument", o.Val)
			}
			length, limited = v, true
		case "s":
			v, ok := hexdumpSize(o.Val)
			if !ok {
				return c.Failf(1, "failed to parse offset: '%s': Invalid argument", o.Val)
			}
			skip = v
		case "v":
			squeeze = false
		case "h":
			return c.writeOut(hexdumpSpec.Usage)
		}
	}
	if len(formats) == 0 {
		formats = append(formats, hexdumpFormat(""))
	}
	if limited && length == 0 {
		return 0
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	in := c.newByteInput(p.Operands)
	in.dashIsFile = len(p.Operands) > 0
	left := in.skip(skip)
	address := skip - left
	const block = 16
	bufs := [2][]byte{make([]byte, block), make([]byte, block)}
	idx := 0
	first, prevEqual := true, false
	for !c.stopped() && out.err == nil {
		need := uint64(block)
		if limited {
			if length == 0 {
				break
			}
			need = min(need, length)
		}
		n := in.fill(bufs[idx][:need])
		if limited {
			length -= uint64(n)
		}
		if n == 0 {
			break
		}
		cur := bufs[idx][:n]
		if squeeze && !first && n == block && string(cur) == string(bufs[1-idx]) {
			if !prevEqual {
				out.WriteString("*\n")
				prevEqual = true
			}
		} else {
			prevEqual = false
			for _, f := range formats {
				hexdumpLine(out, f, address, cur)
			}
		}
		first = false
		address += uint64(n)
		idx = 1 - idx
		if n < block {
			break
		}
	}
	if address != 0 {
		out.Printf("%0*x\n", formats[len(formats)-1].addrWidth, address)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	if in.opened == 0 && in.openFailed > 0 {
		return c.Failf(1, "all input file arguments failed")
	}
	if in.openFailed > 0 {
		return 1
	}
	return 0
}

func hexdumpLine(out *errWriter, f hexFormat, address uint64, data []byte) {
	out.Printf("%0*x%s", f.addrWidth, address, f.addrSep)
	for _, g := range f.groups {
		out.WriteString(g.lead)
		for i := 0; i < g.count; i++ {
			pos := g.start + i*g.size
			if pos >= len(data) {
				if g.text {
					break
				}
				out.WriteString(strings.Repeat(" ", g.width))
			} else {
				unit := make([]byte, g.size)
				copy(unit, data[pos:])
				out.WriteString(g.pre)
				out.WriteString(g.conv(unit))
			}
			if i < g.count-1 {
				out.WriteString(g.sep)
			}
		}
	}
	out.WriteString(f.tail)
	out.WriteByte('\n')
}

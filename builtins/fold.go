package builtins

// fold, as GNU's: -w WIDTH (and the obsolete -WIDTH), -s, -b and their
// long forms. Columns count as a terminal shows them: a tab goes to the
// next multiple of 8, backspace goes back one, carriage return to 0;
// -b counts bytes. Streams, holding at most one output line.

import (
	"bufio"
	"io"
	"math"
	"regexp"
)

func init() { Register("fold", fold) }

var foldSpec = optSpec{
	Short: "bsw:",
	Long: []longOpt{
		{Name: "bytes", Key: "b"},
		{Name: "spaces", Key: "s"},
		{Name: "width", Arg: requiredArg, Key: "w"},
	},
	Status: 1,
	Usage: `Usage: fold [OPTION]... [FILE]...
Wrap input lines in each FILE, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --bytes         count bytes rather than columns
  -s, --spaces        break at spaces
  -w, --width=WIDTH   use WIDTH columns instead of 80
      --help        display this help and exit
      --version     output version information and exit
`,
}

var (
	foldObsolete = regexp.MustCompile(`^-[0-9]+$`)
	foldShortW   = regexp.MustCompile(`^-[bs]*w$`)
)

func fold(c *Context) int {
	// The obsolete -WIDTH becomes -w WIDTH, as GNU's fold rewrites it.
	args := []string{c.Args[0]}
	for i, a := range c.Args[1:] {
		if a == "--" {
			args = append(args, c.Args[1+i:]...)
			break
		}
		prev := args[len(args)-1]
		takesArg := i > 0 && (prev == "--width" || foldShortW.MatchString(prev))
		if !takesArg && foldObsolete.MatchString(a) {
			a = "-w" + a[1:]
		}
		args = append(args, a)
	}
	sub := *c
	sub.Args = args
	c = &sub
	p, err := c.parseOpts(&foldSpec)
	if err != nil {
		return exitStatus(err)
	}
	width := 80
	countBytes, spaces := false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "b":
			countBytes = true
		case "s":
			spaces = true
		case "w":
			if t := o.Val; len(t) > 0 && t[0] == '-' {
				return c.Failf(1, "invalid number of columns: %s", quote(t))
			}
			w, ok := c.xdecArg(o.Val, 1, math.MaxInt32, "invalid number of columns")
			if !ok {
				return 1
			}
			width = int(w)
		}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	line := make([]byte, 0, 256)
	adjust := func(col int, ch byte) int {
		if countBytes {
			return col + 1
		}
		switch ch {
		case '\b':
			if col > 0 {
				col--
			}
		case '\r':
			col = 0
		case '\t':
			col += 8 - col%8
		default:
			col++
		}
		return col
	}
	status := c.eachInput(p.Operands, func(name string, r io.Reader) error {
		br := bufio.NewReaderSize(r, 32*1024)
		column := 0
		line = line[:0]
		defer func() {
			out.Write(line)
			line = line[:0]
		}()
		for {
			if br.Buffered() == 0 && c.stopped() {
				return nil
			}
			ch, err := br.ReadByte()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if ch == '\n' {
				line = append(line, ch)
				out.Write(line)
				line = line[:0]
				column = 0
				if out.err != nil {
					return wrapWrite(out.err)
				}
				continue
			}
		rescan:
			column = adjust(column, ch)
			if column > width {
				if spaces {
					end := -1
					for i := len(line) - 1; i >= 0; i-- {
						if line[i] == ' ' || line[i] == '\t' {
							end = i
							break
						}
					}
					if end >= 0 {
						end++
						out.Write(line[:end])
						out.WriteByte('\n')
						n := copy(line, line[end:])
						line = line[:n]
						column = 0
						for _, b := range line {
							column = adjust(column, b)
						}
						goto rescan
					}
				}
				if len(line) == 0 {
					line = append(line, ch)
					continue
				}
				line = append(line, '\n')
				out.Write(line)
				line = line[:0]
				column = 0
				if out.err != nil {
					return wrapWrite(out.err)
				}
				goto rescan
			}
			line = append(line, ch)
		}
	})
	if err := out.Flush(); err != nil && status == 0 {
		return c.writeFailed(err)
	}
	return status
}

package builtins

// shuf, as GNU coreutils': writes a random permutation of the lines of
// FILE (or stdin), of the operands with -e/--echo, or of the numbers
// LO..HI with -i/--input-range; -n/--head-count=COUNT outputs at most
// COUNT lines, -r/--repeat draws with replacement (forever without -n,
// until the output is closed or the run cancelled), -o/--output=FILE
// writes to FILE once all input is read, -z/--zero-terminated uses NUL
// line ends, --random-source=FILE seeds the generator from FILE's bytes
// (the permutation differs from GNU's for the same source). Input lines
// are held in memory, as GNU's are.

import (
	"bufio"
	"bytes"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

func init() { Register("shuf", shuf) }

var shufSpec = optSpec{
	Short: "ei:n:o:rz",
	Long: []longOpt{
		{Name: "echo", Key: "e"},
		{Name: "input-range", Arg: requiredArg, Key: "i"},
		{Name: "head-count", Arg: requiredArg, Key: "n"},
		{Name: "output", Arg: requiredArg, Key: "o"},
		{Name: "random-source", Arg: requiredArg, Key: "random-source"},
		{Name: "repeat", Key: "r"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: shuf [OPTION]... [FILE]
  or:  shuf -e [OPTION]... [ARG]...
  or:  shuf -i LO-HI [OPTION]...
Write a random permutation of the input lines to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -e, --echo                treat each ARG as an input line
  -i, --input-range=LO-HI   treat each number LO through HI as an input line
  -n, --head-count=COUNT    output at most COUNT lines
  -o, --output=FILE         write result to FILE instead of standard output
      --random-source=FILE  get random bytes from FILE
  -r, --repeat              output lines can be repeated
  -z, --zero-terminated     line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

// shufNumber parses a non-negative decimal for -i and -n as xdectoumax.
func shufNumber(s string) (uint64, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	if strings.HasPrefix(t, "-") {
		return 0, false
	}
	v, err := strconv.ParseUint(strings.TrimPrefix(t, "+"), 10, 64)
	return v, err == nil
}

func shuf(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&shufSpec)
	if err != nil {
		return exitStatus(err)
	}
	echo, repeat := false, false
	eol := byte('\n')
	head := uint64(1<<64 - 1)
	hasRange := false
	var lo, hi uint64
	output, hasOutput, source := "", false, ""
	for _, o := range p.Opts {
		switch o.Key {
		case "e":
			echo = true
		case "r":
			repeat = true
		case "z":
			eol = 0
		case "n":
			v, ok := shufNumber(o.Val)
			if !ok {
				return c.Failf(1, "invalid line count: %s", quote(o.Val))
			}
			head = min(head, v)
		case "o":
			if hasOutput && output != o.Val {
				return c.Failf(1, "multiple output files specified")
			}
			output, hasOutput = o.Val, true
		case "random-source":
			if source != "" && source != o.Val {
				return c.Failf(1, "multiple random sources specified")
			}
			source = o.Val
		case "i":
			if hasRange {
				return c.Failf(1, "multiple -i options specified")
			}
			hasRange = true
			l, h, found := strings.Cut(o.Val, "-")
			if !found {
				h = l
			}
			if found {
				v, ok := shufNumber(l)
				if !ok {
					return c.Failf(1, "invalid input range: %s", quote(l))
				}
				lo = v
			}
			v, ok := shufNumber(h)
			if !ok {
				return c.Failf(1, "invalid input range: %s", quote(h))
			}
			hi = v
			n := hi - lo + 1
			if !found || (lo <= hi) == (n == 0) {
				return c.Failf(1, "invalid input range: %s", quote(o.Val))
			}
		}
	}
	if echo && hasRange {
		return c.usageErr(1, "cannot combine -e and -i options")
	}
	ops := p.Operands
	if hasRange && len(ops) > 0 {
		return c.usageErr(1, "extra operand %s", quote(ops[0]))
	}
	if !echo && !hasRange && len(ops) > 1 {
		return c.usageErr(1, "extra operand %s", quote(ops[1]))
	}
	rng, st := c.shufRand(source)
	if st != 0 {
		return st
	}
	// The input lines (not for -i, which works on numbers).
	var lines [][]byte
	count := uint64(0)
	switch {
	case hasRange:
		count = hi - lo + 1
	case echo:
		for _, a := range ops {
			lines = append(lines, []byte(a))
		}
	default:
		name := "-"
		if len(ops) == 1 {
			name = ops[0]
		}
		if head == 0 && !repeat {
			break
		}
		r, err := c.openInput(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			return 1
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return c.Failf(1, "read error: %s", ErrText(err))
		}
		for len(data) > 0 {
			i := bytes.IndexByte(data, eol)
			if i < 0 {
				lines = append(lines, data)
				break
			}
			lines = append(lines, data[:i])
			data = data[i+1:]
		}
	}
	if !hasRange {
		count = uint64(len(lines))
	}
	line := func(i uint64) []byte {
		if hasRange {
			return strconv.AppendUint(nil, lo+i, 10)
		}
		return lines[i]
	}
	var out io.Writer = c.Stdout
	var file io.WriteCloser
	if hasOutput {
		f, err := c.FS.Create(c.fsPath(output))
		if err != nil {
			c.PathErr(quoteIf(output), err)
			return 1
		}
		file = f
		out = f
	}
	w := bufio.NewWriterSize(out, 32*1024)
	var werr error
	emit := func(b []byte) bool {
		if werr == nil {
			if _, werr = w.Write(b); werr == nil {
				werr = w.WriteByte(eol)
			}
		}
		return werr == nil && !c.Canceled()
	}
	switch {
	case repeat:
		if count == 0 {
			if head == 0 {
				break
			}
			return c.Failf(1, "no lines to repeat")
		}
		for n := uint64(0); n < head; n++ {
			if !emit(line(rng.Uint64N(count))) {
				break
			}
		}
	case hasRange && count > 1<<20:
		// A large range: draw without replacement from a sparse map.
		swapped := map[uint64]uint64{}
		get := func(i uint64) uint64 {
			if v, ok := swapped[i]; ok {
				return v
			}
			return i
		}
		for n := uint64(0); n < min(head, count); n++ {
			j := n + rng.Uint64N(count-n)
			vi, vj := get(n), get(j)
			swapped[j] = vi
			if !emit(line(vj)) {
				break
			}
		}
	default:
		perm := make([]uint64, count)
		for i := range perm {
			perm[i] = uint64(i)
		}
		k := min(head, count)
		for n := uint64(0); n < k; n++ {
			j := n + rng.Uint64N(count-n)
			perm[n], perm[j] = perm[j], perm[n]
			if !emit(line(perm[n])) {
				break
			}
		}
	}
	if werr == nil {
		werr = w.Flush()
	}
	if file != nil {
		if err := file.Close(); err != nil && werr == nil {
			werr = err
		}
		if werr != nil {
			c.PathErr(quoteIf(output), werr)
			return 1
		}
	}
	if werr != nil {
		return c.writeFailed(werr)
	}
	if c.Canceled() {
		return 1
	}
	return 0
}

// shufRand returns the generator: seeded from the bytes of source when
// given, else randomly.
func (c *Context) shufRand(source string) (*rand.Rand, int) {
	if source == "" {
		return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())), 0
	}
	r, err := c.openInput(source)
	if err != nil {
		c.PathErr(quoteIf(source), err)
		return nil, 1
	}
	defer r.Close()
	h := fnv.New128a()
	if _, err := io.Copy(h, io.LimitReader(r, 1<<20)); err != nil {
		c.PathErr(quoteIf(source), err)
		return nil, 1
	}
	sum := h.Sum(nil)
	var a, b uint64
	for i := 0; i < 8; i++ {
		a = a<<8 | uint64(sum[i])
		b = b<<8 | uint64(sum[8+i])
	}
	return rand.New(rand.NewPCG(a, b)), 0
}

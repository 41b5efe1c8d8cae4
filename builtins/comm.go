package builtins

// comm, as GNU's: -1 -2 -3, --check-order and --nocheck-order (with
// "comm: file N is not in sorted order"), --output-delimiter=STR (an empty
// one is a NUL), --total, -z. Lines are compared as bytes, as in the C
// locale. Input is read a line at a time.

import (
	"bytes"
	"io"
	"strconv"
)

func init() { Register("comm", comm) }

var commSpec = optSpec{
	Short: "123z",
	Long: []longOpt{
		{Name: "check-order", Key: "check-order"},
		{Name: "nocheck-order", Key: "nocheck-order"},
		{Name: "output-delimiter", Arg: requiredArg, Key: "output-delimiter"},
		{Name: "total", Key: "total"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: comm [OPTION]... FILE1 FILE2
Compare sorted files FILE1 and FILE2 line by line.

When FILE1 or FILE2 (not both) is -, read standard input.

With no options, produce three-column output.  Column one contains
lines unique to FILE1, column two contains lines unique to FILE2,
and column three contains lines common to both files.

  -1                      suppress column 1 (lines unique to FILE1)
  -2                      suppress column 2 (lines unique to FILE2)
  -3                      suppress column 3 (lines that appear in both files)

  --check-order           check that the input is correctly sorted, even
                            if all input lines are pairable
  --nocheck-order         do not check that the input is correctly sorted
  --output-delimiter=STR  separate columns with STR
  --total                 output a summary
  -z, --zero-terminated   line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

Note, comparisons honor the rules specified by 'LC_COLLATE'.

Examples:
  comm -12 file1 file2  Print only lines present in both file1 and file2.
  comm -3 file1 file2  Print lines in file1 not in file2, and vice versa.
`,
}

type commState struct {
	c        *Context
	check    int // 0 default, 1 enabled, -1 disabled
	unpaired bool
	warned   [2]bool
	fatal    bool
}

func (st *commState) checkOrder(prev, cur []byte, which int) {
	if st.check < 0 || (st.check == 0 && !st.unpaired) || st.warned[which] {
		return
	}
	if bytes.Compare(prev, cur) > 0 {
		st.c.Errorf("file %d is not in sorted order", which+1)
		if st.check > 0 {
			st.fatal = true
		}
		st.warned[which] = true
	}
}

func comm(c *Context) int {
	p, err := c.parseOpts(&commSpec)
	if err != nil {
		return exitStatus(err)
	}
	show := [3]bool{true, true, true}
	eol := byte('\n')
	st := &commState{c: c}
	var sep *string
	total := false
	for _, o := range p.Opts {
		switch o.Key {
		case "1", "2", "3":
			show[o.Key[0]-'1'] = false
		case "z":
			eol = 0
		case "check-order":
			st.check = 1
		case "nocheck-order":
			st.check = -1
		case "output-delimiter":
			if sep != nil && *sep != o.Val {
				return c.Failf(1, "multiple output delimiters specified")
			}
			v := o.Val
			sep = &v
		case "total":
			total = true
		}
	}
	colSep, totalSep := "\t", "\t"
	if sep != nil {
		colSep, totalSep = *sep, *sep
		if colSep == "" {
			// GNU separates columns with a NUL but the --total line
			// with nothing.
			colSep = "\x00"
		}
	}
	switch len(p.Operands) {
	case 0:
		return c.usageErr(1, "missing operand")
	case 1:
		return c.usageErr(1, "missing operand after %s", quote(p.Operands[0]))
	case 2:
	default:
		return c.usageErr(1, "extra operand %s", quote(p.Operands[2]))
	}
	c, sw := c.withStickyStdout()
	st.c = c
	out := newErrWriter(sw)
	names := p.Operands
	var readers [2]*lineReader
	// cur holds each file's current line without its delimiter; prev and
	// prev2 the two before it, for the order checks.
	var cur, prev, prev2 [2][]byte
	var have, havePrev, havePrev2 [2]bool
	read := func(i int) bool {
		line, err := readers[i].next()
		if err == io.EOF {
			have[i] = false
			return true
		}
		if err != nil {
			out.Flush()
			if !c.Canceled() {
				c.PathErr(quoteIf(names[i]), err)
			}
			return false
		}
		if line[len(line)-1] == eol {
			line = line[:len(line)-1]
		}
		cur[i] = append(cur[i][:0], line...)
		have[i] = true
		return true
	}
	for i, name := range names {
		r, err := c.openInput(name)
		if err != nil {
			out.Flush()
			c.PathErr(quoteIf(name), err)
			return 1
		}
		defer r.Close()
		readers[i] = newLineReader(r, eol)
		if !read(i) {
			return 1
		}
	}
	var totals [3]int64
	write := func(class int, line []byte) {
		if !show[class] {
			return
		}
		if class >= 1 && show[0] {
			out.WriteString(colSep)
		}
		if class == 2 && show[1] {
			out.WriteString(colSep)
		}
		out.Write(line)
		out.WriteByte(eol)
	}
	for have[0] || have[1] {
		if c.stopped() || out.err != nil {
			break
		}
		var order int
		switch {
		case !have[0]:
			order = 1
		case !have[1]:
			order = -1
		default:
			order = bytes.Compare(cur[0], cur[1])
		}
		if order == 0 {
			totals[2]++
			write(2, cur[1])
		} else {
			st.unpaired = true
			if order < 0 {
				totals[0]++
				write(0, cur[0])
			} else {
				totals[1]++
				write(1, cur[1])
			}
		}
		for i := 0; i < 2; i++ {
			if (i == 1 && order < 0) || (i == 0 && order > 0) {
				continue
			}
			prev2[i], havePrev2[i] = append(prev2[i][:0], prev[i]...), havePrev[i]
			prev[i], havePrev[i] = append(prev[i][:0], cur[i]...), true
			if !read(i) {
				out.Flush()
				return 1
			}
			if have[i] {
				st.checkOrder(prev[i], cur[i], i)
			} else if havePrev2[i] {
				st.checkOrder(prev2[i], prev[i], i)
			}
			if st.fatal {
				out.Flush()
				return 1
			}
		}
	}
	if total && out.err == nil && !c.stopped() {
		out.WriteString(strconv.FormatInt(totals[0], 10) + totalSep + strconv.FormatInt(totals[1], 10) + totalSep +
			strconv.FormatInt(totals[2], 10) + totalSep + "total")
		out.WriteByte(eol)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	if st.warned[0] || st.warned[1] {
		return c.Failf(1, "input is not in sorted order")
	}
	return 0
}

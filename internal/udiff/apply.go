package udiff

// Applying hunks the way GNU patch 2.7 does (patch.c): each hunk is
// looked for at its line number moved by the offset of the hunks before
// it, then further and further away, first with all its context and then
// with up to MaxFuzz context lines ignored at either end; the lines
// between hunks are copied from the input, so context lines matched with
// fuzz keep the input's text. Rejected hunks are written as GNU writes
// them to .rej files.

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Applier applies the hunks of one file patch to the lines of one input
// file, in order.
type Applier struct {
	// In are the input lines (see Split).
	In []string
	// IgnoreWhitespace compares lines as patch -l does.
	IgnoreWhitespace bool

	out          strings.Builder
	lastFrozen   int // input lines already copied or consumed
	inOffset     int // offset of the last hunk found
	outOffset    int // lines added minus lines deleted so far
	afterNewline bool
	zeroOutput   bool
}

// NewApplier returns an applier of hunks to the lines in.
func NewApplier(in []string) *Applier {
	return &Applier{In: in, afterNewline: true, zeroOutput: true}
}

// InOffset returns by how many lines the last hunk found was off.
func (a *Applier) InOffset() int { return a.inOffset }

// OutOffset returns the number of lines the applied hunks added (less
// those they deleted).
func (a *Applier) OutOffset() int { return a.outOffset }

// ZeroOutput reports whether the output is empty so far.
func (a *Applier) ZeroOutput() bool { return a.zeroOutput }

// line returns input line n (1-based), "" past the end.
func (a *Applier) line(n int) string {
	if n < 1 || n > len(a.In) {
		return ""
	}
	return a.In[n-1]
}

// Locate finds where h applies with the given fuzz, as GNU's locate_hunk
// does: the line (1-based) where its old lines start, or 0.
func (a *Applier) Locate(h *Hunk, fuzz int) int {
	firstGuess := h.First + a.inOffset
	patLines := h.PtrnLines
	prefix, suffix := h.PrefixContext, h.SuffixContext
	context := max(prefix, suffix)
	prefixFuzz := fuzz + prefix - context
	suffixFuzz := fuzz + suffix - context
	maxWhere := len(a.In) - (patLines - suffixFuzz) + 1
	minWhere := a.lastFrozen + 1
	maxPos := maxWhere - firstGuess
	maxNeg := firstGuess - minWhere
	maxOffset := max(maxPos, maxNeg)
	if patLines == 0 {
		return firstGuess
	}
	if firstGuess <= maxNeg {
		maxNeg = firstGuess - 1
	}
	if prefixFuzz < 0 && h.First <= 1 {
		// Can only match the start of the file.
		if suffixFuzz < 0 && (patLines != len(a.In) || prefix < a.lastFrozen) {
			return 0
		}
		offset := 1 - firstGuess
		if a.lastFrozen <= prefix && offset <= maxPos && a.match(h, firstGuess, offset, 0, suffixFuzz) {
			a.inOffset += offset
			return firstGuess + offset
		}
		return 0
	} else if prefixFuzz < 0 {
		prefixFuzz = 0
	}
	if suffixFuzz < 0 {
		// Can only match the end of the file.
		offset := firstGuess - (len(a.In) - patLines + 1)
		if offset <= maxNeg && a.match(h, firstGuess, -offset, prefixFuzz, 0) {
			a.inOffset -= offset
			return firstGuess - offset
		}
		return 0
	}
	minOffset := 0
	if maxPos < 0 {
		minOffset = firstGuess - maxWhere
	} else if maxNeg < 0 {
		minOffset = firstGuess - minWhere
	}
	for offset := minOffset; offset <= maxOffset; offset++ {
		if offset <= maxPos && a.match(h, firstGuess, offset, prefixFuzz, suffixFuzz) {
			a.inOffset += offset
			return firstGuess + offset
		}
		if offset <= maxNeg && a.match(h, firstGuess, -offset, prefixFuzz, suffixFuzz) {
			a.inOffset -= offset
			return firstGuess - offset
		}
	}
	return 0
}

// match is GNU's patch_match.
func (a *Applier) match(h *Hunk, base, offset, prefixFuzz, suffixFuzz int) bool {
	patLines := h.PtrnLines - suffixFuzz
	for pl := 1 + prefixFuzz; pl <= patLines; pl++ {
		l := a.line(pl - 1 + base + offset)
		p := h.Lines[pl].Text
		if a.IgnoreWhitespace {
			if !similar(l, p) {
				return false
			}
		} else if l != p {
			return false
		}
	}
	return true
}

// similar compares lines with runs of blanks equal, ignoring the
// newline, as GNU's similar does.
func similar(a, b string) bool {
	a = strings.TrimSuffix(a, "\n")
	b = strings.TrimSuffix(b, "\n")
	for {
		if b == "" || isBlank(b[0]) {
			for b != "" && isBlank(b[0]) {
				b = b[1:]
			}
			if a != "" {
				if !isBlank(a[0]) {
					return false
				}
				for a != "" && isBlank(a[0]) {
					a = a[1:]
				}
			}
			if a == "" || b == "" {
				return a == b
			}
		} else if a == "" || a[0] != b[0] {
			return false
		} else {
			a, b = a[1:], b[1:]
		}
	}
}

// write appends a hunk line to the output.
func (a *Applier) write(s string) {
	a.out.WriteString(s)
	a.afterNewline = strings.HasSuffix(s, "\n")
}

// copyTill copies input lines up to line last; false if the hunks are
// out of order.
func (a *Applier) copyTill(last int) bool {
	if a.lastFrozen > last {
		return false
	}
	for a.lastFrozen < last {
		a.lastFrozen++
		l := a.line(a.lastFrozen)
		if l != "" {
			if !a.afterNewline {
				a.out.WriteByte('\n')
			}
			a.write(l)
			a.zeroOutput = false
		}
	}
	return true
}

// ErrMisordered is returned by Apply for hunks that would go before
// text already written.
var ErrMisordered = &Error{Msg: "misordered hunks! output would be garbled"}

// Apply applies h at line where (from Locate), as GNU's apply_hunk does.
func (a *Applier) Apply(h *Hunk, where int) error {
	old, lastline := 1, h.PtrnLines
	nw := lastline + 1
	end := len(h.Lines) - 1
	L := h.Lines
	where--
	for nw <= end && (L[nw].Op == '=' || L[nw].Op == '\n') {
		nw++
	}
	for old <= lastline {
		switch {
		case L[old].Op == '-':
			if !a.copyTill(where + old - 1) {
				return ErrMisordered
			}
			a.lastFrozen++
			old++
		case nw > end:
			old = lastline + 1
			continue
		case L[nw].Op == '+':
			if !a.copyTill(where + old - 1) {
				return ErrMisordered
			}
			a.write(L[nw].Text)
			a.zeroOutput = false
			nw++
		case L[nw].Op != L[old].Op:
			return fatalf("Out-of-sync patch, lines %d,%d -- mangled text or line numbers, maybe?", h.Line+old, h.Line+nw)
		case L[nw].Op == '!':
			if !a.copyTill(where + old - 1) {
				return ErrMisordered
			}
			for old <= lastline && L[old].Op == '!' {
				a.lastFrozen++
				old++
			}
			for nw <= end && L[nw].Op == '!' {
				a.write(L[nw].Text)
				nw++
			}
			a.zeroOutput = false
		default:
			old++
			nw++
		}
	}
	if nw <= end && L[nw].Op == '+' {
		if !a.copyTill(where + old - 1) {
			return ErrMisordered
		}
		for nw <= end && L[nw].Op == '+' {
			if !a.afterNewline {
				a.out.WriteByte('\n')
			}
			a.write(L[nw].Text)
			a.zeroOutput = false
			nw++
		}
	}
	a.outOffset += h.ReplLines - h.PtrnLines
	return nil
}

// Finish copies the rest of the input and returns the output.
func (a *Applier) Finish() (string, error) {
	if a.lastFrozen < len(a.In) && !a.copyTill(len(a.In)) {
		return "", ErrMisordered
	}
	return a.out.String(), nil
}

// RejectHeader holds the names and times of a reject file's header.
type RejectHeader struct {
	Index    string // "" for none
	Old, New string // "" is written as /dev/null
	OldTime  string
	NewTime  string
}

func (r *RejectHeader) name(n string) string {
	if n == "" {
		return "/dev/null"
	}
	return n
}

// unidiffRange is GNU patch's print_unidiff_range.
func unidiffRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}

// writeHunkLine writes a hunk line as GNU's pch_write_line does: a line
// without a newline is written without one, and without the "\ No
// newline at end of file" marker (so the next line follows on the same
// line, as in GNU's .rej files).
func writeHunkLine(w *bufio.Writer, prefix string, l HunkLine) {
	w.WriteString(prefix)
	w.WriteString(l.Text)
}

// WriteRejectUnified writes h as GNU patch writes a rejected hunk in
// unified format, with the header if hdr is not nil; outOffset moves the
// line numbers as the hunks applied before it did.
func WriteRejectUnified(w io.Writer, h *Hunk, hdr *RejectHeader, outOffset int) error {
	bw := bufio.NewWriter(w)
	if hdr != nil {
		if hdr.Index != "" {
			fmt.Fprintf(bw, "Index: %s\n", hdr.Index)
		}
		fmt.Fprintf(bw, "--- %s%s\n", hdr.name(hdr.Old), hdr.OldTime)
		fmt.Fprintf(bw, "+++ %s%s\n", hdr.name(hdr.New), hdr.NewTime)
	}
	fmt.Fprintf(bw, "@@ -%s +%s @@%s\n", unidiffRange(h.First+outOffset, h.PtrnLines),
		unidiffRange(h.NewFirst+outOffset, h.ReplLines), h.Function)
	L := h.Lines
	old, last := 1, h.PtrnLines
	nw := last + 1
	op := func(i int) byte {
		if i >= len(L) {
			return '^'
		}
		switch c := L[i].Op; {
		case c == '!' && i <= last:
			return '-'
		case c == '!':
			return '+'
		default:
			return c
		}
	}
	for nw < len(L) && (L[nw].Op == '=' || L[nw].Op == '\n') {
		nw++
	}
	for ; ; old, nw = old+1, nw+1 {
		for ; old <= last && op(old) == '-'; old++ {
			writeHunkLine(bw, "-", L[old])
		}
		for ; op(nw) == '+'; nw++ {
			writeHunkLine(bw, "+", L[nw])
		}
		if old > last {
			break
		}
		if op(nw) != op(old) {
			bw.Flush()
			return fatalf("Out-of-sync patch, lines %d,%d -- mangled text or line numbers, maybe?", h.Line+old, h.Line+nw)
		}
		writeHunkLine(bw, " ", L[old])
	}
	return bw.Flush()
}

// WriteRejectContext writes h in context format, as GNU patch does for
// context diffs.
func WriteRejectContext(w io.Writer, h *Hunk, hdr *RejectHeader, outOffset int, newStyle bool) error {
	bw := bufio.NewWriter(w)
	stars, minuses := "", " -----"
	if newStyle {
		stars, minuses = " ****", " ----"
	}
	if hdr != nil {
		if hdr.Index != "" {
			fmt.Fprintf(bw, "Index: %s\n", hdr.Index)
		}
		fmt.Fprintf(bw, "*** %s%s\n", hdr.name(hdr.Old), hdr.OldTime)
		fmt.Fprintf(bw, "--- %s%s\n", hdr.name(hdr.New), hdr.NewTime)
	}
	fmt.Fprintf(bw, "***************%s\n", h.Function)
	oldFirst, newFirst := h.First+outOffset, h.NewFirst+outOffset
	oldLast, newLast := oldFirst+h.PtrnLines-1, newFirst+h.ReplLines-1
	rng := func(first, last int) string {
		switch {
		case last < first:
			return "0"
		case last == first:
			return fmt.Sprint(first)
		}
		return fmt.Sprintf("%d,%d", first, last)
	}
	// Unified hunks are written with '!' for runs of '-' followed by
	// '+', as GNU's pch_normalize makes them.
	ops := make([]byte, len(h.Lines))
	for i, l := range h.Lines {
		ops[i] = l.Op
	}
	normalizeContext(ops, h.PtrnLines)
	for i, l := range h.Lines {
		switch ops[i] {
		case '*':
			fmt.Fprintf(bw, "*** %s%s\n", rng(oldFirst, oldLast), stars)
		case '=':
			fmt.Fprintf(bw, "--- %s%s\n", rng(newFirst, newLast), minuses)
		case '\n':
			writeHunkLine(bw, "", l)
		default:
			writeHunkLine(bw, string(ops[i])+" ", l)
		}
	}
	return bw.Flush()
}

// normalizeContext turns the '-' and '+' of changes that both delete and
// add lines into '!', as GNU's pch_normalize does for context rejects.
func normalizeContext(ops []byte, ptrn int) {
	old, nw := 1, ptrn+1
	end := len(ops) - 1
	for nw <= end && (ops[nw] == '=' || ops[nw] == '\n') {
		nw++
	}
	for old <= ptrn {
		switch {
		case ops[old] == '-':
			if nw <= end && ops[nw] == '+' {
				for ; old <= ptrn && ops[old] == '-'; old++ {
					ops[old] = '!'
				}
				for ; nw <= end && ops[nw] == '+'; nw++ {
					ops[nw] = '!'
				}
			} else {
				for old++; old <= ptrn && ops[old] == '-'; old++ {
				}
			}
		case nw <= end && ops[nw] == '+':
			for nw++; nw <= end && ops[nw] == '+'; nw++ {
			}
		default:
			old++
			nw++
		}
	}
}

package udiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Hunks groups changes into hunks as GNU's find_hunk does: two changes
// share a hunk when fewer than 2*context+1 unchanged lines separate them.
func Hunks(changes []Change, context int) [][]Change {
	var out [][]Change
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) && changes[j].A-(changes[j-1].A+changes[j-1].Del) < 2*context+1 {
			j++
		}
		out = append(out, changes[i:j])
		i = j
	}
	return out
}

// noNewline is the marker GNU prints after a line without a newline.
const noNewline = "\\ No newline at end of file\n"

// line writes prefix and l, completing a line without a newline with
// GNU's marker.
func line(w *bufio.Writer, prefix, l string) {
	w.WriteString(prefix)
	w.WriteString(l)
	if !strings.HasSuffix(l, "\n") {
		w.WriteString("\n" + noNewline)
	}
}

// extent returns the lines of a and b a hunk covers with context lines
// around it: first and last (inclusive, 0-based; last < first for none).
func extent(h []Change, context, na, nb int) (first0, last0, first1, last1 int) {
	f, l := h[0], h[len(h)-1]
	first0, first1 = max(0, f.A-context), max(0, f.B-context)
	last0 = min(na-1, l.A+l.Del-1+context)
	last1 = min(nb-1, l.B+l.Ins-1+context)
	return
}

// unifiedRange formats a range as GNU's print_unidiff_number_range.
func unifiedRange(first, last int) string {
	a, b := first+1, last+1
	switch {
	case b < a:
		return fmt.Sprintf("%d,0", b)
	case b == a:
		return fmt.Sprint(b)
	}
	return fmt.Sprintf("%d,%d", a, b-a+1)
}

// WriteUnifiedHunks writes the hunks of changes in unified format, without
// the file header lines.
func WriteUnifiedHunks(w io.Writer, a, b []string, changes []Change, context int) error {
	bw := bufio.NewWriter(w)
	for _, h := range Hunks(changes, context) {
		first0, last0, first1, last1 := extent(h, context, len(a), len(b))
		fmt.Fprintf(bw, "@@ -%s +%s @@\n", unifiedRange(first0, last0), unifiedRange(first1, last1))
		i, j, k := first0, first1, 0
		for i <= last0 || j <= last1 {
			if k >= len(h) || i < h[k].A {
				line(bw, " ", a[i])
				i++
				j++
				continue
			}
			for n := 0; n < h[k].Del; n++ {
				line(bw, "-", a[i])
				i++
			}
			for n := 0; n < h[k].Ins; n++ {
				line(bw, "+", b[j])
				j++
			}
			k++
		}
	}
	return bw.Flush()
}

// Unified writes a unified diff of a and b with context lines of context:
// the header lines "--- oldName" and "+++ newName" (give them a tab and a
// time if wanted) and the hunks. It writes nothing when a and b are equal.
func Unified(w io.Writer, oldName, newName string, a, b []string, context int) error {
	changes := Diff(a, b, &Options{Horizon: context})
	if len(changes) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "--- %s\n+++ %s\n", oldName, newName); err != nil {
		return err
	}
	return WriteUnifiedHunks(w, a, b, changes, context)
}

// contextRange formats a range as GNU's print_context_number_range.
func contextRange(first, last int) string {
	a, b := first+1, last+1
	if b <= a {
		return fmt.Sprint(b)
	}
	return fmt.Sprintf("%d,%d", a, b)
}

// WriteContextHunks writes the hunks of changes in context format (diff
// -c), without the file header lines.
func WriteContextHunks(w io.Writer, a, b []string, changes []Change, context int) error {
	bw := bufio.NewWriter(w)
	for _, h := range Hunks(changes, context) {
		first0, last0, first1, last1 := extent(h, context, len(a), len(b))
		del, ins := false, false
		for _, c := range h {
			del = del || c.Del > 0
			ins = ins || c.Ins > 0
		}
		fmt.Fprintf(bw, "***************\n*** %s ****\n", contextRange(first0, last0))
		if del {
			k := 0
			for i := first0; i <= last0; i++ {
				for k < len(h) && h[k].A+h[k].Del <= i {
					k++
				}
				prefix := "  "
				if k < len(h) && h[k].A <= i {
					prefix = "- "
					if h[k].Ins > 0 {
						prefix = "! "
					}
				}
				line(bw, prefix, a[i])
			}
		}
		fmt.Fprintf(bw, "--- %s ----\n", contextRange(first1, last1))
		if ins {
			k := 0
			for i := first1; i <= last1; i++ {
				for k < len(h) && h[k].B+h[k].Ins <= i {
					k++
				}
				prefix := "  "
				if k < len(h) && h[k].B <= i {
					prefix = "+ "
					if h[k].Del > 0 {
						prefix = "! "
					}
				}
				line(bw, prefix, b[i])
			}
		}
	}
	return bw.Flush()
}

// normalRange formats a range as GNU's print_number_range.
func normalRange(first, last int) string {
	a, b := first+1, last+1
	if b > a {
		return fmt.Sprintf("%d,%d", a, b)
	}
	return fmt.Sprint(b)
}

// WriteNormal writes changes in diff's default format ("2c2", "< old",
// "---", "> new").
func WriteNormal(w io.Writer, a, b []string, changes []Change) error {
	bw := bufio.NewWriter(w)
	for _, c := range changes {
		letter := "c"
		switch {
		case c.Del == 0:
			letter = "a"
		case c.Ins == 0:
			letter = "d"
		}
		fmt.Fprintf(bw, "%s%s%s\n", normalRange(c.A, c.A+c.Del-1), letter, normalRange(c.B, c.B+c.Ins-1))
		for i := c.A; i < c.A+c.Del; i++ {
			line(bw, "< ", a[i])
		}
		if c.Del > 0 && c.Ins > 0 {
			bw.WriteString("---\n")
		}
		for j := c.B; j < c.B+c.Ins; j++ {
			line(bw, "> ", b[j])
		}
	}
	return bw.Flush()
}

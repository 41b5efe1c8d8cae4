// Package udiff computes line differences the way GNU diff does and prints
// them in GNU's normal, context and unified formats; it also parses and
// applies patches as GNU patch does (see Parser and Applier).
//
// Lines are strings that keep their "\n"; only the last line of a text may
// lack it (Split makes such lines). Diff returns the changes as GNU diff's
// analysis finds them: the identical prefix and suffix are set aside, lines
// that match nothing in the other text are discarded, Myers' O(ND)
// algorithm with GNU's midpoint search and cost limit runs on the rest,
// and change runs are slid as GNU's shift_boundaries does. For typical
// inputs the hunks are byte for byte those of GNU diffutils.
//
// A minimal use, printing a git-style patch of one file:
//
//	a, b := udiff.Split(oldText), udiff.Split(newText)
//	udiff.Unified(w, "a/f", "b/f", a, b, 3)
package udiff

import "strings"

// Change is a run of Del lines of a, from line A (0-based), replaced by
// Ins lines of b, from line B. Either count may be zero.
type Change struct {
	A, B     int
	Del, Ins int
}

// Options tune Diff.
type Options struct {
	// Key, if set, maps a line to the text it is compared by (GNU's -i,
	// -b, -w make such keys). Lines with equal keys match.
	Key func(line string) string
	// Horizon is how many lines of the identical prefix and suffix take
	// part in the analysis; GNU uses the context size (3 for -u).
	Horizon int
	// Minimal turns off the discarding of unmatched lines and the cost
	// limit, as diff --minimal does.
	Minimal bool
}

// Split cuts text into lines that keep their "\n"; the last one lacks it
// when text does not end with a newline.
func Split(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// Lines returns the changes that turn a into b, in order, with default
// options.
func Lines(a, b []string) []Change { return Diff(a, b, nil) }

// Diff returns the changes that turn a into b, in order.
func Diff(a, b []string, opt *Options) []Change {
	if opt == nil {
		opt = &Options{}
	}
	// The identical prefix and suffix, compared as raw lines as GNU's
	// find_identical_ends compares bytes; Horizon lines of each take part.
	n0, n1 := len(a), len(b)
	pre := 0
	for pre < n0 && pre < n1 && a[pre] == b[pre] {
		pre++
	}
	pre = max(0, pre-opt.Horizon)
	suf := 0
	for suf < n0-pre && suf < n1-pre && a[n0-1-suf] == b[n1-1-suf] {
		suf++
	}
	suf = max(0, suf-opt.Horizon)
	ma, mb := a[pre:n0-suf], b[pre:n1-suf]

	// Equivalence classes, from 1.
	classes := map[string]int{}
	class := func(lines []string) []int {
		eq := make([]int, len(lines))
		for i, l := range lines {
			k := l
			if opt.Key != nil {
				k = opt.Key(l)
			}
			id, ok := classes[k]
			if !ok {
				id = len(classes) + 1
				classes[k] = id
			}
			eq[i] = id
		}
		return eq
	}
	f := [2]*file{{equivs: class(ma)}, {equivs: class(mb)}}
	for _, x := range f {
		x.changed = make([]bool, len(x.equivs)+2) // with sentinels at -1 and n
	}
	discardConfusing(f, opt.Minimal, len(classes)+1)

	ctx := &seqCtx{x: f[0].undiscarded, y: f[1].undiscarded, f: f}
	nx, ny := len(ctx.x), len(ctx.y)
	ctx.fdiag = make([]int, nx+ny+3)
	ctx.bdiag = make([]int, nx+ny+3)
	ctx.off = ny + 1
	diags := nx + ny + 3
	ctx.tooExpensive = 1
	for ; diags != 0; diags >>= 2 {
		ctx.tooExpensive <<= 1
	}
	ctx.tooExpensive = max(4096, ctx.tooExpensive)
	if opt.Minimal {
		ctx.tooExpensive = int(^uint(0) >> 1)
	}
	ctx.compareseq(0, nx, 0, ny, opt.Minimal)
	shiftBoundaries(f)

	// build_script, forward.
	var out []Change
	c0, c1 := f[0].changed[1:], f[1].changed[1:]
	l0, l1 := len(f[0].equivs), len(f[1].equivs)
	i0, i1 := 0, 0
	for i0 < l0 || i1 < l1 {
		if c0[i0] || c1[i1] {
			s0, s1 := i0, i1
			for c0[i0] {
				i0++
			}
			for c1[i1] {
				i1++
			}
			out = append(out, Change{A: s0 + pre, B: s1 + pre, Del: i0 - s0, Ins: i1 - s1})
		}
		i0++
		i1++
	}
	return out
}

// file is one side of the analysis.
type file struct {
	equivs      []int
	changed     []bool // changed[i+1] is line i's flag
	undiscarded []int
	realIndex   []int
}

// discardConfusing marks the lines that match nothing in the other file as
// changed and leaves them out of the Myers run, as GNU's
// discard_confusing_lines does (lines matching very many lines are
// discarded only within runs of unmatched ones).
func discardConfusing(f [2]*file, minimal bool, nclasses int) {
	var count [2][]int
	for k := 0; k < 2; k++ {
		count[k] = make([]int, nclasses)
		for _, e := range f[k].equivs {
			count[k][e]++
		}
	}
	var discards [2][]byte
	for k := 0; k < 2; k++ {
		end := len(f[k].equivs)
		d := make([]byte, end)
		counts := count[1-k]
		many := 5
		for tem := end / 64; ; {
			tem >>= 2
			if tem <= 0 {
				break
			}
			many *= 2
		}
		for i, e := range f[k].equivs {
			n := counts[e]
			if n == 0 {
				d[i] = 1
			} else if n > many {
				d[i] = 2
			}
		}
		discards[k] = d
	}
	for k := 0; k < 2; k++ {
		d := discards[k]
		end := len(d)
		for i := 0; i < end; i++ {
			if d[i] == 2 {
				d[i] = 0
				continue
			}
			if d[i] == 0 {
				continue
			}
			j, provisional := i, 0
			for ; j < end; j++ {
				if d[j] == 0 {
					break
				}
				if d[j] == 2 {
					provisional++
				}
			}
			for j > i && d[j-1] == 2 {
				j--
				d[j] = 0
				provisional--
			}
			length := j - i
			if provisional*4 > length {
				for j > i {
					j--
					if d[j] == 2 {
						d[j] = 0
					}
				}
				continue
			}
			minimum := 1
			for tem := length >> 2; ; {
				tem >>= 2
				if tem <= 0 {
					break
				}
				minimum <<= 1
			}
			minimum++
			consec := 0
			for j = 0; j < length; j++ {
				if d[i+j] != 2 {
					consec = 0
				} else {
					consec++
					if minimum == consec {
						j -= consec
					} else if minimum < consec {
						d[i+j] = 0
					}
				}
			}
			consec = 0
			for j = 0; j < length; j++ {
				if j >= 8 && d[i+j] == 1 {
					break
				}
				if d[i+j] == 2 {
					consec = 0
					d[i+j] = 0
				} else if d[i+j] == 0 {
					consec = 0
				} else {
					consec++
				}
				if consec == 3 {
					break
				}
			}
			i += length - 1
			consec = 0
			for j = 0; j < length; j++ {
				if j >= 8 && d[i-j] == 1 {
					break
				}
				if d[i-j] == 2 {
					consec = 0
					d[i-j] = 0
				} else if d[i-j] == 0 {
					consec = 0
				} else {
					consec++
				}
				if consec == 3 {
					break
				}
			}
		}
	}
	for k := 0; k < 2; k++ {
		x := f[k]
		for i, e := range x.equivs {
			if minimal || discards[k][i] == 0 {
				x.undiscarded = append(x.undiscarded, e)
				x.realIndex = append(x.realIndex, i)
			} else {
				x.changed[i+1] = true
			}
		}
	}
}

// seqCtx is the state of the Myers search (gnulib's diffseq).
type seqCtx struct {
	x, y         []int
	f            [2]*file
	fdiag, bdiag []int // indexed by diagonal + off
	off          int
	tooExpensive int
}

const snakeLimit = 20

// compareseq finds the changes between x[xoff:xlim] and y[yoff:ylim].
func (c *seqCtx) compareseq(xoff, xlim, yoff, ylim int, minimal bool) {
	for xoff < xlim && yoff < ylim && c.x[xoff] == c.y[yoff] {
		xoff++
		yoff++
	}
	for xoff < xlim && yoff < ylim && c.x[xlim-1] == c.y[ylim-1] {
		xlim--
		ylim--
	}
	switch {
	case xoff == xlim:
		for ; yoff < ylim; yoff++ {
			c.f[1].changed[c.f[1].realIndex[yoff]+1] = true
		}
	case yoff == ylim:
		for ; xoff < xlim; xoff++ {
			c.f[0].changed[c.f[0].realIndex[xoff]+1] = true
		}
	default:
		xmid, ymid, loMin, hiMin := c.diag(xoff, xlim, yoff, ylim, minimal)
		c.compareseq(xoff, xmid, yoff, ymid, loMin)
		c.compareseq(xmid, xlim, ymid, ylim, hiMin)
	}
}

// diag finds the midpoint of the shortest edit script of a part of the
// sequences, searching from both ends; past the cost limit it settles
// for the best diagonal so far.
func (c *seqCtx) diag(xoff, xlim, yoff, ylim int, minimal bool) (xmid, ymid int, loMin, hiMin bool) {
	fd := c.fdiag
	bd := c.bdiag
	o := c.off
	xv, yv := c.x, c.y
	dmin, dmax := xoff-ylim, xlim-yoff
	fmid, bmid := xoff-yoff, xlim-ylim
	fmin, fmax := fmid, fmid
	bmin, bmax := bmid, bmid
	odd := (fmid-bmid)&1 != 0
	const offsetMax = int(^uint(0) >> 1)
	fd[o+fmid] = xoff
	bd[o+bmid] = xlim
	for cost := 1; ; cost++ {
		if fmin > dmin {
			fmin--
			fd[o+fmin-1] = -1
		} else {
			fmin++
		}
		if fmax < dmax {
			fmax++
			fd[o+fmax+1] = -1
		} else {
			fmax--
		}
		for d := fmax; d >= fmin; d -= 2 {
			tlo, thi := fd[o+d-1], fd[o+d+1]
			x0 := tlo + 1
			if tlo < thi {
				x0 = thi
			}
			x, y := x0, x0-d
			for x < xlim && y < ylim && xv[x] == yv[y] {
				x++
				y++
			}
			fd[o+d] = x
			if odd && bmin <= d && d <= bmax && bd[o+d] <= x {
				return x, y, true, true
			}
		}
		if bmin > dmin {
			bmin--
			bd[o+bmin-1] = offsetMax
		} else {
			bmin++
		}
		if bmax < dmax {
			bmax++
			bd[o+bmax+1] = offsetMax
		} else {
			bmax--
		}
		for d := bmax; d >= bmin; d -= 2 {
			tlo, thi := bd[o+d-1], bd[o+d+1]
			x0 := thi - 1
			if tlo < thi {
				x0 = tlo
			}
			x, y := x0, x0-d
			for xoff < x && yoff < y && xv[x-1] == yv[y-1] {
				x--
				y--
			}
			bd[o+d] = x
			if !odd && fmin <= d && d <= fmax && x <= fd[o+d] {
				return x, y, true, true
			}
		}
		if minimal || cost < c.tooExpensive {
			continue
		}
		// Too expensive: take the better of the furthest-reaching
		// forward and backward diagonals.
		fxybest, fxbest := -1, 0
		for d := fmax; d >= fmin; d -= 2 {
			x := min(fd[o+d], xlim)
			y := x - d
			if ylim < y {
				x, y = ylim+d, ylim
			}
			if fxybest < x+y {
				fxybest, fxbest = x+y, x
			}
		}
		bxybest, bxbest := offsetMax, 0
		for d := bmax; d >= bmin; d -= 2 {
			x := max(xoff, bd[o+d])
			y := x - d
			if y < yoff {
				x, y = yoff+d, yoff
			}
			if x+y < bxybest {
				bxybest, bxbest = x+y, x
			}
		}
		if (xlim+ylim)-bxybest < fxybest-(xoff+yoff) {
			return fxbest, fxybest - fxbest, true, false
		}
		return bxbest, bxybest - bxbest, false, true
	}
}

// shiftBoundaries slides runs of changes so that they merge with
// neighbouring runs where possible and otherwise sit as low as possible,
// as GNU's shift_boundaries does.
func shiftBoundaries(f [2]*file) {
	for k := 0; k < 2; k++ {
		// ch[i] is line i's flag; chm and om also take -1, the sentinel.
		ch, other := f[k].changed[1:], f[1-k].changed[1:]
		chm := func(i int) bool { return f[k].changed[i+1] }
		om := func(i int) bool { return f[1-k].changed[i+1] }
		equivs := f[k].equivs
		iEnd := len(equivs)
		i, j := 0, 0
		for {
			for i < iEnd && !ch[i] {
				for om(j) {
					j++
				}
				j++
				i++
			}
			if i == iEnd {
				break
			}
			start := i
			i++
			for ch[i] {
				i++
			}
			for other[j] {
				j++
			}
			var runlength, corresponding int
			for {
				runlength = i - start
				for start > 0 && equivs[start-1] == equivs[i-1] {
					start--
					ch[start] = true
					i--
					ch[i] = false
					for chm(start - 1) {
						start--
					}
					j--
					for om(j) {
						j--
					}
				}
				corresponding = iEnd
				if om(j - 1) {
					corresponding = i
				}
				for i != iEnd && equivs[start] == equivs[i] {
					ch[start] = false
					start++
					ch[i] = true
					i++
					for ch[i] {
						i++
					}
					j++
					for other[j] {
						j++
						corresponding = i
					}
				}
				if runlength == i-start {
					break
				}
			}
			for corresponding < i {
				start--
				ch[start] = true
				i--
				ch[i] = false
				j--
				for om(j) {
					j--
				}
			}
		}
	}
}

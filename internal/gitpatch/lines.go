package gitpatch

// A line diff: Myers' O(ND) algorithm in its linear-space form (the
// "middle snake" recursion), so memory stays proportional to the inputs
// however much they differ.

// edit is one line of an edit script.
type edit struct {
	kind byte // ' ' kept, '-' removed (from a), '+' added (from b)
	a, b int  // indexes into a and b (the one that applies)
}

// diffLines returns the edit script turning a into b: kept lines in
// order, with each run of changes listing removals before additions.
func diffLines(a, b []string) []edit {
	// Compare integers, not strings.
	ids := map[string]int{}
	intern := func(ls []string) []int {
		out := make([]int, len(ls))
		for i, l := range ls {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	x, y := intern(a), intern(b)
	n, m := len(x), len(y)
	v := make([]int, 2*(n+m)+2)
	vr := make([]int, 2*(n+m)+2)
	keep := make([]bool, n) // a lines kept
	keepB := make([]bool, m)
	var rec func(a0, a1, b0, b1 int)
	rec = func(a0, a1, b0, b1 int) {
		// Trim common prefix and suffix.
		for a0 < a1 && b0 < b1 && x[a0] == y[b0] {
			keep[a0], keepB[b0] = true, true
			a0++
			b0++
		}
		for a0 < a1 && b0 < b1 && x[a1-1] == y[b1-1] {
			keep[a1-1], keepB[b1-1] = true, true
			a1--
			b1--
		}
		if a0 == a1 || b0 == b1 {
			return
		}
		sx, sy, ex, ey := middleSnake(x, y, a0, a1, b0, b1, v, vr)
		for i, j := sx, sy; i < ex && j < ey; i, j = i+1, j+1 {
			keep[i], keepB[j] = true, true
		}
		rec(a0, sx, b0, sy)
		rec(ex, a1, ey, b1)
	}
	rec(0, n, 0, m)
	var out []edit
	i, j := 0, 0
	for i < n || j < m {
		for i < n && !keep[i] {
			out = append(out, edit{kind: '-', a: i})
			i++
		}
		for j < m && !keepB[j] {
			out = append(out, edit{kind: '+', b: j})
			j++
		}
		if i < n && j < m {
			out = append(out, edit{kind: ' ', a: i, b: j})
			i++
			j++
		}
	}
	return out
}

// middleSnake finds a snake (a diagonal run of equal lines) in the middle
// of an optimal path from (a0,b0) to (a1,b1): it returns its start and
// end. The ranges differ at both ends, and neither is empty.
func middleSnake(x, y []int, a0, a1, b0, b1 int, vf, vb []int) (int, int, int, int) {
	n, m := a1-a0, b1-b0
	delta := n - m
	odd := delta&1 != 0
	off := n + m + 1
	vf[off+1] = 0
	vb[off+1] = 0
	for d := 0; d <= (n+m+1)/2; d++ {
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || k != d && vf[off+k-1] < vf[off+k+1] {
				i = vf[off+k+1]
			} else {
				i = vf[off+k-1] + 1
			}
			j := i - k
			si, sj := i, j
			for i < n && j < m && x[a0+i] == y[b0+j] {
				i++
				j++
			}
			vf[off+k] = i
			if odd && k-delta >= -(d-1) && k-delta <= d-1 && i+vb[off+delta-k] >= n {
				return a0 + si, b0 + sj, a0 + i, b0 + j
			}
		}
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || k != d && vb[off+k-1] < vb[off+k+1] {
				i = vb[off+k+1]
			} else {
				i = vb[off+k-1] + 1
			}
			j := i - k
			si, sj := i, j
			for i < n && j < m && x[a1-1-i] == y[b1-1-j] {
				i++
				j++
			}
			vb[off+k] = i
			if !odd && delta-k >= -d && delta-k <= d && i+vf[off+delta-k] >= n {
				return a1 - i, b1 - j, a1 - si, b1 - sj
			}
		}
	}
	// Not reached for differing ranges; fall back on replacing all.
	return a1, b1, a1, b1
}

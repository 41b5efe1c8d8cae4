package gitpatch

import "github.com/sandsh/sandsh/internal/udiff"

// edit is one line of an edit script.
type edit struct {
	kind byte // ' ' kept, '-' removed (from a), '+' added (from b)
	a, b int  // indexes into a and b (the one that applies)
}

// diffLines returns the edit script turning a into b, from GNU diff's
// algorithm (package udiff): kept lines in order, each run of changes
// listing removals before additions.
func diffLines(a, b []string) []edit {
	var out []edit
	i, j := 0, 0
	for _, c := range udiff.Diff(a, b, &udiff.Options{Horizon: 3}) {
		for ; i < c.A; i, j = i+1, j+1 {
			out = append(out, edit{kind: ' ', a: i, b: j})
		}
		for n := 0; n < c.Del; n, i = n+1, i+1 {
			out = append(out, edit{kind: '-', a: i})
		}
		for n := 0; n < c.Ins; n, j = n+1, j+1 {
			out = append(out, edit{kind: '+', b: j})
		}
	}
	for ; i < len(a); i, j = i+1, j+1 {
		out = append(out, edit{kind: ' ', a: i, b: j})
	}
	return out
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestLn(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "alpha\n"),
		bt.File("b", "beta\n"),
		bt.File("x/a", "other a\n"),
		bt.Dir("d"),
		bt.Dir("e"),
		bt.Symlink("le", "e"),
		bt.Symlink("la", "a"),
		bt.Symlink("dangling", "nowhere"),
		bt.File("a b", "spaced\n"),
	}
	cases := []bt.Case{
		{Args: []string{"ln", "a", "new"}},
		{Args: []string{"ln", "-v", "a", "new"}},
		{Args: []string{"ln", "a", "b"}},
		{Args: []string{"ln", "a", "nope/x"}},
		{Args: []string{"ln", "missing", "x2"}},
		{Args: []string{"ln", "d", "dd"}},
		{Args: []string{"ln", "-d", "d", "dd"}},
		{Args: []string{"ln", "a", "d"}},
		{Args: []string{"ln", "-v", "a", "b", "d"}},
		{Args: []string{"ln", "-v", "a", "d/"}},
		{Args: []string{"ln", "a", "le"}},
		{Args: []string{"ln", "-n", "a", "le"}},
		{Args: []string{"ln", "-nfv", "a", "le"}},
		{Args: []string{"ln", "-f", "a", "b"}},
		{Args: []string{"ln", "-f", "a", "a"}},
		{Args: []string{"ln", "-f", "x/a", "a", "d"}},
		{Args: []string{"ln", "-fT", "a", "d"}},
		{Args: []string{"ln", "-T", "a", "d"}},
		{Args: []string{"ln", "a"}},
		{Args: []string{"ln", "x/a"}},
		{Args: []string{"ln", "a", "b/"}},
		{Args: []string{"ln", "a", "nodir/"}},
		{Args: []string{"ln", "la", "hl"}},
		{Args: []string{"ln", "-L", "la", "hl"}},
		{Args: []string{"ln", "-L", "-P", "la", "hl"}},
		{Args: []string{"ln", "-L", "dangling", "hl"}},
		{Args: []string{"ln", "dangling", "hl"}},
		{Args: []string{"ln", "-s", "a", "sl"}},
		{Args: []string{"ln", "-sv", "nowhere/at/all", "sl"}},
		{Args: []string{"ln", "-s", "a", "b"}},
		{Args: []string{"ln", "-sf", "a", "b"}},
		{Args: []string{"ln", "-sfv", "a", "a"}},
		{Args: []string{"ln", "-s", "", "emp"}},
		{Args: []string{"ln", "-s", "a", "nodir/"}},
		{Args: []string{"ln", "-sv", "a", "e/"}},
		{Args: []string{"ln", "-s", "a", "b", "e"}},
		{Args: []string{"ln", "-s", "a", "b", "c"}},
		{Args: []string{"ln", "-s", "a", "b", "a"}},
		{Args: []string{"ln", "-sfn", "d", "le"}},
		{Args: []string{"ln", "-sf", "d", "le"}},
		{Args: []string{"ln", "-srv", "a", "d/rel"}},
		{Args: []string{"ln", "-sr", "la", "e/z"}},
		{Args: []string{"ln", "-sr", "a", "a2"}},
		{Args: []string{"ln", "-sr", "d", "e/x/"}},
		{Args: []string{"ln", "-srv", "nodir/x", "e/y"}},
		{Args: []string{"ln", "-srv", "x/a", "le/deep"}},
		{Args: []string{"ln", "-r", "a", "q"}},
		{Args: []string{"ln", "-t", "d", "a", "b", "la"}},
		{Args: []string{"ln", "-sv", "--target-directory=d", "a", "x/a"}},
		{Args: []string{"ln", "-t", "nope", "a"}},
		{Args: []string{"ln", "-t", "a", "b"}},
		{Args: []string{"ln", "-t", "d", "-t", "e", "a"}},
		{Args: []string{"ln", "-T", "-t", "d", "a"}},
		{Args: []string{"ln", "-T", "a"}},
		{Args: []string{"ln", "-T", "a", "b", "c"}},
		{Args: []string{"ln", "-i", "a", "b"}, Stdin: "y\n"},
		{Args: []string{"ln", "-i", "a", "b"}, Stdin: "n\n"},
		{Args: []string{"ln", "-si", "a", "new"}},
		{Args: []string{"ln", "a b", "c d"}},
		{Args: []string{"ln"}},
		{Args: []string{"ln", "-k", "a"}},
		{Args: []string{"ln", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
		cases[i].Links = true
	}
	// The overlay does not follow link counts of lower files that
	// already had several names (like Linux overlayfs), so these cases
	// do not compare them.
	hard := append(append([]bt.Entry(nil), tree...), bt.Hardlink("h", "a"))
	cases = append(cases,
		bt.Case{Args: []string{"ln", "-fv", "a", "h"}, Tree: hard},
		bt.Case{Args: []string{"ln", "-f", "h", "h"}, Tree: hard},
		bt.Case{Args: []string{"ln", "-v", "h", "d"}, Tree: hard},
	)
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestMv(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	tree := []bt.Entry{
		bt.File("a", "alpha\n").WithTime(old),
		bt.File("b", "bee\n").WithTime(old.Add(time.Hour)),
		bt.File("new", "newer\n"),
		bt.Dir("d"),
		bt.File("d/x", "ex"),
		bt.Dir("d/s"),
		bt.File("d/s/y", "why"),
		bt.Dir("e"),
		bt.Dir("e/d"),
		bt.File("e/d/x", "full"),
		bt.Dir("f"),
		bt.Dir("g"),
		bt.Dir("g/d"),
		bt.Symlink("la", "a"),
		bt.Symlink("ld", "d"),
		bt.Symlink("dang", "nowhere"),
	}
	cases := []bt.Case{
		{Args: []string{"mv", "a", "c"}, Times: true},
		{Args: []string{"mv", "-v", "a", "b"}},
		{Args: []string{"mv", "a", "f"}},
		{Args: []string{"mv", "-v", "a", "b", "f"}},
		{Args: []string{"mv", "a", "f/"}},
		{Args: []string{"mv", "a", "f/c"}},
		{Args: []string{"mv", "d", "f"}},
		{Args: []string{"mv", "-v", "d", "d2"}},
		{Args: []string{"mv", "d/", "d2"}},
		{Args: []string{"mv", "d/", "d2/"}},
		{Args: []string{"mv", "d", "e"}},
		{Args: []string{"mv", "d", "g"}},
		{Args: []string{"mv", "d", "d/s"}},
		{Args: []string{"mv", "d", "d"}},
		{Args: []string{"mv", "-T", "a", "e"}},
		{Args: []string{"mv", "-T", "d", "f"}},
		{Args: []string{"mv", "-T", "d", "e"}},
		{Args: []string{"mv", "-T", "a", "b", "c"}},
		{Args: []string{"mv", "d", "a"}},
		{Args: []string{"mv", "a", "a"}},
		{Args: []string{"mv", "a", "./a"}},
		{Args: []string{"mv", "missing", "x"}},
		{Args: []string{"mv", "a/", "x"}},
		{Args: []string{"mv", "a", "nodir/x"}},
		{Args: []string{"mv", "a", "x/"}},
		{Args: []string{"mv"}},
		{Args: []string{"mv", "a"}},
		{Args: []string{"mv", "a", "b", "nodir"}},
		{Args: []string{"mv", "a", "b", "new"}},
		{Args: []string{"mv", "-n", "a", "b"}},
		{Args: []string{"mv", "-nv", "a", "b"}},
		{Args: []string{"mv", "-i", "a", "b"}, Stdin: "n\n"},
		{Args: []string{"mv", "-i", "a", "b"}, Stdin: "y\n"},
		{Args: []string{"mv", "-i", "a", "c"}},
		{Args: []string{"mv", "-if", "a", "b"}},
		{Args: []string{"mv", "-fi", "a", "b"}, Stdin: "n\n"},
		{Args: []string{"mv", "-u", "a", "b"}},
		{Args: []string{"mv", "-u", "new", "b"}},
		{Args: []string{"mv", "-u", "b", "a"}},
		{Args: []string{"mv", "-t", "f", "a", "b"}},
		{Args: []string{"mv", "--target-directory=f", "-v", "d"}},
		{Args: []string{"mv", "-t", "nodir", "a"}},
		{Args: []string{"mv", "-t", "a", "b"}},
		{Args: []string{"mv", "la", "lb"}},
		{Args: []string{"mv", "ld", "f"}},
		{Args: []string{"mv", "ld/", "ld2"}},
		{Args: []string{"mv", "dang", "f"}},
		{Args: []string{"mv", "a", "dang"}},
		{Args: []string{"mv", "a", "la"}},
		{Args: []string{"mv", "--strip-trailing-slashes", "d/", "f"}},
		{Args: []string{"mv", "", "x"}},
		{Args: []string{"mv", "a", ""}},
		{Args: []string{"mv", "-z", "a", "b"}},
		{Args: []string{"mv", "--bogus", "a", "b"}},
		{Args: []string{"mv", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

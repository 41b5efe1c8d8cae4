package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestMkdir(t *testing.T) {
	tree := []bt.Entry{
		bt.File("f", "file"),
		bt.Dir("d"),
		bt.Dir("sg").WithMode(0o2755),
		bt.Symlink("ld", "d"),
		bt.Symlink("dangling", "nowhere"),
	}
	cases := []bt.Case{
		{Args: []string{"mkdir", "x"}},
		{Args: []string{"mkdir", "x", "y", "z"}},
		{Args: []string{"mkdir", "-v", "x", "y"}},
		{Args: []string{"mkdir", "d"}},
		{Args: []string{"mkdir", "f"}},
		{Args: []string{"mkdir", "-p", "d"}},
		{Args: []string{"mkdir", "-p", "f"}},
		{Args: []string{"mkdir", "-p", "f/x"}},
		{Args: []string{"mkdir", "-p", "dangling/x"}},
		{Args: []string{"mkdir", "-pv", "a/b/c"}},
		{Args: []string{"mkdir", "-pv", "a/./b/../c2", "d/n"}},
		{Args: []string{"mkdir", "-p", "ld/x/y"}},
		{Args: []string{"mkdir", "nodir/x"}},
		{Args: []string{"mkdir", "x/"}},
		{Args: []string{"mkdir", "-p", "f/"}},
		{Args: []string{"mkdir", ""}},
		{Args: []string{"mkdir", "-p", ""}},
		{Args: []string{"mkdir"}},
		{Args: []string{"mkdir", "-m", "700", "m"}},
		{Args: []string{"mkdir", "-m", "0", "m"}},
		{Args: []string{"mkdir", "-m", "2755", "m"}},
		{Args: []string{"mkdir", "-m", "4755", "m"}},
		{Args: []string{"mkdir", "-m", "1777", "m"}},
		{Args: []string{"mkdir", "-m", "u=rwx,g=rx", "m"}},
		{Args: []string{"mkdir", "-m", "g=rx", "m"}},
		{Args: []string{"mkdir", "-m", "+w", "m"}},
		{Args: []string{"mkdir", "-m", "go-w", "m"}},
		{Args: []string{"mkdir", "-m", "=rwx", "m"}},
		{Args: []string{"mkdir", "-m", "+t", "m"}},
		{Args: []string{"mkdir", "-m", "o=t", "m"}},
		{Args: []string{"mkdir", "-m", "u+s", "m"}},
		{Args: []string{"mkdir", "-m", "g+s", "m"}},
		{Args: []string{"mkdir", "-m", "a=rwx,u-w", "m"}},
		{Args: []string{"mkdir", "-m", "g=u", "m"}},
		{Args: []string{"mkdir", "-m", "a+X", "m"}},
		{Args: []string{"mkdir", "--mode=750", "m"}},
		{Args: []string{"mkdir", "-m", "bad", "m"}},
		{Args: []string{"mkdir", "-m", "X", "m"}},
		{Args: []string{"mkdir", "-m", "8", "m"}},
		{Args: []string{"mkdir", "-pm", "700", "p1/p2"}},
		{Args: []string{"mkdir", "-pm", "700", "d"}},
		{Args: []string{"mkdir", "sg/child"}},
		{Args: []string{"mkdir", "-m", "700", "sg/child"}},
		{Args: []string{"mkdir", "-m"}},
		{Args: []string{"mkdir", "-z", "x"}},
		{Args: []string{"mkdir", "--parent", "q/r"}},
		{Args: []string{"mkdir", "--help"}, HelpOnly: true},
		{Args: []string{"mkdir", "x", "x"}},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestCat(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "alpha\nbeta\n"),
		bt.File("b", "no newline"),
		bt.File("blank", "\n\n\nx\n\n\n\ny\n\n"),
		bt.File("ctl", "a\r\nb\tc\x01\x7f\x80\xff\xa0\x89\n"),
		bt.File("empty", ""),
		bt.File("a b", "spaced\n"),
		bt.Dir("d"),
		bt.Symlink("link", "a"),
		bt.Symlink("dangling", "nowhere"),
	}
	cases := []bt.Case{
		{Args: []string{"cat", "a"}},
		{Args: []string{"cat", "a", "b", "a"}},
		{Args: []string{"cat"}, Stdin: "from stdin\n"},
		{Args: []string{"cat", "a", "-", "b"}, Stdin: "middle\n"},
		{Args: []string{"cat", "-", "-"}, Stdin: "once\n"},
		{Args: []string{"cat", "-n", "a", "b", "blank"}},
		{Args: []string{"cat", "-b", "blank"}},
		{Args: []string{"cat", "-s", "blank"}},
		{Args: []string{"cat", "-sn", "blank"}},
		{Args: []string{"cat", "-bs", "blank", "a"}},
		{Args: []string{"cat", "-E", "ctl", "a"}},
		{Args: []string{"cat", "-T", "ctl"}},
		{Args: []string{"cat", "-v", "ctl"}},
		{Args: []string{"cat", "-A", "ctl"}},
		{Args: []string{"cat", "-e", "ctl"}},
		{Args: []string{"cat", "-t", "ctl"}},
		{Args: []string{"cat", "--number", "--show-ends", "b", "a"}},
		{Args: []string{"cat", "-u", "a"}},
		{Args: []string{"cat", "empty", "link"}},
		{Args: []string{"cat", "missing"}},
		{Args: []string{"cat", "a", "missing", "b"}},
		{Args: []string{"cat", "d"}},
		{Args: []string{"cat", "-n", "d", "a"}},
		{Args: []string{"cat", "dangling"}},
		{Args: []string{"cat", "a b", "c d"}},
		{Args: []string{"cat", "a/"}},
		{Args: []string{"cat", "-z"}},
		{Args: []string{"cat", "--bogus"}},
		{Args: []string{"cat", "--num", "a"}},
		{Args: []string{"cat", "--help"}, HelpOnly: true},
		{Args: []string{"cat", "--", "-n"}},
		{Args: []string{"cat", "a", "-n"}},
		{Args: []string{"cat", "-n"}, Stdin: "x\n\ny"},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTruncate(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "0123456789"),
		bt.File("b", "hello world\n"),
		bt.File("empty", ""),
		bt.Dir("d"),
		bt.Symlink("la", "a"),
		bt.Symlink("dangling", "gone"),
	}
	cases := []bt.Case{
		{Args: []string{"truncate", "-s", "0", "a"}},
		{Args: []string{"truncate", "-s", "4", "a", "b", "new"}},
		{Args: []string{"truncate", "-s", "20", "a"}},
		{Args: []string{"truncate", "-s", "+5", "a", "empty"}},
		{Args: []string{"truncate", "-s", "-3", "a", "empty"}},
		{Args: []string{"truncate", "--size=-100", "a"}},
		{Args: []string{"truncate", "-s", "<4", "a", "empty"}},
		{Args: []string{"truncate", "-s", ">11", "a", "b"}},
		{Args: []string{"truncate", "-s", " /4", "a", "b"}},
		{Args: []string{"truncate", "-s", "%4", "a", "b", "empty"}},
		{Args: []string{"truncate", "-s", "% 3", "a"}},
		{Args: []string{"truncate", "-s", " 5", "a"}},
		{Args: []string{"truncate", "-s", "1K", "a"}},
		{Args: []string{"truncate", "-s", "1k", "a"}},
		{Args: []string{"truncate", "-s", "2KB", "a"}},
		{Args: []string{"truncate", "-s", "1KiB", "a"}},
		{Args: []string{"truncate", "-s", "1M", "new"}},
		{Args: []string{"truncate", "-s", "K", "a"}},
		{Args: []string{"truncate", "-s", "010", "a"}},
		{Args: []string{"truncate", "-s", "0x10", "a"}},
		{Args: []string{"truncate", "-s", "1b", "a"}},
		{Args: []string{"truncate", "-s", "abc", "a"}},
		{Args: []string{"truncate", "-s", "+", "a"}},
		{Args: []string{"truncate", "-s", "1KBx", "a"}},
		{Args: []string{"truncate", "-s", "9E", "a"}},
		{Args: []string{"truncate", "-s", "<+5", "a"}},
		{Args: []string{"truncate", "-s", " /0", "a"}},
		{Args: []string{"truncate", "-s", "%0", "a"}},
		{Args: []string{"truncate", "-s", "3", "la"}},
		{Args: []string{"truncate", "-s", "3", "dangling"}},
		{Args: []string{"truncate", "-s", "3", "d"}},
		{Args: []string{"truncate", "-s", "3", "nodir/x", "a"}},
		{Args: []string{"truncate", "-s", "3", ""}},
		{Args: []string{"truncate", "-c", "-s", "3", "nope", "a"}},
		{Args: []string{"truncate", "--no-create", "--size=3", "nodir/x"}},
		{Args: []string{"truncate", "-r", "b", "a", "new"}},
		{Args: []string{"truncate", "--reference=empty", "a"}},
		{Args: []string{"truncate", "-r", "b", "-s", "+2", "a"}},
		{Args: []string{"truncate", "-r", "b", "-s", "%5", "a"}},
		{Args: []string{"truncate", "-r", "b", "-s", "5", "a"}},
		{Args: []string{"truncate", "-r", "nope", "a"}},
		{Args: []string{"truncate", "-o", "-s", "1", "a"}},
		{Args: []string{"truncate", "-o", "a"}},
		{Args: []string{"truncate", "-o", "-r", "b", "a"}},
		{Args: []string{"truncate", "a"}},
		{Args: []string{"truncate", "-s", "1"}},
		{Args: []string{"truncate"}},
		{Args: []string{"truncate", "-s"}},
		{Args: []string{"truncate", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

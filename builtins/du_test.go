package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestDu(t *testing.T) {
	tree := []bt.Entry{
		bt.File("d/a", "hello"),
		bt.File("d/sub/big", string(make([]byte, 5000))),
		bt.File("d/sub/x.txt", "text\n"),
		bt.Dir("d/sub/deep/er"),
		bt.Symlink("d/l", "a"),
		bt.Symlink("ld", "d"),
		bt.Dir("e"),
		bt.File("f", string(make([]byte, 70000))),
		bt.File("h/one", "1"),
		bt.Hardlink("h/two", "h/one"),
		bt.File("h/three", "333"),
	}
	s := func(args ...string) bt.Case { return bt.Case{Args: args, SortStdout: true} }
	cases := []bt.Case{
		s("du"),
		s("du", "d"),
		s("du", "d/"),
		s("du", "-a", "d"),
		s("du", "--all", "e", "f"),
		s("du", "-s"),
		s("du", "-s", "d", "e", "f"),
		s("du", "--summarize", "d/sub"),
		s("du", "-c", "d", "e"),
		s("du", "--total", "-s", "d", "f"),
		s("du", "-b", "d"),
		s("du", "-ab", "d"),
		s("du", "--apparent-size", "d"),
		s("du", "--apparent-size", "-a", "-k", "d"),
		s("du", "-h", "d", "f"),
		s("du", "-sh", "."),
		s("du", "-bh", "f"),
		s("du", "-m", "d", "f"),
		s("du", "-k", "f"),
		s("du", "-B", "1", "d"),
		s("du", "-B", "3", "f"),
		s("du", "--block-size=2K", "d"),
		s("du", "-B", "1M", "f"),
		{Args: []string{"du", "-B", "x", "d"}},
		s("du", "-d", "1"),
		s("du", "--max-depth=0", "d"),
		s("du", "-a", "-d", "1", "d"),
		s("du", "--max-depth=2", "-a"),
		{Args: []string{"du", "-d", "x"}},
		{Args: []string{"du", "-d", "-1"}},
		{Args: []string{"du", "-s", "-a"}},
		{Args: []string{"du", "-s", "-d", "1", "d"}},
		s("du", "-s", "-d", "0", "d"),
		s("du", "-S", "d"),
		s("du", "--separate-dirs", "-s", "d"),
		s("du", "h"),
		s("du", "-l", "h"),
		s("du", "--count-links", "-b", "h"),
		s("du", "h/one", "h/two"),
		s("du", "d", "d"),
		s("du", "d/a", "d"),
		s("du", "ld"),
		s("du", "-H", "ld"),
		s("du", "-D", "ld"),
		s("du", "-L", "ld"),
		s("du", "-L", "d"),
		s("du", "-P", "-a", "d"),
		s("du", "-x", "d"),
		s("du", "--exclude=*.txt", "-a", "d"),
		s("du", "--exclude=sub", "d"),
		s("du", "--exclude=d", "d"),
		s("du", "--exclude=deep", "--exclude=l", "-a", "d"),
		{Args: []string{"du", "-0", "d/a", "e"}},
		{Args: []string{"du", "missing"}},
		{Args: []string{"du", "d/a", "missing", "e"}},
		{Args: []string{"du", "d/a/"}},
		{Args: []string{"du", "-z"}},
		{Args: []string{"du", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

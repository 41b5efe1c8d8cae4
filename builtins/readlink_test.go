package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// canonTree has symlinks of every kind, all relative so they stay inside
// the fixture on the host.
var canonTree = []bt.Entry{
	bt.File("d/f", "x"),
	bt.Dir("d/sub/deep"),
	bt.File("file", "x"),
	bt.Symlink("lf", "file"),
	bt.Symlink("ld", "d"),
	bt.Symlink("d/sub/up", "../f"),
	bt.Symlink("chain", "ld/sub/up"),
	bt.Symlink("dangling", "nowhere/x"),
	bt.Symlink("dangling1", "nothere"),
	bt.Symlink("loop1", "loop2"),
	bt.Symlink("loop2", "loop1"),
	bt.Symlink("self", "self"),
	bt.Symlink("d/sub/dot", "."),
	bt.Symlink("a b", "file"),
}

func TestReadlink(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"readlink", "lf"}},
		{Args: []string{"readlink", "lf", "ld", "d/sub/up", "dangling"}},
		{Args: []string{"readlink", "file"}},
		{Args: []string{"readlink", "-v", "file", "missing", "lf"}},
		{Args: []string{"readlink", "--verbose", "lf/"}},
		{Args: []string{"readlink", "-v", "ld/"}},
		{Args: []string{"readlink", "-v", ""}},
		{Args: []string{"readlink", "-n", "lf"}},
		{Args: []string{"readlink", "-n", "lf", "ld"}},
		{Args: []string{"readlink", "-z", "lf", "ld"}},
		{Args: []string{"readlink", "-f", "lf", "ld", "chain", "d/sub/dot/deep/..", "."}},
		{Args: []string{"readlink", "-f", "dangling1", "missing", "ld/missing"}},
		{Args: []string{"readlink", "-f", "dangling"}},
		{Args: []string{"readlink", "-fv", "dangling", "missing/x", "file/x", "file/", "missing/", "missing/.."}},
		{Args: []string{"readlink", "-e", "lf", "chain"}},
		{Args: []string{"readlink", "-ev", "dangling1", "missing", "ld/sub/", "lf/"}},
		{Args: []string{"readlink", "-m", "dangling", "missing/../x/./y", "file/x/..", "loop1", "self/x"}},
		{Args: []string{"readlink", "-fv", "loop1", "self"}},
		{Args: []string{"readlink", "-ev", "loop1/x"}},
		{Args: []string{"readlink", "-f", "d//sub///deep/"}},
		{Args: []string{"readlink", "-f", "-q", "-v", "missing/x"}},
		{Args: []string{"readlink", "-v", "-s", "missing/x"}},
		{Args: []string{"readlink", "-f", "a b"}},
		{Args: []string{"readlink", "--canonicalize-existing", "--zero", "-n", "lf"}},
		{Args: []string{"readlink"}},
		{Args: []string{"readlink", "-x"}},
		{Args: []string{"readlink", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = canonTree
	}
	bt.RunAll(t, cases)
}

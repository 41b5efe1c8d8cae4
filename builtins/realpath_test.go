package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestRealpath(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"realpath", "file", "lf", "ld", "chain", "."}},
		{Args: []string{"realpath", "missing", "dangling1"}},
		{Args: []string{"realpath", "dangling", "missing/x", "file/x", "file/", "missing/"}},
		{Args: []string{"realpath", "-e", "lf", "missing", "dangling1", "ld/sub/"}},
		{Args: []string{"realpath", "-m", "dangling", "missing/../x", "file/x", "loop1"}},
		{Args: []string{"realpath", "loop1", "self/"}},
		{Args: []string{"realpath", "-q", "missing/x", "file"}},
		{Args: []string{"realpath", "-s", "lf", "ld/sub/up", "missing", "ld/../file"}},
		{Args: []string{"realpath", "--no-symlinks", "-e", "ld/x", "missing/../file", "dangling1"}},
		{Args: []string{"realpath", "--strip", "-m", "a/../b/./c//"}},
		{Args: []string{"realpath", "-L", "ld/sub/../f", "d/sub/up/.."}},
		{Args: []string{"realpath", "-P", "ld/sub/..", "d/sub/dot/.."}},
		{Args: []string{"realpath", "-L", "-P", "ld/sub/.."}},
		{Args: []string{"realpath", "-z", "file", "ld"}},
		{Args: []string{"realpath", "--relative-to=d", "file", "d/f", "d/sub/deep", "d", "lf"}},
		{Args: []string{"realpath", "--relative-to", "d/sub/deep", "file", "d/f", "."}},
		{Args: []string{"realpath", "--relative-to", "ld/sub", "chain"}},
		{Args: []string{"realpath", "--relative-to", "missing/x", "file"}},
		{Args: []string{"realpath", "-e", "--relative-to=file", "d"}},
		{Args: []string{"realpath", "-e", "--relative-to=missing", "d"}},
		{Args: []string{"realpath", "--relative-base=d", "file", "d/f", "d/sub/deep", "d"}},
		{Args: []string{"realpath", "--relative-base=.", "--relative-to=d", "file", "d/f"}},
		{Args: []string{"realpath", "--relative-base=d", "--relative-to", "d/sub", "file", "d/f", "d/sub/deep"}},
		{Args: []string{"realpath", "--relative-base", "d/sub", "--relative-to=d", "file", "d/f", "d/sub/deep"}},
		{Args: []string{"realpath", "-s", "--relative-to=ld", "ld/sub"}},
		{Args: []string{"realpath", ""}},
		{Args: []string{"realpath", "a b"}},
		{Args: []string{"realpath"}},
		{Args: []string{"realpath", "--relative-to"}},
		{Args: []string{"realpath", "--bogus", "x"}},
		{Args: []string{"realpath", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = canonTree
	}
	bt.RunAll(t, cases)
}

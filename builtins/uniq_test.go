package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestUniq(t *testing.T) {
	tree := append(textTree(),
		bt.File("u", "a\na\nb\nc\nc\nc\nd\na\na\n"),
		bt.File("case", "Apple\napple\nAPPLE\nbanana\nBanana\ncherry\n"),
		bt.File("fields", "1 x  foo\n2 y  foo\n3\tz foo\n4 w bar\n5 v bar\n"),
		bt.File("chars", "xxabc\nyyabc\nzzabd\nabd\n"),
		bt.File("nonl", "a\na"),
		bt.File("z", "a\x00a\x00b\x00"),
	)
	cases := []bt.Case{
		{Args: []string{"uniq", "u"}},
		{Args: []string{"uniq", "-c", "u"}},
		{Args: []string{"uniq", "-d", "u"}},
		{Args: []string{"uniq", "-u", "u"}},
		{Args: []string{"uniq", "-D", "u"}},
		{Args: []string{"uniq", "-cd", "u"}},
		{Args: []string{"uniq", "-cu", "u"}},
		{Args: []string{"uniq", "-du", "u"}},
		{Args: []string{"uniq", "--all-repeated=prepend", "u"}},
		{Args: []string{"uniq", "--all-repeated=separate", "u"}},
		{Args: []string{"uniq", "--all-repeated=none", "u"}},
		{Args: []string{"uniq", "--all-repeated", "u"}},
		{Args: []string{"uniq", "-D", "-u", "u"}},
		{Args: []string{"uniq", "--group", "u"}},
		{Args: []string{"uniq", "--group=prepend", "u"}},
		{Args: []string{"uniq", "--group=append", "u"}},
		{Args: []string{"uniq", "--group=both", "u"}},
		{Args: []string{"uniq", "--group=sep", "u"}},
		{Args: []string{"uniq", "-i", "case"}},
		{Args: []string{"uniq", "-ci", "case"}},
		{Args: []string{"uniq", "case"}},
		{Args: []string{"uniq", "-f", "1", "fields"}},
		{Args: []string{"uniq", "-f2", "-c", "fields"}},
		{Args: []string{"uniq", "--skip-fields=5", "fields"}},
		{Args: []string{"uniq", "-s", "2", "chars"}},
		{Args: []string{"uniq", "-s", "2", "-w", "2", "chars"}},
		{Args: []string{"uniq", "-w", "1", "chars"}},
		{Args: []string{"uniq", "-w", "0", "chars"}},
		{Args: []string{"uniq", "--check-chars=3", "--skip-chars=1", "chars"}},
		{Args: []string{"uniq", "-2", "fields"}},
		{Args: []string{"uniq", "-1", "-c", "fields"}},
		{Args: []string{"uniq", "+2", "chars"}},
		{Args: []string{"uniq", "-f", "99999999999999999999999", "u"}},
		{Args: []string{"uniq", "nonl"}},
		{Args: []string{"uniq", "-c", "nonl"}},
		{Args: []string{"uniq", "-z", "z"}},
		{Args: []string{"uniq", "-zc", "z"}},
		{Args: []string{"uniq", "empty"}},
		{Args: []string{"uniq", "-c"}, Stdin: "x\nx\ny\n"},
		{Args: []string{"uniq", "-", "out"}, Stdin: "x\nx\ny\n"},
		{Args: []string{"uniq", "u", "out"}},
		{Args: []string{"uniq", "-c", "u", "a"}},
		{Args: []string{"uniq", "u", "out", "extra"}},
		{Args: []string{"uniq", "missing"}},
		{Args: []string{"uniq", "missing", "out"}},
		{Args: []string{"uniq", "d"}},
		{Args: []string{"uniq", "u", "d"}},
		{Args: []string{"uniq", "u", "missing/out"}},
		{Args: []string{"uniq", "-f", "x", "u"}},
		{Args: []string{"uniq", "-s", "-1", "u"}},
		{Args: []string{"uniq", "-w", "", "u"}},
		{Args: []string{"uniq", "-cD", "u"}},
		{Args: []string{"uniq", "--group", "-c", "u"}},
		{Args: []string{"uniq", "--all-repeated=bad", "u"}},
		{Args: []string{"uniq", "--group=bad", "u"}},
		{Args: []string{"uniq", "--bogus"}},
		{Args: []string{"uniq", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

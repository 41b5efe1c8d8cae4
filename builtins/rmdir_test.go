package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestRmdir(t *testing.T) {
	tree := []bt.Entry{
		bt.Dir("a/b/c"),
		bt.Dir("e/f"),
		bt.File("full/f", "x"),
		bt.Dir("full/sub"),
		bt.File("file", "x"),
		bt.Symlink("l", "e"),
		bt.Dir("empty"),
		bt.Dir("m/n"),
	}
	cases := []bt.Case{
		{Args: []string{"rmdir", "empty"}},
		{Args: []string{"rmdir", "-v", "empty", "e/f"}},
		{Args: []string{"rmdir", "a"}},
		{Args: []string{"rmdir", "-p", "a/b/c"}},
		{Args: []string{"rmdir", "-pv", "a/b/c"}},
		{Args: []string{"rmdir", "--parents", "--verbose", "m//n//"}},
		{Args: []string{"rmdir", "-p", "e/f/"}},
		{Args: []string{"rmdir", "-p", "full/sub"}},
		{Args: []string{"rmdir", "-p", "--ignore-fail-on-non-empty", "-v", "full/sub"}},
		{Args: []string{"rmdir", "--ignore-fail-on-non-empty", "full", "empty"}},
		{Args: []string{"rmdir", "--ignore", "full"}},
		{Args: []string{"rmdir", "full"}},
		{Args: []string{"rmdir", "l"}},
		{Args: []string{"rmdir", "l/"}},
		{Args: []string{"rmdir", "file"}},
		{Args: []string{"rmdir", "file/"}},
		{Args: []string{"rmdir", "nope"}},
		{Args: []string{"rmdir", "nope/x", "empty"}},
		{Args: []string{"rmdir", "."}},
		{Args: []string{"rmdir", ".."}},
		{Args: []string{"rmdir", "e/f/.."}},
		{Args: []string{"rmdir", ""}},
		{Args: []string{"rmdir", "-p", "./empty"}},
		{Args: []string{"rmdir", "-p", "a/b/c/../c"}},
		{Args: []string{"rmdir"}},
		{Args: []string{"rmdir", "-x", "empty"}},
		{Args: []string{"rmdir", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTee(t *testing.T) {
	tree := []bt.Entry{
		bt.File("old", "old content\n"),
		bt.Dir("d"),
		bt.Symlink("link", "old"),
		bt.Symlink("dangling", "d/new"),
	}
	cases := []bt.Case{
		{Args: []string{"tee"}, Stdin: "just stdout\n"},
		{Args: []string{"tee", "out"}, Stdin: "one\ntwo\n"},
		{Args: []string{"tee", "a", "b", "c"}, Stdin: "x"},
		{Args: []string{"tee", "old"}, Stdin: "new\n"},
		{Args: []string{"tee", "-a", "old", "fresh"}, Stdin: "more\n"},
		{Args: []string{"tee", "--append", "link"}, Stdin: "via link\n"},
		{Args: []string{"tee", "dangling"}, Stdin: "through\n"},
		{Args: []string{"tee", "-", "a"}, Stdin: "dash is a file\n"},
		{Args: []string{"tee", "d", "a"}, Stdin: "dir\n"},
		{Args: []string{"tee", "missing/x", "a"}, Stdin: "enoent\n"},
		{Args: []string{"tee", "-i", "a"}, Stdin: "ignored\n"},
		{Args: []string{"tee", "-p", "a"}, Stdin: "p\n"},
		{Args: []string{"tee", "--output-error", "a"}, Stdin: "oe\n"},
		{Args: []string{"tee", "--output-error=exit", "d", "a"}, Stdin: "exit\n"},
		{Args: []string{"tee", "--output-error=warn", "a"}, Stdin: "warn\n"},
		{Args: []string{"tee", "--output-error=bogus", "a"}, Stdin: "x\n"},
		{Args: []string{"tee", "--output-error=ex", "a"}, Stdin: "abbrev\n"},
		{Args: []string{"tee", "empty"}},
		{Args: []string{"tee", "-x"}},
		{Args: []string{"tee", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestChmod(t *testing.T) {
	tree := []bt.Entry{
		bt.File("f", "file").WithMode(0o644),
		bt.File("g", "file").WithMode(0o600),
		bt.File("x.sh", "#!/bin/sh\n").WithMode(0o755),
		bt.Dir("d").WithMode(0o755),
		bt.File("d/a", "a").WithMode(0o644),
		bt.Dir("d/sub").WithMode(0o700),
		bt.File("d/sub/b", "b").WithMode(0o640),
		bt.Symlink("lf", "f"),
		bt.Symlink("d/lf", "../f"),
		bt.Symlink("dangling", "nowhere"),
	}
	cases := []bt.Case{
		{Args: []string{"chmod", "755", "f"}},
		{Args: []string{"chmod", "0600", "f", "g"}},
		{Args: []string{"chmod", "+x", "f"}},
		{Args: []string{"chmod", "-x", "x.sh"}},
		{Args: []string{"chmod", "u+x,g-r", "f"}},
		{Args: []string{"chmod", "a=r", "f"}},
		{Args: []string{"chmod", "go-rwx", "f", "d"}},
		{Args: []string{"chmod", "u=rwx,g=rx,o=", "f"}},
		{Args: []string{"chmod", "g+s,o+t", "d"}},
		{Args: []string{"chmod", "4755", "x.sh"}},
		{Args: []string{"chmod", "+X", "f", "d"}},
		{Args: []string{"chmod", "-R", "go-rwx", "d"}},
		{Args: []string{"chmod", "-R", "u+w,a+X", "d"}},
		{Args: []string{"chmod", "-v", "644", "f", "g"}},
		{Args: []string{"chmod", "-c", "644", "f", "g"}},
		{Args: []string{"chmod", "700", "lf"}},
		{Args: []string{"chmod", "-R", "700", "d"}},
		{Args: []string{"chmod", "644", "missing"}},
		{Args: []string{"chmod", "-f", "644", "missing"}},
		{Args: []string{"chmod", "644", "dangling"}},
		{Args: []string{"chmod", "abc", "f"}},
		{Args: []string{"chmod", "644"}},
		{Args: []string{"chmod"}},
		{Args: []string{"chmod", "--reference=g", "f"}},
		{Args: []string{"chmod", "u=g", "g"}},
		{Args: []string{"chmod", "=", "f"}},
		{Args: []string{"chmod", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

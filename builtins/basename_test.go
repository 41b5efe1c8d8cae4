package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestBasename(t *testing.T) {
	bt.RunAll(t, []bt.Case{
		{Args: []string{"basename", "a/b/c.txt"}},
		{Args: []string{"basename", "a/b/c.txt", ".txt"}},
		{Args: []string{"basename", "c.txt", "c.txt"}},
		{Args: []string{"basename", "a/b//"}},
		{Args: []string{"basename", ""}},
		{Args: []string{"basename", "-a", "x/y", "z", "q/"}},
		{Args: []string{"basename", "-s", ".c", "a.c", "b/.c", "d.h"}},
		{Args: []string{"basename", "--suffix=.c", "-z", "a.c", "b"}},
		{Args: []string{"basename", "-z", "x/y"}},
		{Args: []string{"basename", "a", "b", "c"}},
		{Args: []string{"basename"}},
		{Args: []string{"basename", "-a"}},
		{Args: []string{"basename", "-x"}},
		{Args: []string{"basename", "--help"}, HelpOnly: true},
	})
}

func TestDirname(t *testing.T) {
	bt.RunAll(t, []bt.Case{
		{Args: []string{"dirname", "a/b/c"}},
		{Args: []string{"dirname", "a", "a/", "a/b/", "a//b", "..", "."}},
		{Args: []string{"dirname", ""}},
		{Args: []string{"dirname", "-z", "a/b", "c"}},
		{Args: []string{"dirname"}},
		{Args: []string{"dirname", "--zero"}},
		{Args: []string{"dirname", "-q", "a"}},
		{Args: []string{"dirname", "--help"}, HelpOnly: true},
	})
}

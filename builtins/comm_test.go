package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestComm(t *testing.T) {
	tree := []bt.Entry{
		bt.File("x", "a\nb\nd\n"),
		bt.File("y", "b\nc\nd\ne\n"),
		bt.File("u", "b\na\n"),
		bt.File("v", "c\nb\na\n"),
		bt.File("nonl", "b\nz"),
		bt.File("dups", "a\na\nb\nb\nb\n"),
		bt.File("z1", "a\x00b\x00"),
		bt.File("z2", "b\x00c"),
		bt.File("e", ""),
		bt.File("blank", "\n\na\n"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"comm", "x", "y"}},
		{Args: []string{"comm", "y", "x"}},
		{Args: []string{"comm", "-1", "x", "y"}},
		{Args: []string{"comm", "-2", "x", "y"}},
		{Args: []string{"comm", "-3", "x", "y"}},
		{Args: []string{"comm", "-12", "x", "y"}},
		{Args: []string{"comm", "-13", "x", "y"}},
		{Args: []string{"comm", "-23", "x", "y"}},
		{Args: []string{"comm", "-123", "x", "y"}},
		{Args: []string{"comm", "--total", "x", "y"}},
		{Args: []string{"comm", "--total", "-123", "x", "y"}},
		{Args: []string{"comm", "--output-delimiter=::", "x", "y"}},
		{Args: []string{"comm", "--output-delimiter=", "x", "y"}},
		{Args: []string{"comm", "--output-delimiter=", "--total", "x", "y"}},
		{Args: []string{"comm", "-3", "--total", "--output-delimiter=,", "x", "y"}},
		{Args: []string{"comm", "--output-delimiter=a", "--output-delimiter=b", "x", "y"}},
		{Args: []string{"comm", "--output-delimiter=a", "--output-delimiter=a", "x", "y"}},
		{Args: []string{"comm", "u", "y"}},
		{Args: []string{"comm", "y", "u"}},
		{Args: []string{"comm", "--check-order", "u", "y"}},
		{Args: []string{"comm", "--nocheck-order", "u", "y"}},
		{Args: []string{"comm", "v", "v"}},
		{Args: []string{"comm", "--check-order", "v", "v"}},
		{Args: []string{"comm", "v", "x"}},
		{Args: []string{"comm", "x", "nonl"}},
		{Args: []string{"comm", "dups", "x"}},
		{Args: []string{"comm", "blank", "x"}},
		{Args: []string{"comm", "e", "x"}},
		{Args: []string{"comm", "x", "e"}},
		{Args: []string{"comm", "-z", "z1", "z2"}},
		{Args: []string{"comm", "-z", "--total", "z1", "z2"}},
		{Args: []string{"comm", "-", "y"}, Stdin: "a\nc\n"},
		{Args: []string{"comm", "x", "-"}, Stdin: "d\n"},
		{Args: []string{"comm", "x"}},
		{Args: []string{"comm"}},
		{Args: []string{"comm", "x", "y", "z"}},
		{Args: []string{"comm", "missing", "y"}},
		{Args: []string{"comm", "x", "missing"}},
		{Args: []string{"comm", "d", "x"}},
		{Args: []string{"comm", "-4", "x", "y"}},
		{Args: []string{"comm", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

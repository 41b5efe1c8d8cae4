package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestCut(t *testing.T) {
	tree := append(textTree(),
		bt.File("f", "a:b:c\nxyz\n1:2\n::\n\nlast:x"),
		bt.File("tabs", "a\tb\tc\nd\te\n"),
		bt.File("words", "abcdef\nxy\n\nabcdefghij\n"),
	)
	cases := []bt.Case{
		{Args: []string{"cut", "-b", "1", "words"}},
		{Args: []string{"cut", "-b", "2-4", "words"}},
		{Args: []string{"cut", "-b", "-3", "words"}},
		{Args: []string{"cut", "-b", "3-", "words"}},
		{Args: []string{"cut", "-b", "1,3-5,-2,7-", "words"}},
		{Args: []string{"cut", "-c", "2,4", "words"}},
		{Args: []string{"cut", "--characters=2-3", "words"}},
		{Args: []string{"cut", "--bytes=1", "b"}},
		{Args: []string{"cut", "-b", "1-2,3-4", "--output-delimiter=X", "words"}},
		{Args: []string{"cut", "-b", "1-2,2-3", "--output-delimiter=X", "words"}},
		{Args: []string{"cut", "-b", "3,1-2", "--output-delimiter=X", "words"}},
		{Args: []string{"cut", "-b", "2-3,5-", "--complement", "words"}},
		{Args: []string{"cut", "-b", "2-3,5-", "--complement", "--output-delimiter=X", "words"}},
		{Args: []string{"cut", "-b", "1 3", "words"}},
		{Args: []string{"cut", "-n", "-b", "1", "words"}},
		{Args: []string{"cut", "-f", "1", "tabs"}},
		{Args: []string{"cut", "-f", "2-", "tabs"}},
		{Args: []string{"cut", "-d:", "-f", "2", "f"}},
		{Args: []string{"cut", "-d:", "-f", "1,3", "f"}},
		{Args: []string{"cut", "-d:", "-f", "3,1", "f"}},
		{Args: []string{"cut", "-d:", "-f", "-2", "f"}},
		{Args: []string{"cut", "-d:", "-f", "5", "f"}},
		{Args: []string{"cut", "-d:", "-s", "-f", "1", "f"}},
		{Args: []string{"cut", "-d:", "--only-delimited", "-f", "2", "f"}},
		{Args: []string{"cut", "-d:", "-f", "1", "--complement", "f"}},
		{Args: []string{"cut", "-d:", "-f", "1,3", "--output-delimiter=--", "f"}},
		{Args: []string{"cut", "-d:", "-f", "1,3", "--output-delimiter=", "f"}},
		{Args: []string{"cut", "-d", "", "-f", "2", "nul"}},
		{Args: []string{"cut", "-z", "-b", "1", "nul"}},
		{Args: []string{"cut", "-z", "-d", "b", "-f", "1", "nul"}},
		{Args: []string{"cut", "-d", " ", "-f", "2", "long"}},
		{Args: []string{"cut", "-f", "1"}, Stdin: "x\ty\n"},
		{Args: []string{"cut", "-c", "1", "-", "words"}, Stdin: "stdin\n"},
		{Args: []string{"cut", "-b", "1", "empty", "b"}},
		{Args: []string{"cut", "f"}},
		{Args: []string{"cut", "-b1", "-f1", "f"}},
		{Args: []string{"cut", "-d:", "-b1", "f"}},
		{Args: []string{"cut", "-s", "-b1", "f"}},
		{Args: []string{"cut", "-f0", "f"}},
		{Args: []string{"cut", "-f", "1-0", "f"}},
		{Args: []string{"cut", "-f", "3-2", "f"}},
		{Args: []string{"cut", "-f", "x", "f"}},
		{Args: []string{"cut", "-f", "1x,2", "f"}},
		{Args: []string{"cut", "-f", "-", "f"}},
		{Args: []string{"cut", "-b", "0-1", "f"}},
		{Args: []string{"cut", "-c", ",1", "f"}},
		{Args: []string{"cut", "-b", "x", "f"}},
		{Args: []string{"cut", "-f", "1-2-3", "f"}},
		{Args: []string{"cut", "-b", "1--2", "f"}},
		{Args: []string{"cut", "-b", "", "f"}},
		{Args: []string{"cut", "-f", "99999999999999999999", "f"}},
		{Args: []string{"cut", "-b", "2-99999999999999999999", "f"}},
		{Args: []string{"cut", "-d", "ab", "-f1", "f"}},
		{Args: []string{"cut", "-f1", "missing", "f"}},
		{Args: []string{"cut", "-f1", "d"}},
		{Args: []string{"cut", "--bogus"}},
		{Args: []string{"cut", "-b"}},
		{Args: []string{"cut", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

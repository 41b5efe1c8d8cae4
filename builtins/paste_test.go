package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestPaste(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "a\nb\nc\n"),
		bt.File("b", "1\n2"),
		bt.File("e", ""),
		bt.File("blank", "x\n\n\ny\n"),
		bt.File("z", "p\x00q\x00r"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"paste", "a", "b"}},
		{Args: []string{"paste", "b", "a"}},
		{Args: []string{"paste", "a", "b", "e", "blank"}},
		{Args: []string{"paste", "-d", "", "a", "b"}},
		{Args: []string{"paste", "-d", `\0`, "a", "b", "a"}},
		{Args: []string{"paste", "-d", `\n`, "a", "b"}},
		{Args: []string{"paste", "-d", `\t\\,`, "a", "a", "a", "a"}},
		{Args: []string{"paste", "-d", `\q\b\f\r\v`, "a", "a", "a"}},
		{Args: []string{"paste", "-d", `x\`, "a", "b"}},
		{Args: []string{"paste", "-d", `:\0`, "e", "a", "e", "b"}},
		{Args: []string{"paste", "-s", "a", "b", "e", "blank"}},
		{Args: []string{"paste", "-s", "-d", ",;", "a", "b", "blank"}},
		{Args: []string{"paste", "-s", "-d", `\0`, "a"}},
		{Args: []string{"paste", "--serial", "--delimiters=-", "a"}},
		{Args: []string{"paste", "-z", "a", "b"}},
		{Args: []string{"paste", "-z", "z", "z"}},
		{Args: []string{"paste", "-sz", "z"}},
		{Args: []string{"paste", "-", "-"}, Stdin: "1\n2\n3\n4\n5\n"},
		{Args: []string{"paste", "-", "a", "-"}, Stdin: "1\n2\n3\n4\n5\n"},
		{Args: []string{"paste", "-s", "-", "a", "-"}, Stdin: "1\n2\n"},
		{Args: []string{"paste"}, Stdin: "x\ny"},
		{Args: []string{"paste"}},
		{Args: []string{"paste", "e", "e"}},
		{Args: []string{"paste", "-s", "e"}},
		{Args: []string{"paste", "missing", "a"}},
		{Args: []string{"paste", "-s", "a", "missing", "b"}},
		{Args: []string{"paste", "d", "a"}},
		{Args: []string{"paste", "-s", "d", "a"}},
		{Args: []string{"paste", "-x"}},
		{Args: []string{"paste", "-d"}},
		{Args: []string{"paste", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

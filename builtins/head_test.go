package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// textTree is the fixture of the text filter tests.
func textTree() []bt.Entry {
	var b strings.Builder
	for i := 1; i <= 30; i++ {
		b.WriteString(strings.Repeat("x", i%7) + " line " + string(rune('a'+i%26)) + "\n")
	}
	return []bt.Entry{
		bt.File("a", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n"),
		bt.File("b", "no newline"),
		bt.File("c", "1\n2\n3"),
		bt.File("long", b.String()),
		bt.File("empty", ""),
		bt.File("nul", "a\x00b\x00c\nd\x00"),
		bt.File("a b", "spaced\n"),
		bt.Dir("d"),
	}
}

func TestHead(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"head", "a"}},
		{Args: []string{"head", "long"}},
		{Args: []string{"head", "-n", "3", "a"}},
		{Args: []string{"head", "-n3", "a", "b", "c"}},
		{Args: []string{"head", "-n", "-3", "a"}},
		{Args: []string{"head", "-n", "-0", "c"}},
		{Args: []string{"head", "-n", "-100", "a"}},
		{Args: []string{"head", "-n", "0", "a"}},
		{Args: []string{"head", "-c", "5", "a"}},
		{Args: []string{"head", "-c", "-5", "a"}},
		{Args: []string{"head", "-c", "-100", "a"}},
		{Args: []string{"head", "-c", "1k", "long"}},
		{Args: []string{"head", "-c", "1KB", "long"}},
		{Args: []string{"head", "--bytes=2", "b"}},
		{Args: []string{"head", "--lines=2", "c"}},
		{Args: []string{"head", "-5", "a"}},
		{Args: []string{"head", "-2c", "a"}},
		{Args: []string{"head", "-1v", "a"}},
		{Args: []string{"head", "-1q", "a", "c"}},
		{Args: []string{"head", "-1x", "a"}},
		{Args: []string{"head", "-1b", "long"}},
		{Args: []string{"head", "-q", "-n1", "a", "b"}},
		{Args: []string{"head", "-v", "-n1", "a"}},
		{Args: []string{"head", "-n1", "a", "-", "b"}, Stdin: "in1\nin2\n"},
		{Args: []string{"head", "-n", "2"}, Stdin: "x\ny\nz\n"},
		{Args: []string{"head", "-z", "-n", "2", "nul"}},
		{Args: []string{"head", "-z", "-n", "-1", "nul"}},
		{Args: []string{"head", "c", "missing", "b"}},
		{Args: []string{"head", "d"}},
		{Args: []string{"head", "-n1", "a", "d", "c"}},
		{Args: []string{"head", "empty"}},
		{Args: []string{"head", "-n", "x", "a"}},
		{Args: []string{"head", "-c", "1x", "a"}},
		{Args: []string{"head", "-n", "", "a"}},
		{Args: []string{"head", "-n", "99999999999999999999999", "a"}},
		{Args: []string{"head", "-n", "-99999999999999999999999", "a"}},
		{Args: []string{"head", "-n", "1R", "a"}},
		{Args: []string{"head", "-n", "+2", "a"}},
		{Args: []string{"head", "-2", "-n1", "a"}},
		{Args: []string{"head", "a b"}},
		{Args: []string{"head", "--bogus"}},
		{Args: []string{"head", "-n"}},
		{Args: []string{"head", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = textTree()
	}
	bt.RunAll(t, cases)
}

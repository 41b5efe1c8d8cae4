package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestCmp(t *testing.T) {
	var big1, big2 strings.Builder
	for i := 0; i < 2000; i++ {
		big1.WriteString(strings.Repeat("x", i%7) + "\n")
		if i == 1500 {
			big2.WriteString("y\n")
		} else {
			big2.WriteString(strings.Repeat("x", i%7) + "\n")
		}
	}
	tree := []bt.Entry{
		bt.File("a", "abc\n"),
		bt.File("b", "abd\nx\n"),
		bt.File("c", "abc\nmore\n"),
		bt.File("e", ""),
		bt.File("s", "ab"),
		bt.File("n1", "x\ny\nz"),
		bt.File("n2", "x\ny\nw"),
		bt.File("h", "\x80\x01\x7f\x00 ~"),
		bt.File("h2", "xyz\xff\xa0\x7e"),
		bt.File("big1", big1.String()),
		bt.File("big2", big2.String()),
		bt.File("acopy", "abc\n"),
		bt.Hardlink("alink", "a"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"cmp", "a", "b"}},
		{Args: []string{"cmp", "a", "acopy"}},
		{Args: []string{"cmp", "a", "alink"}},
		{Args: []string{"cmp", "a", "a"}},
		{Args: []string{"cmp", "a", "c"}},
		{Args: []string{"cmp", "c", "a"}},
		{Args: []string{"cmp", "a", "e"}},
		{Args: []string{"cmp", "e", "a"}},
		{Args: []string{"cmp", "e", "e"}},
		{Args: []string{"cmp", "s", "a"}},
		{Args: []string{"cmp", "n1", "n2"}},
		{Args: []string{"cmp", "big1", "big2"}},
		{Args: []string{"cmp", "-l", "a", "b"}},
		{Args: []string{"cmp", "-l", "a", "c"}},
		{Args: []string{"cmp", "-l", "s", "b"}},
		{Args: []string{"cmp", "-l", "e", "a"}},
		{Args: []string{"cmp", "-l", "big1", "big2"}},
		{Args: []string{"cmp", "-l", "-", "big2"}, Stdin: big1.String()},
		{Args: []string{"cmp", "-l", "-n", "3", "a", "b"}},
		{Args: []string{"cmp", "--verbose", "h", "h2"}},
		{Args: []string{"cmp", "-b", "a", "b"}},
		{Args: []string{"cmp", "-b", "h", "h2"}},
		{Args: []string{"cmp", "-lb", "h", "h2"}},
		{Args: []string{"cmp", "--print-bytes", "-l", "a", "b"}},
		{Args: []string{"cmp", "-s", "a", "b"}},
		{Args: []string{"cmp", "-s", "a", "c"}},
		{Args: []string{"cmp", "--quiet", "a", "acopy"}},
		{Args: []string{"cmp", "--silent", "a", "missing"}},
		{Args: []string{"cmp", "-n", "2", "a", "b"}},
		{Args: []string{"cmp", "--bytes=3", "a", "b"}},
		{Args: []string{"cmp", "-n", "0", "a", "b"}},
		{Args: []string{"cmp", "-n", "1K", "a", "c"}},
		{Args: []string{"cmp", "-n", "x", "a", "b"}},
		{Args: []string{"cmp", "-i", "1", "a", "b"}},
		{Args: []string{"cmp", "-i", "3", "a", "b"}},
		{Args: []string{"cmp", "-i", "1:2", "a", "b"}},
		{Args: []string{"cmp", "--ignore-initial=2:2", "n1", "n2"}},
		{Args: []string{"cmp", "-i", "1kB", "a", "b"}},
		{Args: []string{"cmp", "-i", "2K", "a", "b"}},
		{Args: []string{"cmp", "-i", "1KiB", "a", "b"}},
		{Args: []string{"cmp", "-i", "x", "a", "b"}},
		{Args: []string{"cmp", "-i", "1:x", "a", "b"}},
		{Args: []string{"cmp", "a", "b", "1", "1"}},
		{Args: []string{"cmp", "a", "b", "1"}},
		{Args: []string{"cmp", "a", "b", "1", "x"}},
		{Args: []string{"cmp", "a", "b", "c", "d", "e"}},
		{Args: []string{"cmp", "a", "b", "1", "2", "3"}},
		{Args: []string{"cmp", "-", "a"}, Stdin: "abd\n"},
		{Args: []string{"cmp", "a"}, Stdin: "abc\n"},
		{Args: []string{"cmp", "a"}},
		{Args: []string{"cmp"}},
		{Args: []string{"cmp", "a", "missing"}},
		{Args: []string{"cmp", "missing", "a"}},
		{Args: []string{"cmp", "a", "d"}},
		{Args: []string{"cmp", "d", "d"}},
		{Args: []string{"cmp", "-x", "a", "b"}},
		{Args: []string{"cmp", "--bogus", "a", "b"}},
		{Args: []string{"cmp", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

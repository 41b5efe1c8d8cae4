package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestStrings(t *testing.T) {
	tree := []bt.Entry{
		bt.File("s", "\x01\x02abc\x00abcd\x00\xffhello world\x00tab\there\nnl\ntail"),
		bt.File("w", "a\x00b\x00c\x00d\x00e\x00\x00\x00x\x00y\x00"),
		bt.File("wb", "\x00a\x00b\x00c\x00d\x00\x00"),
		bt.File("w4", "a\x00\x00\x00b\x00\x00\x00c\x00\x00\x00d\x00\x00\x00"),
		bt.File("hi", "abcd\x85\x86xyz\x00ab\ncd\nef  gh\r\n"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"strings", "s"}},
		{Args: []string{"strings", "-a", "s"}},
		{Args: []string{"strings", "-d", "s"}},
		{Args: []string{"strings", "-n", "3", "-t", "x", "s"}},
		{Args: []string{"strings", "-t", "d", "-n2", "s"}},
		{Args: []string{"strings", "-to", "s"}},
		{Args: []string{"strings", "-o", "s"}},
		{Args: []string{"strings", "--radix=x", "--bytes=5", "s"}},
		{Args: []string{"strings", "-3", "s"}},
		{Args: []string{"strings", "-12", "s"}},
		{Args: []string{"strings", "-f", "s", "hi"}},
		{Args: []string{"strings", "-e", "l", "w"}},
		{Args: []string{"strings", "-e", "b", "-n", "3", "wb"}},
		{Args: []string{"strings", "-e", "L", "w4"}},
		{Args: []string{"strings", "-e", "S", "hi"}},
		{Args: []string{"strings", "-e", "s", "hi"}},
		{Args: []string{"strings", "-w", "-n", "3", "hi"}},
		{Args: []string{"strings", "-s", "|", "s"}},
		{Args: []string{"strings", "-n", "1", "s"}},
		{Args: []string{"strings"}, Stdin: "abcdef\x00gh\x01ijklm"},
		{Args: []string{"strings", "-f"}, Stdin: "abcdef"},
		{Args: []string{"strings", "e"}},
		{Args: []string{"strings", "missing", "s"}},
		{Args: []string{"strings", "d"}},
		{Args: []string{"strings", "-n", "0", "s"}},
		{Args: []string{"strings", "-n", "x", "s"}},
		{Args: []string{"strings", "-t", "q", "s"}},
		{Args: []string{"strings", "-q", "s"}},
		{Args: []string{"strings", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

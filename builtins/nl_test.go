package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestNl(t *testing.T) {
	tree := []bt.Entry{
		bt.File("f", "a\n\nb\n\\:\\:\\:\nh\n\\:\\:\nb1\n\\:\nf\nc"),
		bt.File("g", "x\nab\naab\naaab\n\n\n\n\nz\n"),
		bt.File("d1", "ab\nx:x:x:\nxxx\nabcabcabc\n@@\n"),
		bt.File("empty", ""),
		bt.Dir("dir"),
	}
	cases := []bt.Case{
		{Args: []string{"nl", "f"}},
		{Args: []string{"nl", "g"}},
		{Args: []string{"nl", "f", "f"}},
		{Args: []string{"nl", "-p", "f", "f"}},
		{Args: []string{"nl", "-ba", "g"}},
		{Args: []string{"nl", "-bn", "g"}},
		{Args: []string{"nl", "-bt", "-w3", "-s|", "f"}},
		{Args: []string{"nl", "-ba", "-l3", "g"}},
		{Args: []string{"nl", "-ba", "-l2", "-i5", "-v10", "g"}},
		{Args: []string{"nl", `-bpa\+b`, "g"}},
		{Args: []string{"nl", "-bpa*", "g"}},
		{Args: []string{"nl", "-bp[[:alpha:]]\\{3\\}", "g"}},
		{Args: []string{"nl", "-bp^x\\|z$", "g"}},
		{Args: []string{"nl", `-bp\(a`, "g"}},
		{Args: []string{"nl", "-nln", "g"}},
		{Args: []string{"nl", "-nrz", "-w3", "g"}},
		{Args: []string{"nl", "-nrz", "-v-3", "g"}},
		{Args: []string{"nl", "-nrn", "-i", "-1", "g"}},
		{Args: []string{"nl", "-ha", "-fa", "-bt", "f"}},
		{Args: []string{"nl", "-hpb", "-ft", "f"}},
		{Args: []string{"nl", "-s", "", "g"}},
		{Args: []string{"nl", "-s", "::", "-w1", "f"}},
		{Args: []string{"nl", "-dx", "d1"}},
		{Args: []string{"nl", "-dab", "d1"}},
		{Args: []string{"nl", "-dabc", "d1"}},
		{Args: []string{"nl", "-d@", "-ha", "d1"}},
		{Args: []string{"nl", "-d", "", "f"}},
		{Args: []string{"nl"}, Stdin: "one\ntwo\n\nthree"},
		{Args: []string{"nl", "-", "g", "-"}, Stdin: "in\n"},
		{Args: []string{"nl", "empty"}},
		{Args: []string{"nl", "missing", "g"}},
		{Args: []string{"nl", "dir"}},
		{Args: []string{"nl", "-w0", "g"}},
		{Args: []string{"nl", "-w", "x", "g"}},
		{Args: []string{"nl", "-w", "2147483648", "g"}},
		{Args: []string{"nl", "-l0", "g"}},
		{Args: []string{"nl", "-i", "x", "g"}},
		{Args: []string{"nl", "-v", "x", "g"}},
		{Args: []string{"nl", "-n", "r", "g"}},
		{Args: []string{"nl", "-b", "q", "g"}},
		{Args: []string{"nl", "-v", "9223372036854775807", "-ba", "g"}},
		{Args: []string{"nl", "-x"}},
		{Args: []string{"nl", "--number-format=ln", "--body-numbering=a", "--number-width=2", "--number-separator=:",
			"--starting-line-number=5", "--line-increment=3", "--join-blank-lines=2", "--no-renumber",
			"--section-delimiter=@", "--header-numbering=a", "--footer-numbering=a", "g", "d1"}},
		{Args: []string{"nl", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

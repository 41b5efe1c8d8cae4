package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestWc(t *testing.T) {
	tree := append(textTree(),
		bt.File("ctl", "a\tb\x01\x7fxyz\rq\fz\vw\n\x01\n\x80 \x7f\na\x00b c\n"),
		bt.File("list", "a\x00b\x00c\x00"),
		bt.File("badlist", "a\x00\x00missing\x00"),
		bt.File("big", string(make([]byte, 123456))),
	)
	cases := []bt.Case{
		{Args: []string{"wc", "a"}},
		{Args: []string{"wc", "a", "b", "c"}},
		{Args: []string{"wc", "-l", "a"}},
		{Args: []string{"wc", "-l", "a", "b"}},
		{Args: []string{"wc", "-w", "long"}},
		{Args: []string{"wc", "-c", "b"}},
		{Args: []string{"wc", "-m", "ctl"}},
		{Args: []string{"wc", "-L", "long", "ctl"}},
		{Args: []string{"wc", "-wL", "ctl"}},
		{Args: []string{"wc", "-clmwL", "a", "ctl"}},
		{Args: []string{"wc", "--lines", "--words", "--chars", "--bytes", "--max-line-length", "c"}},
		{Args: []string{"wc"}, Stdin: "hello world\nx\n"},
		{Args: []string{"wc", "-l"}, Stdin: "hello world\nx\n"},
		{Args: []string{"wc", "-lc"}, Stdin: "hello"},
		{Args: []string{"wc", "-"}, Stdin: "hello\n"},
		{Args: []string{"wc", "a", "-"}, Stdin: "hello\n"},
		{Args: []string{"wc", "empty"}},
		{Args: []string{"wc", "big", "a"}},
		{Args: []string{"wc", "-c", "big", "a"}},
		{Args: []string{"wc", "missing"}},
		{Args: []string{"wc", "missing", "a"}},
		{Args: []string{"wc", "-c", "missing"}},
		{Args: []string{"wc", "d"}},
		{Args: []string{"wc", "d", "a"}},
		{Args: []string{"wc", "a b", "nul"}},
		{Args: []string{"wc", "--files0-from=list"}},
		{Args: []string{"wc", "-l", "--files0-from=list"}},
		{Args: []string{"wc", "--files0-from=-"}, Stdin: "a\x00c\x00"},
		{Args: []string{"wc", "--files0-from=-"}, Stdin: "a\x00-\x00"},
		{Args: []string{"wc", "--files0-from=badlist"}},
		{Args: []string{"wc", "--files0-from=nolist"}},
		{Args: []string{"wc", "--files0-from=list", "a"}},
		{Args: []string{"wc", "--total=always", "a"}},
		{Args: []string{"wc", "-x"}},
		{Args: []string{"wc", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

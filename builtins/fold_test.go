package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestFold(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "hello world foo bar baz qux\nshort\n\nthe quick brown fox jumps over the lazy dog"),
		bt.File("tabs", "a\tb\tc\td\te\tf\tg\n\t\t\t\tx y z\n"),
		bt.File("ctl", "abc\bdef\rghijkl\bmnopq\n"),
		bt.File("long", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"),
		bt.File("sp", "word1   word2        word3 \t word4\n    lead spaces here\n"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"fold", "a"}},
		{Args: []string{"fold", "long"}},
		{Args: []string{"fold", "-w", "5", "a"}},
		{Args: []string{"fold", "-w5", "-s", "a"}},
		{Args: []string{"fold", "-s", "-w", "10", "a", "sp"}},
		{Args: []string{"fold", "-w", "1", "a"}},
		{Args: []string{"fold", "-w", "1", "-s", "sp"}},
		{Args: []string{"fold", "-w", "10", "tabs"}},
		{Args: []string{"fold", "-b", "-w", "10", "tabs"}},
		{Args: []string{"fold", "-s", "-w", "12", "tabs"}},
		{Args: []string{"fold", "-bs", "-w", "7", "tabs"}},
		{Args: []string{"fold", "-w", "4", "ctl"}},
		{Args: []string{"fold", "-b", "-w", "4", "ctl"}},
		{Args: []string{"fold", "-5", "a"}},
		{Args: []string{"fold", "-3", "-w", "4", "a"}},
		{Args: []string{"fold", "--width=7", "--spaces", "--bytes", "a"}},
		{Args: []string{"fold", "-w", "3"}, Stdin: "abcdefg\nhi"},
		{Args: []string{"fold", "-w", "3", "-", "a"}, Stdin: "abcdefg"},
		{Args: []string{"fold", "e"}},
		{Args: []string{"fold", "missing", "a"}},
		{Args: []string{"fold", "d"}},
		{Args: []string{"fold", "-w", "x", "a"}},
		{Args: []string{"fold", "-w", "0", "a"}},
		{Args: []string{"fold", "-w", "-1", "a"}},
		{Args: []string{"fold", "-w", "99999999999999999999999", "a"}},
		{Args: []string{"fold", "-q"}},
		{Args: []string{"fold", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

func TestExpand(t *testing.T) {
	tree := []bt.Entry{
		bt.File("tabs", "a\tb\tc\n\tx\ty\n12345678\tz\n \t \tq\n"),
		bt.File("bs", "ab\b\tc\n\b\b\tx\n"),
		bt.File("part", "no newline\t"),
		bt.File("rest", "\tcontinued\n"),
		bt.File("sp", "        eight\n    four  two\n         nine\t \t end\n"),
		bt.File("mixed", "  \t  x  \t  y\n\t \t\n"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"expand", "tabs"}},
		{Args: []string{"expand", "-t", "4", "tabs"}},
		{Args: []string{"expand", "-t", "1", "tabs"}},
		{Args: []string{"expand", "-t", "3,7,12", "tabs"}},
		{Args: []string{"expand", "-t", "3 7", "tabs"}},
		{Args: []string{"expand", "-t", "2,/5", "tabs"}},
		{Args: []string{"expand", "-t", "2,+5", "tabs"}},
		{Args: []string{"expand", "-t", " /3", "tabs"}},
		{Args: []string{"expand", "-t", "+3", "tabs"}},
		{Args: []string{"expand", "-i", "tabs"}},
		{Args: []string{"expand", "--initial", "-t2", "mixed"}},
		{Args: []string{"expand", "bs"}},
		{Args: []string{"expand", "part", "rest"}},
		{Args: []string{"expand", "-4", "tabs"}},
		{Args: []string{"expand", "-3,6", "tabs"}},
		{Args: []string{"expand", "--tabs=5", "-"}, Stdin: "\ta\tb"},
		{Args: []string{"expand", "e", "missing", "tabs"}},
		{Args: []string{"expand", "d"}},
		{Args: []string{"expand", "-t", "0", "tabs"}},
		{Args: []string{"expand", "-t", "3,2", "tabs"}},
		{Args: []string{"expand", "-t", "x", "tabs"}},
		{Args: []string{"expand", "-t", "1,/2,/3", "tabs"}},
		{Args: []string{"expand", "-t", "4/2", "tabs"}},
		{Args: []string{"expand", "-t", " /2", "-t", "+3", "tabs"}},
		{Args: []string{"expand", "-t", "99999999999999999999", "tabs"}},
		{Args: []string{"expand", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

func TestUnexpand(t *testing.T) {
	tree := []bt.Entry{
		bt.File("sp", "        eight\n    four  two\n         nine\t \t end\n                 x       y       z\n"),
		bt.File("mixed", "  \t  x  \t  y\n\t \t\n"),
		bt.File("cols", "a       b       c\nab      cd      ef  g\n"),
		bt.File("bs", "ab\b      c\n"),
		bt.File("part", "    "),
		bt.File("rest", "    x\n"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"unexpand", "sp"}},
		{Args: []string{"unexpand", "-a", "sp"}},
		{Args: []string{"unexpand", "-a", "cols"}},
		{Args: []string{"unexpand", "cols"}},
		{Args: []string{"unexpand", "-t", "4", "sp"}},
		{Args: []string{"unexpand", "-t", "4", "--first-only", "sp"}},
		{Args: []string{"unexpand", "-a", "--first-only", "cols"}},
		{Args: []string{"unexpand", "-t", "2,6,10", "sp"}},
		{Args: []string{"unexpand", "-t", "2,/4", "sp"}},
		{Args: []string{"unexpand", "-t", "2,+4", "sp"}},
		{Args: []string{"unexpand", "-a", "mixed"}},
		{Args: []string{"unexpand", "mixed"}},
		{Args: []string{"unexpand", "-a", "bs"}},
		{Args: []string{"unexpand", "part", "rest"}},
		{Args: []string{"unexpand", "-4", "sp"}},
		{Args: []string{"unexpand", "--all", "--tabs=3"}, Stdin: "   a   b  c"},
		{Args: []string{"unexpand", "e", "missing", "sp"}},
		{Args: []string{"unexpand", "d"}},
		{Args: []string{"unexpand", "-t", "0", "sp"}},
		{Args: []string{"unexpand", "-t", "x", "sp"}},
		{Args: []string{"unexpand", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"sort"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestRm(t *testing.T) {
	tree := []bt.Entry{
		bt.File("f", "file\n"),
		bt.File("g", "gee\n"),
		bt.File("empty", ""),
		bt.File("ro", "read only").WithMode(0o444),
		bt.Dir("d"),
		bt.File("d/a", "a"),
		bt.Dir("d/s"),
		bt.File("d/s/b", "b"),
		bt.Dir("e"),
		bt.Dir("one"),
		bt.File("one/only", "x"),
		bt.Symlink("l", "d"),
		bt.Symlink("lf", "f"),
		bt.Symlink("dangling", "nowhere"),
		bt.File("a b", "spaced"),
		bt.File("two/sub/x", ""),
		bt.Dir("three/e"),
	}
	cases := []bt.Case{
		{Args: []string{"rm", "f"}},
		{Args: []string{"rm", "f", "g", "empty", "ro"}},
		{Args: []string{"rm", "-v", "f", "a b"}},
		{Args: []string{"rm", "missing"}},
		{Args: []string{"rm", "f", "missing", "g"}},
		{Args: []string{"rm", "-f", "missing"}},
		{Args: []string{"rm", "-rf", "missing", "f"}},
		{Args: []string{"rm", "d"}},
		{Args: []string{"rm", "-d", "d"}},
		{Args: []string{"rm", "-d", "e"}},
		{Args: []string{"rm", "-dv", "e", "f"}},
		{Args: []string{"rm", "-r", "d"}},
		{Args: []string{"rm", "-R", "d", "e"}},
		{Args: []string{"rm", "--recursive", "--verbose", "d"}, SortStdout: true},
		{Args: []string{"rm", "-rv", "d/"}, SortStdout: true},
		{Args: []string{"rm", "-rv", "one/"}},
		{Args: []string{"rm", "l"}},
		{Args: []string{"rm", "-r", "l"}},
		{Args: []string{"rm", "lf", "dangling"}},
		{Args: []string{"rm", "f/"}},
		{Args: []string{"rm", "-r", "l/"}},
		{Args: []string{"rm", "."}},
		{Args: []string{"rm", "-d", "."}},
		{Args: []string{"rm", "-d", ".."}},
		{Args: []string{"rm", "-r", "."}},
		{Args: []string{"rm", "-rf", ".."}},
		{Args: []string{"rm", "-r", "d/."}},
		{Args: []string{"rm", "-r", "d/.."}},
		{Args: []string{"rm", "-rf", "./"}},
		{Args: []string{"rm", "-r", "d/./"}},
		{Args: []string{"rm"}},
		{Args: []string{"rm", "-f"}},
		{Args: []string{"rm", "-i", "f", "empty", "lf"}, Stdin: "y\nn\ny\n"},
		{Args: []string{"rm", "-i", "f"}},
		{Args: []string{"rm", "-i", "missing"}},
		{Args: []string{"rm", "-ri", "e"}, Stdin: "y\n"},
		{Args: []string{"rm", "-ri", "one"}, Stdin: "y\ny\ny\n"},
		{Args: []string{"rm", "-ri", "one"}, Stdin: "y\nn\n"},
		{Args: []string{"rm", "-ri", "one"}, Stdin: "y\ny\nno\n"},
		{Args: []string{"rm", "-ri", "d"}, Stdin: "n\n"},
		{Args: []string{"rm", "-ir", "d"}, Stdin: "y\ny\ny\ny\ny\ny\n", NormalizeStderr: promptLines},
		{Args: []string{"rm", "-ri", "two"}, Stdin: "y\nn\ny\n"},
		{Args: []string{"rm", "-ri", "two"}, Stdin: "y\ny\nn\ny\n"},
		{Args: []string{"rm", "-ri", "two"}, Stdin: "y\ny\ny\nn\ny\n"},
		{Args: []string{"rm", "-ri", "three"}, Stdin: "y\nn\ny\n"},
		{Args: []string{"rm", "-fi", "missing"}},
		{Args: []string{"rm", "-if", "f"}},
		{Args: []string{"rm", "-I", "f", "g", "empty", "ro"}, Stdin: "n\n"},
		{Args: []string{"rm", "-I", "f", "g", "empty", "ro"}, Stdin: "yes\n"},
		{Args: []string{"rm", "-I", "f", "g"}},
		{Args: []string{"rm", "-I", "-r", "d"}, Stdin: "n\n"},
		{Args: []string{"rm", "-rI", "d", "e"}, Stdin: "y\n"},
		{Args: []string{"rm", "--interactive=never", "f"}},
		{Args: []string{"rm", "--interactive=once", "-r", "e"}, Stdin: "Y\n"},
		{Args: []string{"rm", "--interactive", "f"}, Stdin: "n\n"},
		{Args: []string{"rm", "--interactive=sometimes", "f"}},
		{Args: []string{"rm", "-z", "f"}},
		{Args: []string{"rm", "--bogus", "f"}},
		{Args: []string{"rm", "--help"}, HelpOnly: true},
		{Args: []string{"rm", "--", "f"}},
		{Args: []string{"rm", "f", "-v"}},
		{Args: []string{"rm", ""}},
		{Args: []string{"rm", "-f", ""}},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// promptLines puts each prompt of rm -i on a line of its own and sorts
// them: GNU walks directories in their on-disk order, sandsh in name
// order.
func promptLines(s string) string {
	lines := strings.SplitAfter(strings.ReplaceAll(s, "? ", "?\n"), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "")
}

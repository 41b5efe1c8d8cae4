package builtins_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// lineCount replaces output by its number of lines, for random subsets.
func lineCount(s string) string { return strconv.Itoa(strings.Count(s, "\n")) }

// uniqueSubset checks lines are distinct members of want, then counts.
func subsetOf(want ...string) func(string) string {
	return func(s string) string {
		seen := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			ok := false
			for _, w := range want {
				ok = ok || l == w
			}
			if !ok || seen[l] {
				return "bad line " + l
			}
			seen[l] = true
		}
		return lineCount(s)
	}
}

func TestShuf(t *testing.T) {
	tree := []bt.Entry{
		bt.File("f", "a\nb\nc\nd\ne\n"),
		bt.File("nonl", "x\ny"),
		bt.File("empty", ""),
		bt.File("z", "p\x00q\x00r\x00"),
		bt.File("seed", "0123456789abcdef"),
		bt.Dir("dir"),
	}
	sorted := func(args ...string) bt.Case {
		return bt.Case{Args: append([]string{"shuf"}, args...), SortStdout: true}
	}
	counted := func(norm func(string) string, args ...string) bt.Case {
		return bt.Case{Args: append([]string{"shuf"}, args...), Normalize: norm}
	}
	sortNul := func(s string) string {
		parts := strings.Split(s, "\x00")
		for i := range parts {
			parts[i] += "|"
		}
		sort.Strings(parts)
		return strings.Join(parts, "")
	}
	cases := []bt.Case{
		sorted("f"),
		sorted("nonl"),
		sorted("empty"),
		sorted(),
		{Args: []string{"shuf"}, Stdin: "1\n2\n3\n", SortStdout: true},
		{Args: []string{"shuf", "-"}, Stdin: "1\n2\n", SortStdout: true},
		sorted("-e", "a", "b", "c"),
		sorted("-e"),
		sorted("--echo", "x y", "z"),
		sorted("-i", "1-10"),
		sorted("-i", "3-3"),
		sorted("-i", "2-1"),
		sorted("-i", "0-0", "-n", "5"),
		sorted("--input-range=98-102"),
		sorted("-n", "10", "f"),
		sorted("-n", "0", "f"),
		sorted("-i", "1-5", "-n", "0"),
		counted(subsetOf("a", "b", "c", "d", "e"), "-n", "2", "f"),
		counted(subsetOf("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), "-n", "3", "-i", "1-10"),
		counted(subsetOf("x", "y"), "--head-count=1", "-e", "x", "y"),
		counted(subsetOf("1", "2", "3"), "-n", "5", "-n", "2", "-i", "1-3"),
		counted(lineCount, "-r", "-n", "7", "-e", "a", "b"),
		counted(lineCount, "-rn3", "-e", "a"),
		counted(lineCount, "-r", "-n", "4", "-i", "5-6"),
		counted(lineCount, "-r", "-n", "3", "f"),
		counted(lineCount, "-i", "1-2000000", "-n", "3"),
		{Args: []string{"shuf", "-z", "z"}, Normalize: sortNul},
		{Args: []string{"shuf", "-z", "-e", "a", "b"}, Normalize: sortNul},
		sorted("-o", "out", "-e", "a"),
		sorted("-i", "7-7", "-o", "f", "f"),
		sorted("-o", "f", "-n", "1", "-r", "-e", "k"),
		sorted("-o", "dir", "-e", "a"),
		sorted("--random-source=seed", "f"),
		sorted("--random-source=nofile", "-e", "a"),
		sorted("-r"),
		sorted("-r", "empty"),
		sorted("-r", "-n", "0", "empty"),
		sorted("-i", "1-x"),
		sorted("-i", "5-1"),
		sorted("-i", "-1-3"),
		sorted("-i", "5"),
		sorted("-i", "1-2", "-i", "1-2"),
		sorted("-n", "x"),
		sorted("-n", "-1", "-e", "a"),
		sorted("-e", "-i", "1-2"),
		sorted("a", "b"),
		sorted("-i", "1-3", "a"),
		sorted("nofile"),
		sorted("dir"),
		sorted("--bogus"),
		{Args: []string{"shuf", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

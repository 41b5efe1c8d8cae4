package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTree(t *testing.T) {
	tree := []bt.Entry{
		bt.File("B", "x"),
		bt.File(".h", "x"),
		bt.Dir(".hd"),
		bt.File("d/a", "hello").WithMode(0o755),
		bt.File("d/.h2", "x"),
		bt.File("d/c.txt", "c"),
		bt.Dir("d/sub/deep"),
		bt.File("d/sub/f", "f"),
		bt.Symlink("d/sub/up", ".."),
		bt.Dir("e"),
		bt.Symlink("l", "d/a"),
		bt.Symlink("dl", "nowhere"),
		bt.Symlink("ld", "d"),
		bt.File("z z", ""),
		bt.File("q/t\tx", ""),
		bt.File("q/back\\slash", ""),
		bt.File("q/h\xe9x", ""),
		bt.File("q/caf\u00e9", ""),
	}
	utf := []string{"LC_ALL=C.UTF-8"}
	cases := []bt.Case{
		{Args: []string{"tree"}},
		{Args: []string{"tree", "."}, Env: utf},
		{Args: []string{"tree", "-a"}},
		{Name: "tree -a utf8", Args: []string{"tree", "-a"}, Env: utf},
		{Args: []string{"tree", "-d"}},
		{Args: []string{"tree", "-d", "d"}, Env: utf},
		{Args: []string{"tree", "-L", "1"}},
		{Args: []string{"tree", "-L", "2", "d"}, Env: utf},
		{Args: []string{"tree", "-L", "0"}},
		{Args: []string{"tree", "-L", "x"}},
		{Args: []string{"tree", "-L"}},
		{Args: []string{"tree", "-f"}},
		{Args: []string{"tree", "-f", "d"}},
		{Args: []string{"tree", "-i"}},
		{Args: []string{"tree", "-fi", "d"}},
		{Args: []string{"tree", "-F"}},
		{Args: []string{"tree", "-F", "d"}, Env: utf},
		{Args: []string{"tree", "--dirsfirst"}},
		{Args: []string{"tree", "--dirsfirst", "-a", "d"}, Env: utf},
		{Args: []string{"tree", "--filesfirst", "d"}},
		{Args: []string{"tree", "-I", "d|e"}},
		{Args: []string{"tree", "-I", "*e*"}},
		{Args: []string{"tree", "-a", "-I", "su*", "d"}},
		{Args: []string{"tree", "-P", "*a*"}},
		{Args: []string{"tree", "-P", "a|B"}},
		{Args: []string{"tree", "-P", "[ab]"}},
		{Args: []string{"tree", "-P", "*.txt", "-I", "sub"}},
		{Args: []string{"tree", "--noreport", "d"}},
		{Args: []string{"tree", "-n", "d"}},
		{Args: []string{"tree", "-l", "d"}},
		{Args: []string{"tree", "-l", "-L", "2"}},
		{Args: []string{"tree", "ld"}},
		{Args: []string{"tree", "e"}},
		{Args: []string{"tree", "d", "e"}},
		{Args: []string{"tree", "missing"}},
		{Args: []string{"tree", "missing", "e"}},
		{Args: []string{"tree", "B", "e"}},
		{Args: []string{"tree", "-d", "B"}},
		{Args: []string{"tree", "--charset=ascii", "d"}, Env: utf},
		{Args: []string{"tree", "--charset", "utf-8", "e", "d/sub"}},
		{Args: []string{"tree", "--bogus"}},
		{Args: []string{"tree", "-Z"}},
		{Args: []string{"tree", "--", "d"}},
		{Args: []string{"tree", "q"}},
		{Name: "tree q utf8", Args: []string{"tree", "q"}, Env: utf},
		{Args: []string{"tree", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTac(t *testing.T) {
	tree := append(textTree(),
		bt.File("sep", "a:b:c:"),
		bt.File("re", "a1b22c333d"),
		bt.File("aaa", "aaaaa"),
	)
	cases := []bt.Case{
		{Args: []string{"tac", "a"}},
		{Args: []string{"tac", "c"}},
		{Args: []string{"tac", "b"}},
		{Args: []string{"tac", "a", "c", "b"}},
		{Args: []string{"tac", "empty"}},
		{Args: []string{"tac", "-b", "a"}},
		{Args: []string{"tac", "-b", "c"}},
		{Args: []string{"tac", "-s", ":", "sep"}},
		{Args: []string{"tac", "-b", "-s", ":", "sep"}},
		{Args: []string{"tac", "--separator=:", "--before", "c"}},
		{Args: []string{"tac", "-s", "aa", "aaa"}},
		{Args: []string{"tac", "-s", "", "a"}},
		{Args: []string{"tac", "-s", "ne", "a"}},
		{Args: []string{"tac", "-r", "-s", "[0-9]", "re"}},
		{Args: []string{"tac", "-r", "-s", "[0-9]\\+", "re"}},
		{Args: []string{"tac", "-r", "-s", "[0-9]+", "re"}},
		{Args: []string{"tac", "-rb", "-s", "[0-9][0-9]*", "re"}},
		{Args: []string{"tac", "-r", "-s", ".", "sep"}},
		{Args: []string{"tac", "-r", "-s", "x*", "c"}},
		{Args: []string{"tac", "--regex", "-s", "b\\|:", "sep"}},
		{Args: []string{"tac", "-r", "-s", "(1|b){2}", "re"}},
		{Args: []string{"tac", "-r", "-s", "\\(b\\|c\\)3*", "re"}},
		{Args: []string{"tac", "-r", "-s", "[[:digit:]]", "re"}},
		{Args: []string{"tac", "-r", "-s", "^", "a"}},
		{Args: []string{"tac", "-r", "-s", "\\(", "a"}},
		{Args: []string{"tac", "-z", "a"}},
		{Args: []string{"tac", "nul"}},
		{Args: []string{"tac", "missing", "c"}},
		{Args: []string{"tac", "d"}},
		{Args: []string{"tac", "--bogus"}},
		{Args: []string{"tac", "-s"}},
		{Args: []string{"tac", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

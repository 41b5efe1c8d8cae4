package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestEcho(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"echo"}},
		{Args: []string{"echo", "hello", "world"}},
		{Args: []string{"echo", "-n", "no newline"}},
		{Args: []string{"echo", "-e", `a\tb\nc`}},
		{Args: []string{"echo", "-E", `a\tb`}},
		{Args: []string{"echo", "-eE", `a\tb`}},
		{Args: []string{"echo", "-Ee", `a\tb`}},
		{Args: []string{"echo", "-ne", `x\c ignored`, "more"}},
		{Args: []string{"echo", "-e", `\0101\101\x41\x4g\xZ\q\\\e\a\b\f\r\v`}},
		{Args: []string{"echo", "-e", `\0`, `\08`, `\0777`, `\400`}},
		{Args: []string{"echo", "-e", `trailing\`}},
		{Args: []string{"echo", "-z", "x"}},
		{Args: []string{"echo", "-nx", "a"}},
		{Args: []string{"echo", "-", "--", "-n"}},
		{Args: []string{"echo", "a", "-n"}},
		{Args: []string{"echo", "--help"}, HelpOnly: true},
		{Args: []string{"echo", "--help", "x"}},
		{Args: []string{"echo", "--version", "x"}},
		{Args: []string{"echo", "-n", "-e", "-E", `\t`}},
		{Args: []string{"echo", "", "", "x"}},
		{Args: []string{"/bin/echo", "-e", `\x7\x07\x0a`}},
	}
	bt.RunAll(t, cases)
}

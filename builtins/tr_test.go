package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTr(t *testing.T) {
	const text = "Hello, World!\tTabs and  spaces...\n123 abc XYZ\x01\x7f\xff\n\n\naab bbc\n"
	cases := []bt.Case{
		{Args: []string{"tr", "a-z", "A-Z"}},
		{Args: []string{"tr", "[:lower:]", "[:upper:]"}},
		{Args: []string{"tr", "[:upper:]", "[:lower:]"}},
		{Args: []string{"tr", "[:upper:][:lower:]", "[:lower:][:upper:]"}},
		{Args: []string{"tr", "abc", "x"}},
		{Args: []string{"tr", "-t", "abc", "x"}},
		{Args: []string{"tr", "abc", "xyz123"}},
		{Args: []string{"tr", "a-c", "[x*]"}},
		{Args: []string{"tr", "a-f", "[x*2]y"}},
		{Args: []string{"tr", "a-f", "x[y*]z"}},
		{Args: []string{"tr", "a-z", "[x*010]-"}},
		{Args: []string{"tr", "-d", "a-z"}},
		{Args: []string{"tr", "-d", "[:digit:][:punct:]"}},
		{Args: []string{"tr", "-d", "[:space:]"}},
		{Args: []string{"tr", "-d", "[:blank:]"}},
		{Args: []string{"tr", "-d", "[:cntrl:]"}},
		{Args: []string{"tr", "-d", "[:graph:]"}},
		{Args: []string{"tr", "-d", "[:print:]"}},
		{Args: []string{"tr", "-d", "[:alnum:]"}},
		{Args: []string{"tr", "-d", "[:alpha:]"}},
		{Args: []string{"tr", "-d", "[:xdigit:]"}},
		{Args: []string{"tr", "-d", "[=a=]"}},
		{Args: []string{"tr", "-dc", "a-z\\n"}},
		{Args: []string{"tr", "-cd", "[:alpha:]"}},
		{Args: []string{"tr", "-Cd", "0-9"}},
		{Args: []string{"tr", "-s", "a-z"}},
		{Args: []string{"tr", "-s", "\\n"}},
		{Args: []string{"tr", "-s", " "}},
		{Args: []string{"tr", "-cs", "[:alpha:]", "\\n"}},
		{Args: []string{"tr", "-cs", "a-zA-Z", "[\\n*]"}},
		{Args: []string{"tr", "-s", "a-z", "A-Z"}},
		{Args: []string{"tr", "-ds", "a-z", "\\n"}},
		{Args: []string{"tr", "-c", "a-z", "_"}},
		{Args: []string{"tr", "-c", "[:alpha:]", "_"}},
		{Args: []string{"tr", "\\t\\n", "TN"}},
		{Args: []string{"tr", "\\101\\102", "\\141-"}},
		{Args: []string{"tr", "\\\\", "|"}},
		{Args: []string{"tr", "\\400", "x"}},
		{Args: []string{"tr", "a\\", "x"}},
		{Args: []string{"tr", "a-", "x_"}},
		{Args: []string{"tr", "\\-a", "_x"}},
		{Args: []string{"tr", "[a", "x"}},
		{Args: []string{"tr", "[:", "xy"}},
		{Args: []string{"tr", "a", "-d"}},
		{Args: []string{"tr", "[:upper:]", "[:upper:]"}},
		{Args: []string{"tr", "a-z", ""}, Stdin: "abc"},
		{Args: []string{"tr", "-t", "a-z", ""}, Stdin: "abc"},
		{Args: []string{"tr", "a", "b"}, Stdin: ""},
		{Args: []string{"tr"}},
		{Args: []string{"tr", "a"}},
		{Args: []string{"tr", "-d"}},
		{Args: []string{"tr", "-d", "a", "b"}},
		{Args: []string{"tr", "-s"}},
		{Args: []string{"tr", "a", "b", "c"}},
		{Args: []string{"tr", "-ds", "a"}},
		{Args: []string{"tr", "z-a", "x"}},
		{Args: []string{"tr", "[:foo:]", "x"}},
		{Args: []string{"tr", "a", "[:alpha:]"}},
		{Args: []string{"tr", "[a*]", "x"}},
		{Args: []string{"tr", "a", ""}},
		{Args: []string{"tr", "-c", "a", "[:upper:]"}},
		{Args: []string{"tr", "[:upper:]", "[:lower:][:digit:]"}},
		{Args: []string{"tr", "[::]", "x"}},
		{Args: []string{"tr", "[==]", "x"}},
		{Args: []string{"tr", "a", "[b*][c*]"}},
		{Args: []string{"tr", "a", "[b*x]"}},
		{Args: []string{"tr", "a", "[b*09]"}},
		{Args: []string{"tr", "[=ab=]", "x"}},
		{Args: []string{"tr", "a", "[=a=]"}},
		{Args: []string{"tr", "-c", "[:alpha:]", "[a*]"}},
		{Args: []string{"tr", "-c", "[:alpha:]", "ab"}},
		{Args: []string{"tr", "-d", "a", "[b*]"}},
		{Args: []string{"tr", "a-z", "[:upper:]"}},
		{Args: []string{"tr", "[:lower:]a", "[:upper:]"}},
		{Args: []string{"tr", "a[:lower:]", "b[:upper:]"}},
		{Args: []string{"tr", "a[:lower:]", "[:upper:]b"}},
		{Args: []string{"tr", "--bogus"}},
		{Args: []string{"tr", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		if cases[i].Stdin == "" && len(cases[i].Args) > 1 && cases[i].Args[len(cases[i].Args)-1] != "b" {
			cases[i].Stdin = text
		}
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestXargs(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "alpha\n"),
		bt.File("b", "beta\n"),
		bt.File("list", "a\nb\n"),
		bt.File("sp ace", "space\n"),
	}
	cases := []bt.Case{
		{Args: []string{"xargs"}, Stdin: "a b\nc \"d e\" 'f g' h\\ i\n"},
		{Args: []string{"xargs"}, Stdin: ""},
		{Args: []string{"xargs", "echo", "hi"}, Stdin: ""},
		{Args: []string{"xargs", "-r", "echo", "hi"}, Stdin: ""},
		{Args: []string{"xargs", "--no-run-if-empty", "echo", "hi"}, Stdin: "\n\n"},
		{Args: []string{"xargs", "echo", "x"}, Stdin: "1 2 3\n4\n"},
		{Args: []string{"xargs", "cat"}, Stdin: "a b\n"},
		{Args: []string{"xargs", "-n", "2", "echo"}, Stdin: "1 2 3 4 5"},
		{Args: []string{"xargs", "-n1"}, Stdin: "a\\ b c\n"},
		{Args: []string{"xargs", "--max-args=3"}, Stdin: "1 2 3 4 5 6 7\n"},
		{Args: []string{"xargs", "-L", "1", "echo"}, Stdin: "a b \nc\nd e\nf\n"},
		{Args: []string{"xargs", "-L", "2", "echo", "L:"}, Stdin: "1\n2 3\n\n4\n5\n"},
		{Args: []string{"xargs", "-l", "echo"}, Stdin: "a b c\nd e\n"},
		{Args: []string{"xargs", "-I", "{}", "echo", "[{}]"}, Stdin: "  a  b \n c\n\nd\n"},
		{Args: []string{"xargs", "-I{}", "echo", "{}", "{}x"}, Stdin: "abc\n"},
		{Args: []string{"xargs", "-i", "echo", "x{}y"}, Stdin: "a\nb\n"},
		{Args: []string{"xargs", "-iX", "echo", "X-X"}, Stdin: "a\n"},
		{Args: []string{"xargs", "--replace=@", "echo", "@"}, Stdin: "q 'r s'\n"},
		{Args: []string{"xargs", "-I", "{}", "echo", "{}"}, Stdin: ""},
		{Args: []string{"xargs", "-n1", "-I", "X", "echo", "X"}, Stdin: "a b\n"},
		{Args: []string{"xargs", "-I", "F", "cat", "F"}, Stdin: "a\nsp ace\n"},
		{Args: []string{"xargs", "-0"}, Stdin: "a b\x00c\nd\x00"},
		{Args: []string{"xargs", "-0", "-n1", "echo"}, Stdin: "a\x00b c\x00"},
		{Args: []string{"xargs", "--null"}, Stdin: "it's\x00\"q\""},
		{Args: []string{"xargs", "-d", ":", "-n", "2"}, Stdin: "a:b:c"},
		{Args: []string{"xargs", "-d", "\\t", "-n1"}, Stdin: "a\tb c"},
		{Args: []string{"xargs", "-d", "\\n"}, Stdin: "a b\n'c\n"},
		{Args: []string{"xargs", "-d", "\\x41"}, Stdin: "xAyAz"},
		{Args: []string{"xargs", "-d", "ab"}, Stdin: "x"},
		{Args: []string{"xargs", "-d"}, Stdin: "x"},
		{Args: []string{"xargs", "-E", "STOP", "echo"}, Stdin: "a b\nSTOP\nc\n"},
		{Args: []string{"xargs", "-eSTOP", "echo"}, Stdin: "a STOP c\n"},
		{Args: []string{"xargs", "-e", "STOP"}, Stdin: "a STOP c\n"},
		{Args: []string{"xargs", "-0", "-E", "b"}, Stdin: "a\x00b\x00c"},
		{Args: []string{"xargs", "-a", "list", "echo", "from"}},
		{Args: []string{"xargs", "--arg-file=list", "cat"}, Stdin: "stdin\n"},
		{Args: []string{"xargs", "-a", "nofile"}},
		{Args: []string{"xargs", "-t", "echo"}, Stdin: "a b\n"},
		{Args: []string{"xargs", "-t", "-n", "2", "echo"}, Stdin: "a b c d e\n"},
		{Args: []string{"xargs", "-t", "-I{}", "echo", "{}", " b"}, Stdin: "a\n"},
		{Args: []string{"xargs", "-p", "echo"}, Stdin: "a b\n"},
		{Args: []string{"xargs", "-s", "12", "echo"}, Stdin: "a b c\n"},
		{Args: []string{"xargs", "-s", "9", "echo"}, Stdin: "a b c\n"},
		{Args: []string{"xargs", "-x", "-s", "9", "echo"}, Stdin: "a b c\n"},
		{Args: []string{"xargs", "-s", "5", "echo"}, Stdin: "a\n"},
		{Args: []string{"xargs", "-x", "-s", "8", "echo"}, Stdin: "a abcdef\n"},
		{Args: []string{"xargs", "-P", "1", "-n", "1", "echo"}, Stdin: "1 2\n"},
		{Args: []string{"xargs", "-P", "x"}},
		{Args: []string{"xargs", "-n", "0"}},
		{Args: []string{"xargs", "-n", "x"}},
		{Args: []string{"xargs", "-L", "0"}},
		{Args: []string{"xargs", "-s", "0"}},
		{Args: []string{"xargs", "-s", "4", "echo"}},
		{Args: []string{"xargs", "-d", "x", "-e", "b"}, Stdin: "axbxc"},
		{Args: []string{"xargs", "-z"}},
		{Args: []string{"xargs", "--bogus"}},
		{Args: []string{"xargs", "--max-args"}},
		{Args: []string{"xargs", "--null=x"}},
		{Args: []string{"xargs", "-E"}},
		{Args: []string{"xargs", "-I"}},
		{Args: []string{"xargs"}, Stdin: "a 'b\n"},
		{Args: []string{"xargs"}, Stdin: "a \"b"},
		{Args: []string{"xargs", "-n1"}, Stdin: "x y 'z\n"},
		{Args: []string{"xargs", "nosuchcmd"}, Stdin: "a\n"},
		{Args: []string{"xargs", "cat"}, Stdin: "a nofile b\n"},
		{Args: []string{"xargs", "-n1", "cat"}, Stdin: "nofile a\n"},
		{Args: []string{"xargs", "echo", "-n"}, Stdin: "a\n"},
		{Args: []string{"xargs", "--", "echo", "-t"}, Stdin: "a\n"},
		{Args: []string{"xargs", "echo", "--verbose"}, Stdin: "a\n"},
		{Args: []string{"xargs", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

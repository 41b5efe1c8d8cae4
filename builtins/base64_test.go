package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// basencTree is the fixture of the base64 and base32 tests.
var basencTree = []bt.Entry{
	bt.File("text", "Hello, world!\nThe quick brown fox jumps over the lazy dog.\n"),
	bt.File("bin", "\x00\x01\x02\xfe\xff\x80abc"),
	bt.File("long", strings.Repeat("0123456789", 30)),
	bt.File("empty", ""),
	bt.File("one", "a"),
	bt.File("two", "ab"),
	bt.Dir("d"),
}

func TestBase64(t *testing.T) {
	tree := append([]bt.Entry{
		bt.File("enc", "SGVsbG8sIHdvcmxkIQo=\n"),
		bt.File("wrapped", "SGVs\nbG8s\nIHdv\ncmxk\nIQo=\n"),
		bt.File("garbage", "SGV*sbG8s IHd!vcmxkIQo=\n"),
		bt.File("nopad", "SGVsbG8"),
	}, basencTree...)
	cases := []bt.Case{
		{Args: []string{"base64", "text"}},
		{Args: []string{"base64", "bin"}},
		{Args: []string{"base64", "long"}},
		{Args: []string{"base64", "empty"}},
		{Args: []string{"base64", "one"}},
		{Args: []string{"base64", "two"}},
		{Args: []string{"base64"}, Stdin: "from stdin"},
		{Args: []string{"base64", "-"}, Stdin: "dash"},
		{Args: []string{"base64", "-w", "0", "long"}},
		{Args: []string{"base64", "-w", "10", "text"}},
		{Args: []string{"base64", "-w1", "two"}},
		{Args: []string{"base64", "--wrap=4", "one"}},
		{Args: []string{"base64", "--wrap", "8", "text"}},
		{Args: []string{"base64", "-w", "x", "text"}},
		{Args: []string{"base64", "-w", "-1", "text"}},
		{Args: []string{"base64", "-w", "99999999999999999999999", "text"}},
		{Args: []string{"base64", "-d", "enc"}},
		{Args: []string{"base64", "--decode", "wrapped"}},
		{Args: []string{"base64", "-d", "garbage"}},
		{Args: []string{"base64", "-di", "garbage"}},
		{Args: []string{"base64", "-d", "--ignore-garbage", "wrapped"}},
		{Args: []string{"base64", "-d", "nopad"}},
		{Args: []string{"base64", "-d", "empty"}},
		{Args: []string{"base64", "-d", "text"}},
		{Args: []string{"base64", "-d"}, Stdin: "YQ"},
		{Args: []string{"base64", "-d"}, Stdin: "YQ="},
		{Args: []string{"base64", "-d"}, Stdin: "YQ==YQ=="},
		{Args: []string{"base64", "-d"}, Stdin: "YQ===\n"},
		{Args: []string{"base64", "-d"}, Stdin: "YW=j"},
		{Args: []string{"base64", "-d"}, Stdin: "Y"},
		{Args: []string{"base64", "-d"}, Stdin: "YWJ"},
		{Args: []string{"base64", "-d"}, Stdin: "YR==\n\n\n"},
		{Args: []string{"base64", "-d"}, Stdin: "AAEC/v+AYWJj\n"},
		{Args: []string{"base64", "-d"}, Stdin: "YW Jj"},
		{Args: []string{"base64", "-di"}, Stdin: "YW Jj\r\n"},
		{Args: []string{"base64", "-di"}, Stdin: "*Y=W=Jj"},
		{Args: []string{"base64", "-i", "text"}},
		{Args: []string{"base64", "missing"}},
		{Args: []string{"base64", "-d", "missing"}},
		{Args: []string{"base64", "d"}},
		{Args: []string{"base64", "text", "bin"}},
		{Args: []string{"base64", "--bogus"}},
		{Args: []string{"base64", "-w"}},
		{Args: []string{"base64", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

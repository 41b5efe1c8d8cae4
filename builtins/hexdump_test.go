package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestHexdump(t *testing.T) {
	var all strings.Builder
	for i := 0; i < 256; i++ {
		all.WriteByte(byte(i))
	}
	tree := []bt.Entry{
		bt.File("b", "hello world\n\x00\x01\x7f\x80\xff"),
		bt.File("all", all.String()),
		bt.File("z", strings.Repeat("\x00", 64)),
		bt.File("z2", strings.Repeat("\x00", 40)+"abc"),
		bt.File("rep", strings.Repeat("0123456789abcdef", 3)+"0123456789abcdeX"+strings.Repeat("0123456789abcdef", 2)),
		bt.File("abc", "abc"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"hexdump", "b"}},
		{Args: []string{"hexdump", "all"}},
		{Args: []string{"hexdump", "-C", "b"}},
		{Args: []string{"hexdump", "-C", "all"}},
		{Args: []string{"hexdump", "-C", "abc"}},
		{Args: []string{"hexdump", "abc"}},
		{Args: []string{"hexdump", "z"}},
		{Args: []string{"hexdump", "-C", "z"}},
		{Args: []string{"hexdump", "-v", "-C", "z"}},
		{Args: []string{"hexdump", "z2"}},
		{Args: []string{"hexdump", "-C", "rep"}},
		{Args: []string{"hexdump", "-x", "b"}},
		{Args: []string{"hexdump", "-d", "b"}},
		{Args: []string{"hexdump", "-o", "b"}},
		{Args: []string{"hexdump", "-b", "b"}},
		{Args: []string{"hexdump", "-c", "all"}},
		{Args: []string{"hexdump", "-b", "-c", "b"}},
		{Args: []string{"hexdump", "-C", "-x", "b"}},
		{Args: []string{"hexdump", "-n", "5", "-C", "b"}},
		{Args: []string{"hexdump", "-n", "0", "b"}},
		{Args: []string{"hexdump", "-s", "3", "-C", "b"}},
		{Args: []string{"hexdump", "-s", "3", "-n", "4", "b"}},
		{Args: []string{"hexdump", "-s", "0x10", "-C", "b"}},
		{Args: []string{"hexdump", "-s", "010", "-C", "b"}},
		{Args: []string{"hexdump", "-s", "100", "-C", "b"}},
		{Args: []string{"hexdump", "-s", "1K", "b"}},
		{Args: []string{"hexdump", "-C", "-s", "2", "-n", "20", "b", "b"}},
		{Args: []string{"hexdump", "-C"}, Stdin: "from stdin"},
		{Args: []string{"hexdump", "-C", "-", "abc"}, Stdin: "x"},
		{Args: []string{"hexdump", "e"}},
		{Args: []string{"hexdump", "-C", "e"}},
		{Args: []string{"hexdump", "missing"}},
		{Args: []string{"hexdump", "-C", "b", "missing"}},
		{Args: []string{"hexdump", "d"}},
		{Args: []string{"hexdump", "-n", "x", "b"}},
		{Args: []string{"hexdump", "-s", "1b", "b"}},
		{Args: []string{"hexdump", "--canonical", "--length=3", "--skip=1", "b"}},
		{Args: []string{"hexdump", "-q"}, IgnoreStderr: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

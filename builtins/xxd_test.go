package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestXxd(t *testing.T) {
	var all strings.Builder
	for i := 0; i < 256; i++ {
		all.WriteByte(byte(i))
	}
	tree := []bt.Entry{
		bt.File("b", "hello world\n\x00\x01\x7f\x80\xff"),
		bt.File("all", all.String()),
		bt.File("z", strings.Repeat("\x00", 64)),
		bt.File("z2", strings.Repeat("\x00", 40)+"abc"+strings.Repeat("\x00", 60)),
		bt.File("dump", "00000000: 6865 6c6c 6f20 776f 726c 640a 0001 7f80  hello world.....\n00000010: ff                                       .\n"),
		bt.File("gap", "00000010: 6162 6364  abcd\n"),
		bt.File("plain", "68656c6c6f\n20 77 6f\n726c64\n"),
		bt.File("1st", "ab"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"xxd", "b"}},
		{Args: []string{"xxd", "all"}},
		{Args: []string{"xxd", "-p", "b"}},
		{Args: []string{"xxd", "-ps", "all"}},
		{Args: []string{"xxd", "-p", "-c", "4", "b"}},
		{Args: []string{"xxd", "-u", "-g", "4", "-c", "8", "b"}},
		{Args: []string{"xxd", "-g", "3", "b"}},
		{Args: []string{"xxd", "-g", "0", "b"}},
		{Args: []string{"xxd", "-g1", "-c5", "b"}},
		{Args: []string{"xxd", "-c", "0", "b"}},
		{Args: []string{"xxd", "-c", "300", "b"}},
		{Args: []string{"xxd", "-l", "5", "-s", "2", "b"}},
		{Args: []string{"xxd", "-len", "3", "b"}},
		{Args: []string{"xxd", "-seek", "2", "-len", "3", "b"}},
		{Args: []string{"xxd", "-s", "-3", "b"}},
		{Args: []string{"xxd", "-s", "+4", "b"}},
		{Args: []string{"xxd", "-s", "0x10", "all"}},
		{Args: []string{"xxd", "-l", "x", "b"}},
		{Args: []string{"xxd", "-i", "b"}},
		{Args: []string{"xxd", "-i", "-u", "b"}},
		{Args: []string{"xxd", "-C", "-i", "b"}},
		{Args: []string{"xxd", "-n", "foo", "-i", "b"}},
		{Args: []string{"xxd", "-i", "1st"}},
		{Args: []string{"xxd", "-i", "e"}},
		{Args: []string{"xxd", "-i", "-c", "5", "all"}},
		{Args: []string{"xxd", "-i"}, Stdin: "abc"},
		{Args: []string{"xxd", "-b", "b"}},
		{Args: []string{"xxd", "-b", "-c", "4", "b"}},
		{Args: []string{"xxd", "-e", "b"}},
		{Args: []string{"xxd", "-e", "-g", "2", "b"}},
		{Args: []string{"xxd", "-e", "-g", "3", "b"}},
		{Args: []string{"xxd", "-d", "b"}},
		{Args: []string{"xxd", "-o", "16", "b"}},
		{Args: []string{"xxd", "z"}},
		{Args: []string{"xxd", "-a", "z"}},
		{Args: []string{"xxd", "-a", "z2"}},
		{Args: []string{"xxd", "-a", "-c", "4", "e"}},
		{Args: []string{"xxd", "e"}},
		{Args: []string{"xxd", "-p", "e"}},
		{Args: []string{"xxd", "-r", "dump"}},
		{Args: []string{"xxd", "-r", "gap"}},
		{Args: []string{"xxd", "-r", "-p", "plain"}},
		{Args: []string{"xxd", "-r", "-p"}, Stdin: "4142 43\n44"},
		{Args: []string{"xxd", "b", "out"}},
		{Args: []string{"xxd", "-r", "dump", "out"}},
		{Args: []string{"xxd"}, Stdin: "from stdin\n"},
		{Args: []string{"xxd", "-"}, Stdin: "dash\n"},
		{Args: []string{"xxd", "missing"}},
		{Args: []string{"xxd", "d"}},
		{Args: []string{"xxd", "-q"}},
		{Args: []string{"xxd", "-h"}},
		{Args: []string{"xxd", "a", "b", "c"}},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

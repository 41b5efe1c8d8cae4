package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestOd(t *testing.T) {
	var all strings.Builder
	for i := 0; i < 256; i++ {
		all.WriteByte(byte(i))
	}
	tree := []bt.Entry{
		bt.File("b", "hello world\n\x00\x01\x7f\x80\xff"),
		bt.File("all", all.String()),
		bt.File("zeros", strings.Repeat("\x00", 100)),
		bt.File("rep", strings.Repeat("abcdefghijklmnop", 4)+"abcdefghijklmnoX"+strings.Repeat("abcdefghijklmnop", 2)+"xyz"),
		bt.File("f", "\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\xf0\x3f\x00\x00\xc0\x7f\x00\x00\x80\xff\x00\x00\x00\x80\x9a\x99\x99\x99\x99\x99\xb9\x3f\x00\x00\x00\x00\x00\x00\x24\x40\x00\x00\x00\x00\x80\x84\x2e\x41"),
		bt.File("strs", "\x01\x02ab\x00abc\x00abcd\x00\xffhello world\x00tail"),
		bt.File("e", ""),
		bt.File("c", "0123456789"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"od", "b"}},
		{Args: []string{"od", "all"}},
		{Args: []string{"od", "-c", "all"}},
		{Args: []string{"od", "-a", "all"}},
		{Args: []string{"od", "-b", "b"}},
		{Args: []string{"od", "-d", "b"}},
		{Args: []string{"od", "-o", "b"}},
		{Args: []string{"od", "-x", "b"}},
		{Args: []string{"od", "-s", "-i", "-l", "b"}},
		{Args: []string{"od", "-D", "-O", "-X", "-H", "-B", "-h", "-I", "-L", "b"}},
		{Args: []string{"od", "-t", "x1", "b"}},
		{Args: []string{"od", "-t", "x2", "b"}},
		{Args: []string{"od", "-t", "x4", "b"}},
		{Args: []string{"od", "-t", "x8", "b"}},
		{Args: []string{"od", "-t", "xC", "-t", "xS", "-t", "xI", "-t", "xL", "c"}},
		{Args: []string{"od", "-t", "o1", "b"}},
		{Args: []string{"od", "-t", "d1", "-t", "u1", "b"}},
		{Args: []string{"od", "-t", "d2", "-t", "u2", "all"}},
		{Args: []string{"od", "-t", "d4u4", "all"}},
		{Args: []string{"od", "-t", "d8", "-t", "u8", "-t", "o8", "b"}},
		{Args: []string{"od", "-t", "d", "b"}},
		{Args: []string{"od", "-t", "c", "-t", "a", "-t", "x1", "b"}},
		{Args: []string{"od", "-t", "x1z", "b"}},
		{Args: []string{"od", "-t", "x2z", "-t", "cz", "all"}},
		{Args: []string{"od", "-t", "f4", "f"}},
		{Args: []string{"od", "-t", "f8", "f"}},
		{Args: []string{"od", "-t", "fF", "-t", "x1", "f"}},
		{Args: []string{"od", "-t", "f", "f"}},
		{Args: []string{"od", "-f", "-e", "-F", "f"}},
		{Args: []string{"od", "-A", "d", "all"}},
		{Args: []string{"od", "-A", "x", "-t", "x1", "all"}},
		{Args: []string{"od", "-A", "o", "-c", "b"}},
		{Args: []string{"od", "-A", "n", "-t", "o1", "b"}},
		{Args: []string{"od", "-An", "-tx1", "-v", "zeros"}},
		{Args: []string{"od", "zeros"}},
		{Args: []string{"od", "-v", "zeros"}},
		{Args: []string{"od", "-c", "rep"}},
		{Args: []string{"od", "-v", "-c", "rep"}},
		{Args: []string{"od", "-N", "5", "-c", "b"}},
		{Args: []string{"od", "-N", "0x10", "-c", "all"}},
		{Args: []string{"od", "-N", "010", "-c", "all"}},
		{Args: []string{"od", "-j", "3", "-c", "b"}},
		{Args: []string{"od", "-j", "0x3", "-N", "4", "-t", "x1", "b"}},
		{Args: []string{"od", "-j", "1k", "b"}},
		{Args: []string{"od", "-j", "17", "b"}},
		{Args: []string{"od", "-j", "100", "b"}},
		{Args: []string{"od", "-j", "1", "-c", "b", "c"}},
		{Args: []string{"od", "-N", "x", "b"}},
		{Args: []string{"od", "--read-bytes=3x", "b"}},
		{Args: []string{"od", "-N", "99999999999999999999999", "b"}},
		{Args: []string{"od", "-w8", "-c", "b"}},
		{Args: []string{"od", "-w", "-c", "all"}},
		{Args: []string{"od", "--width=4", "-t", "x2", "b"}},
		{Args: []string{"od", "-w3", "b"}},
		{Args: []string{"od", "-cw6", "b"}},
		{Args: []string{"od", "-w0", "b"}},
		{Args: []string{"od", "-S", "3", "strs"}},
		{Args: []string{"od", "-S", "4", "-A", "x", "strs"}},
		{Args: []string{"od", "--strings", "strs"}},
		{Args: []string{"od", "-S", "2", "-N", "7", "strs"}},
		{Args: []string{"od", "-S", "3", "-c", "strs"}},
		{Args: []string{"od", "--endian=big", "-t", "x2", "b"}},
		{Args: []string{"od", "--endian=little", "-t", "x4", "b"}},
		{Args: []string{"od", "--endian=middle", "b"}},
		{Args: []string{"od", "-c", "b", "+3"}},
		{Args: []string{"od", "-c", "b", "10."}},
		{Args: []string{"od", "b", "1"}},
		{Args: []string{"od", "-c", "all", "0x10"}},
		{Args: []string{"od", "-c", "all", "+1b"}},
		{Args: []string{"od", "-w-1", "b"}},
		{Args: []string{"od", "+2"}, Stdin: "abcdef"},
		{Args: []string{"od", "-c"}, Stdin: "stdin data\n"},
		{Args: []string{"od", "-c", "c", "-", "c"}, Stdin: "XY"},
		{Args: []string{"od", "e"}},
		{Args: []string{"od", "-c", "missing", "c"}},
		{Args: []string{"od", "d"}},
		{Args: []string{"od", "-t", "x3", "b"}},
		{Args: []string{"od", "-t", "q", "b"}},
		{Args: []string{"od", "-t", "f2", "b"}},
		{Args: []string{"od", "-A", "q", "b"}},
		{Args: []string{"od", "-Q"}},
		{Args: []string{"od", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

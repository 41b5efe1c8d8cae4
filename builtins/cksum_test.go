package builtins_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestCksum(t *testing.T) {
	s256 := sha256.Sum256([]byte("abc\n"))
	tree := append([]bt.Entry{
		bt.File("big", strings.Repeat("0123456789abcdef", 200)),
		bt.File("tagged", "MD5 (a) = "+md5hex("abc\n")+"\nSHA256 (b) = "+hex.EncodeToString(s256[:])+"\nSHA1 (x) = 0\n"),
		bt.File("untagged", md5hex("abc\n")+"  a\n"),
	}, digestTree...)
	cases := []bt.Case{
		{Args: []string{"cksum", "a"}},
		{Args: []string{"cksum", "a", "b", "empty", "big"}},
		{Args: []string{"cksum"}, Stdin: "x\n"},
		{Args: []string{"cksum", "-"}, Stdin: "x\n"},
		{Args: []string{"cksum", "a", "-"}, Stdin: ""},
		{Args: []string{"cksum", "-z", "a", "b"}},
		{Args: []string{"cksum", "missing", "a", "d"}},
		{Args: []string{"cksum", "-a", "crc", "--untagged", "a"}},
		{Args: []string{"cksum", "-a", "sysv", "a", "empty", "big"}},
		{Args: []string{"cksum", "-a", "sysv"}, Stdin: "x\n"},
		{Args: []string{"cksum", "-a", "bsd", "a", "empty", "big"}},
		{Args: []string{"cksum", "-a", "bsd"}, Stdin: "x\n"},
		{Args: []string{"cksum", "-a", "md5", "a", "b"}},
		{Args: []string{"cksum", "-a", "md5"}, Stdin: "x"},
		{Args: []string{"cksum", "--algorithm=sha1", "a"}},
		{Args: []string{"cksum", "-a", "sha224", "a"}},
		{Args: []string{"cksum", "-a", "sha256", "--untagged", "a", "new\nline"}},
		{Args: []string{"cksum", "-a", "sha384", "-z", "new\nline"}},
		{Args: []string{"cksum", "-a", "sha512", "--tag", "back\\slash"}},
		{Args: []string{"cksum", "-a", "sha", "a"}},
		{Args: []string{"cksum", "-a", "foo", "a"}},
		{Args: []string{"cksum", "-c", "tagged"}},
		{Args: []string{"cksum", "-c", "-w", "tagged"}},
		{Args: []string{"cksum", "-c", "--quiet", "tagged"}},
		{Args: []string{"cksum", "-a", "md5", "-c", "tagged"}},
		{Args: []string{"cksum", "-a", "md5", "-c", "untagged"}},
		{Args: []string{"cksum", "-c", "untagged"}},
		{Args: []string{"cksum", "-a", "crc", "-c", "tagged"}},
		{Args: []string{"cksum", "-a", "bsd", "-c", "tagged"}},
		{Args: []string{"cksum", "-l", "128", "a"}},
		{Args: []string{"cksum", "-b", "a"}},
		{Args: []string{"cksum", "--status", "a"}},
		{Args: []string{"cksum", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

func TestCksumMore(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"cksum", "-a", "sysv", "d"}},
		{Args: []string{"cksum", "-a", "bsd", "d", "a"}},
		{Args: []string{"cksum", "-t", "a"}},
		{Args: []string{"cksum", "-c", "-w"}, Stdin: "hello\n"},
		{Args: []string{"cksum", "-c", "-w", "-"}, Stdin: "MD5 (a) = " + md5hex("abc\n") + "\nhello\n"},
		{Args: []string{"cksum", "-c", "--status"}, Stdin: "MD5 (a) = " + md5hex("abc\n") + "\n"},
		{Args: []string{"cksum", "-c", "--ignore-missing"}, Stdin: "MD5 (gone) = " + md5hex("abc\n") + "\n"},
	}
	for i := range cases {
		cases[i].Tree = digestTree
	}
	bt.RunAll(t, cases)
}

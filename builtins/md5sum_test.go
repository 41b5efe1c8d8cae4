package builtins_test

import (
	"crypto/md5"
	"encoding/hex"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func md5hex(s string) string { h := md5.Sum([]byte(s)); return hex.EncodeToString(h[:]) }

// digestTree is a fixture shared by the digest tests.
var digestTree = []bt.Entry{
	bt.File("a", "abc\n"),
	bt.File("b", "second file"),
	bt.File("empty", ""),
	bt.File("back\\slash", "bs"),
	bt.File("new\nline", "nl"),
	bt.File("car\rret", "cr"),
	bt.File("a b", "spaced"),
	bt.Dir("d"),
}

func TestMd5sum(t *testing.T) {
	A, B, E := md5hex("abc\n"), md5hex("second file"), md5hex("")
	tree := append([]bt.Entry{
		bt.File("good.md5", A+"  a\n"+B+" *b\n"+E+"  empty\n"),
		bt.File("bad.md5", A+"  b\n"+B+"  a\n"+E+"  empty\n"),
		bt.File("tag.md5", "MD5 (a) = "+A+"\nMD5 (b) = "+B+"\n"),
		bt.File("mixed.md5", "# comment\n\n"+A+"  a\nnot a checksum line\n"+B+"  b\r\n"+"SHA1 (a) = 03cfd743661f07975fa2f1220c5194cbaff48451\n"),
		bt.File("missing.md5", A+"  a\n"+A+"  gone\n"+A+"  d\n"),
		bt.File("onlymissing.md5", A+"  gone\n"),
		bt.File("garbage.md5", "hello\nworld\n"),
		bt.File("upper.md5", "0BEE89B07A248E27C83FC3D5951213C1  a\n"),
		bt.File("escaped.md5", "\\"+md5hex("bs")+"  back\\\\slash\n\\"+md5hex("nl")+"  new\\nline\n\\MD5 (car\\rret) = "+md5hex("cr")+"\n"),
		bt.File("badesc.md5", "\\"+A+"  a\\x\n"),
		bt.File("reversed.md5", A+" a\n"+B+" b\n"),
		bt.File("mixrev.md5", A+"  a\n"+B+" b\n"),
		bt.File("short.md5", "0bee89b07a248e27  a\n"),
		bt.File("nonl.md5", A+"  a"),
		bt.File("spacename.md5", B+"  a b\n"),
		bt.File("tab.md5", A+"\ta\n"),
		bt.File("bsdspace.md5", "MD5(a)="+A+"\nMD5 (b)  =  "+B+"\n"),
		bt.File("dash.md5", A+"  -\n"),
	}, digestTree...)
	cases := []bt.Case{
		{Args: []string{"md5sum", "a"}},
		{Args: []string{"md5sum", "a", "b", "empty"}},
		{Args: []string{"md5sum"}, Stdin: "stdin data"},
		{Args: []string{"md5sum", "-", "a"}, Stdin: "x"},
		{Args: []string{"md5sum", "-b", "a", "-"}, Stdin: ""},
		{Args: []string{"md5sum", "-t", "a"}},
		{Args: []string{"md5sum", "--binary", "--text", "a"}},
		{Args: []string{"md5sum", "--tag", "a", "b", "-"}, Stdin: "in"},
		{Args: []string{"md5sum", "--tag", "-b", "a"}},
		{Args: []string{"md5sum", "--tag", "-t", "a"}},
		{Args: []string{"md5sum", "-z", "a", "b"}},
		{Args: []string{"md5sum", "-z", "--tag", "new\nline"}},
		{Args: []string{"md5sum", "back\\slash", "new\nline", "car\rret", "a b"}},
		{Args: []string{"md5sum", "--tag", "back\\slash", "new\nline"}},
		{Args: []string{"md5sum", "-b", "new\nline"}},
		{Args: []string{"md5sum", "missing", "a"}},
		{Args: []string{"md5sum", "d"}},
		{Args: []string{"md5sum", "-c", "good.md5"}},
		{Args: []string{"md5sum", "--check", "bad.md5"}},
		{Args: []string{"md5sum", "-c", "tag.md5"}},
		{Args: []string{"md5sum", "-c", "mixed.md5"}},
		{Args: []string{"md5sum", "-c", "-w", "mixed.md5"}},
		{Args: []string{"md5sum", "-c", "--strict", "mixed.md5"}},
		{Args: []string{"md5sum", "-c", "--strict", "good.md5"}},
		{Args: []string{"md5sum", "-c", "--quiet", "good.md5"}},
		{Args: []string{"md5sum", "-c", "--quiet", "bad.md5"}},
		{Args: []string{"md5sum", "-c", "--status", "good.md5"}},
		{Args: []string{"md5sum", "-c", "--status", "bad.md5"}},
		{Args: []string{"md5sum", "-c", "--status", "-w", "mixed.md5"}},
		{Args: []string{"md5sum", "-c", "missing.md5"}},
		{Args: []string{"md5sum", "-c", "--ignore-missing", "missing.md5"}},
		{Args: []string{"md5sum", "-c", "--ignore-missing", "onlymissing.md5"}},
		{Args: []string{"md5sum", "-c", "--ignore-missing", "--status", "onlymissing.md5"}},
		{Args: []string{"md5sum", "-c", "garbage.md5"}},
		{Args: []string{"md5sum", "-c", "--status", "garbage.md5"}},
		{Args: []string{"md5sum", "-c", "-w", "garbage.md5"}},
		{Args: []string{"md5sum", "-c", "upper.md5"}},
		{Args: []string{"md5sum", "-c", "escaped.md5"}},
		{Args: []string{"md5sum", "-c", "--status", "escaped.md5"}},
		{Args: []string{"md5sum", "-c", "-w", "badesc.md5"}},
		{Args: []string{"md5sum", "-c", "reversed.md5"}},
		{Args: []string{"md5sum", "-c", "-w", "mixrev.md5"}},
		{Args: []string{"md5sum", "-c", "-w", "short.md5"}},
		{Args: []string{"md5sum", "-c", "nonl.md5"}},
		{Args: []string{"md5sum", "-c", "spacename.md5"}},
		{Args: []string{"md5sum", "-c", "tab.md5"}},
		{Args: []string{"md5sum", "-c", "bsdspace.md5"}},
		{Args: []string{"md5sum", "-c", "dash.md5"}, Stdin: "abc\n"},
		{Args: []string{"md5sum", "-c", "-w"}, Stdin: md5hex("abc\n") + "  -\n"},
		{Args: []string{"md5sum", "-c"}, Stdin: md5hex("abc\n") + "  a\n"},
		{Args: []string{"md5sum", "-c", "-"}, Stdin: "junk\n"},
		{Args: []string{"md5sum", "-c", "good.md5", "bad.md5", "nofile"}},
		{Args: []string{"md5sum", "-c", "d"}},
		{Args: []string{"md5sum", "-c", "empty"}},
		{Args: []string{"md5sum", "-c", "--tag", "good.md5"}},
		{Args: []string{"md5sum", "-c", "-b", "good.md5"}},
		{Args: []string{"md5sum", "-c", "-z", "good.md5"}},
		{Args: []string{"md5sum", "--status", "a"}},
		{Args: []string{"md5sum", "--quiet", "a"}},
		{Args: []string{"md5sum", "-w", "a"}},
		{Args: []string{"md5sum", "--strict", "a"}},
		{Args: []string{"md5sum", "--ignore-missing", "a"}},
		{Args: []string{"md5sum", "--bogus"}},
		{Args: []string{"md5sum", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

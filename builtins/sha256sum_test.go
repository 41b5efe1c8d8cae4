package builtins_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestShaSums(t *testing.T) {
	s256 := sha256.Sum256([]byte("abc\n"))
	s1 := sha1.Sum([]byte("abc\n"))
	s512 := sha512.Sum512([]byte("abc\n"))
	tree := append([]bt.Entry{
		bt.File("a.sha256", hex.EncodeToString(s256[:])+"  a\n"),
		bt.File("a.tag256", "SHA256 (a) = "+hex.EncodeToString(s256[:])+"\n"),
		bt.File("a.sha1", hex.EncodeToString(s1[:])+"  a\n"),
		bt.File("a.sha512", "SHA512 (a) = "+hex.EncodeToString(s512[:])+"\n"+hex.EncodeToString(s512[:])+"  b\n"),
	}, digestTree...)
	cases := []bt.Case{}
	for _, cmd := range []string{"sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum"} {
		cases = append(cases,
			bt.Case{Args: []string{cmd, "a", "b", "empty"}},
			bt.Case{Args: []string{cmd, "--tag", "a", "-"}, Stdin: "x"},
			bt.Case{Args: []string{cmd, "-bz", "a", "new\nline"}},
			bt.Case{Args: []string{cmd, "--help"}, HelpOnly: true},
		)
	}
	cases = append(cases,
		bt.Case{Args: []string{"sha256sum", "-c", "a.sha256", "a.tag256"}},
		bt.Case{Args: []string{"sha256sum", "-c", "-w", "a.sha1"}},
		bt.Case{Args: []string{"sha1sum", "-c", "a.sha1"}},
		bt.Case{Args: []string{"sha1sum", "-c", "-w", "a.tag256"}},
		bt.Case{Args: []string{"sha512sum", "-c", "a.sha512"}},
		bt.Case{Args: []string{"sha384sum", "missing", "d"}},
	)
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

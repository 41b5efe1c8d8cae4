package builtins_test

import (
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestBase32(t *testing.T) {
	tree := append([]bt.Entry{
		bt.File("enc", "JBSWY3DPFQQHO33SNRSCCCQ=\n"),
		bt.File("wrapped", "JBSWY3DP\nFQQHO33S\nNRSCCCQ=\n"),
		bt.File("garbage", "JBSW-Y3DP FQQHO33SNR*SCCCQ=\n"),
	}, basencTree...)
	cases := []bt.Case{
		{Args: []string{"base32", "text"}},
		{Args: []string{"base32", "bin"}},
		{Args: []string{"base32", "long"}},
		{Args: []string{"base32", "empty"}},
		{Args: []string{"base32", "one"}},
		{Args: []string{"base32", "two"}},
		{Args: []string{"base32"}, Stdin: "abcd"},
		{Args: []string{"base32", "-w", "0", "long"}},
		{Args: []string{"base32", "-w", "7", "text"}},
		{Args: []string{"base32", "--wrap=x", "text"}},
		{Args: []string{"base32", "-d", "enc"}},
		{Args: []string{"base32", "-d", "wrapped"}},
		{Args: []string{"base32", "-d", "garbage"}},
		{Args: []string{"base32", "-d", "-i", "garbage"}},
		{Args: []string{"base32", "-d"}, Stdin: "MFRGG"},
		{Args: []string{"base32", "-d"}, Stdin: "MFRGG==="},
		{Args: []string{"base32", "-d"}, Stdin: "MFRGGZA="},
		{Args: []string{"base32", "-d"}, Stdin: "ME======"},
		{Args: []string{"base32", "-d"}, Stdin: "MFRA===="},
		{Args: []string{"base32", "-d"}, Stdin: "MFR====="},
		{Args: []string{"base32", "-d"}, Stdin: "ME======ME======\n"},
		{Args: []string{"base32", "-d"}, Stdin: "ME=====x"},
		{Args: []string{"base32", "-d"}, Stdin: "mfrgg==="},
		{Args: []string{"base32", "-d", "text"}},
		{Args: []string{"base32", "missing"}},
		{Args: []string{"base32", "a", "b"}},
		{Args: []string{"base32", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

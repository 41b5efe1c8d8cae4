package builtins_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestColumn(t *testing.T) {
	var nums strings.Builder
	for i := 1; i <= 45; i++ {
		fmt.Fprintf(&nums, "%d\n", i*i*7%1000)
	}
	tree := []bt.Entry{
		bt.File("nums", nums.String()),
		bt.File("words", "apple\nbanana\ncherry\n  date\nelderberry\nfig\n\ngrape\n   \nhoneydew\nkiwi"),
		bt.File("wide", strings.Repeat("x", 85)+"\nshort\n"),
		bt.File("tab", "name age city\nalice 30 paris\nbob  4   london\n\n  carol\t55\trome extra\n"),
		bt.File("colon", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n:lead::\nend:\n"),
		bt.File("ctl", "a\x01b c\nxxxxx y\na\tb\x7fc d\n\x1b[1mABCDE z\n"),
		bt.File("bytes", "caf\xc3\xa9 ok\nback\\xslash \xff\nplain word\nnul\x00hidden here\n\x00\n"),
		bt.File("long", strings.Repeat("aaaaaaaaaa ", 3)+strings.Repeat("b", 60)+" c\nd e f g\n"),
		bt.File("gaps", "a  b c  d\n  a b c d\naaa   b  c   d\nx\n"),
		bt.File("empty", ""),
		bt.File("blanks", "\n  \n\t\n"),
		bt.File("-", "dash file\n"),
		bt.Dir("d"),
	}
	var many strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&many, "%d row%d\n", i, i)
	}
	tree = append(tree, bt.File("many", many.String()))
	cases := []bt.Case{
		// Fill modes.
		{Args: []string{"column", "nums"}},
		{Args: []string{"column", "-x", "nums"}},
		{Args: []string{"column", "-c", "30", "nums"}},
		{Args: []string{"column", "-x", "-c", "30", "nums"}},
		{Args: []string{"column", "--output-width=7", "words"}},
		{Args: []string{"column", "-c", "5", "-x", "nums"}},
		{Args: []string{"column", "words"}},
		{Args: []string{"column", "--fillrows", "words"}},
		{Args: []string{"column", "-L", "words"}},
		{Args: []string{"column", "-L", "-x", "-c", "40", "words", "blanks"}},
		{Args: []string{"column", "wide"}},
		{Args: []string{"column", "-c", "0", "words"}},
		{Args: []string{"column", "-c", "86", "wide"}},
		{Name: "COLUMNS=40 column nums", Args: []string{"column", "nums"}, Env: []string{"COLUMNS=40"}},
		{Name: "COLUMNS=40 column -c 100 nums", Args: []string{"column", "-c", "100", "nums"}, Env: []string{"COLUMNS=40"}},
		{Name: "COLUMNS=abc column nums", Args: []string{"column", "nums"}, Env: []string{"COLUMNS=abc"}},
		{Args: []string{"column", "-c", "20", "ctl"}},
		{Args: []string{"column", "bytes"}},
		{Args: []string{"column", "words", "nums"}},
		{Args: []string{"column"}, Stdin: "one\ntwo\nthree\n"},
		{Args: []string{"column", "-"}},
		{Args: []string{"column", "empty"}},
		{Args: []string{"column", "blanks"}},
		// Tables.
		{Args: []string{"column", "-t", "tab"}},
		{Args: []string{"column", "-t", "-s", ":", "colon"}},
		{Args: []string{"column", "-t", "-s", ":/", "colon"}},
		{Args: []string{"column", "-t", "-s", ":", "-o", " | ", "colon"}},
		{Args: []string{"column", "-t", "-o", "", "tab"}},
		{Args: []string{"column", "-t", "-s", "", "tab"}},
		{Args: []string{"column", "--table", "--separator", " ", "tab"}},
		{Args: []string{"column", "-t", "-N", "NAME,Age,city", "tab"}},
		{Args: []string{"column", "-t", "-N", "a,,b", "-d", "tab"}},
		{Args: []string{"column", "-t", "-N", "verylongname,b", "-d", "tab"}},
		{Args: []string{"column", "-t", "-R", "2", "tab"}},
		{Args: []string{"column", "-t", "-N", "n,a,c", "-R", "A,c", "tab"}},
		{Args: []string{"column", "-t", "-R", "0", "-s", ":", "colon"}},
		{Args: []string{"column", "-t", "-N", "n,a", "-R", "-", "tab"}},
		{Args: []string{"column", "-t", "-R", "9,1", "tab"}},
		{Args: []string{"column", "-t", "-H", "2", "tab"}},
		{Args: []string{"column", "-t", "-H", "0", "tab"}},
		{Args: []string{"column", "-t", "-s", ":", "-H", "1,3,5", "colon"}},
		{Args: []string{"column", "-t", "-N", "n,a,c", "-O", "c,n", "tab"}},
		{Args: []string{"column", "-t", "-s", ":", "-O", "7,1", "-H", "2", "-R", "3", "colon"}},
		{Args: []string{"column", "-t", "-l", "2", "tab"}},
		{Args: []string{"column", "-t", "-l", "3", "-s", ":", "colon"}},
		{Args: []string{"column", "-t", "-l", "1", "gaps"}},
		{Args: []string{"column", "-t", "-l", "2", "-o", "|", "gaps"}},
		{Args: []string{"column", "-t", "-l", "3", "-o", "|", "gaps"}},
		{Args: []string{"column", "-t", "-l", "4", "-o", "|", "gaps"}},
		{Args: []string{"column", "-t", "-l", "2", "-s", " ", "-o", "|", "gaps"}},
		{Args: []string{"column", "-t", "-H", "-", "gaps"}},
		{Args: []string{"column", "-t", "-N", "one", "-H", "-", "gaps"}},
		{Args: []string{"column", "-t", "-N", "one,two", "-H", "1,-", "gaps"}},
		{Args: []string{"column", "-t", "-N", "one,two", "-R", "-", "gaps"}},
		{Args: []string{"column", "-t", "-L", "words", "tab"}},
		{Args: []string{"column", "-t", "-N", "a", "-L", "blanks"}},
		{Args: []string{"column", "-t", "ctl"}},
		{Args: []string{"column", "-t", "bytes"}},
		{Args: []string{"column", "-t", "long"}},
		{Args: []string{"column", "-t", "-c", "20", "tab"}},
		{Args: []string{"column", "-t", "-T", "1", "-W", "2", "-E", "3", "tab"}},
		{Args: []string{"column", "-t", "-e", "-N", "num,row", "many"}},
		{Name: "LINES=10 column -t -e", Args: []string{"column", "-t", "-e", "-N", "num,row", "many"}, Env: []string{"LINES=10"}},
		{Args: []string{"column", "-t", "-e", "-N", "x,y", "-d", "many"}, Env: []string{"LINES=10"}},
		{Args: []string{"column", "-t"}, Stdin: "x y\nlonger z"},
		{Args: []string{"column", "-t", "empty"}},
		// JSON.
		{Args: []string{"column", "-J", "-N", "Name,Age,City,X", "tab"}},
		{Args: []string{"column", "-t", "-J", "-n", "People", "-N", "a,b,c,d", "-H", "b", "-O", "c", "tab"}},
		{Args: []string{"column", "-J", "-s", ":", "-l", "2", "-N", "K,V", "-L", "colon", "blanks"}},
		{Args: []string{"column", "-J", "-s", " ", "-N", `Q"t,b`, "ctl"}},
		{Args: []string{"column", "-J", "-N", "a,b", "tab"}},
		{Args: []string{"column", "-J", "tab"}},
		// Errors.
		{Args: []string{"column", "missing", "words"}},
		{Args: []string{"column", "missing", "other"}},
		{Args: []string{"column", "-t", "missing", "tab"}},
		{Args: []string{"column", "-t", "missing"}},
		{Args: []string{"column", "d"}},
		{Args: []string{"column", "-t", "tab", "d"}},
		{Args: []string{"column", "-t", "-x", "tab"}},
		{Args: []string{"column", "-x", "-J", "tab"}},
		{Args: []string{"column", "-N", "a", "tab"}},
		{Args: []string{"column", "-R", "1", "-x", "tab"}},
		{Args: []string{"column", "-t", "-R", "x", "-H", "y", "tab"}},
		{Args: []string{"column", "-t", "-N", "a,b", "-O", "b,z", "tab"}},
		{Args: []string{"column", "-t", "-R", "1-2", "tab"}},
		{Args: []string{"column", "-c", "abc", "tab"}},
		{Args: []string{"column", "-c", "-5", "tab"}},
		{Args: []string{"column", "-c", "99999999999", "tab"}},
		{Args: []string{"column", "-t", "-l", "0", "tab"}},
		{Args: []string{"column", "-t", "-l", "x", "tab"}},
		{Args: []string{"column", "-q", "tab"}},
		{Args: []string{"column", "--tab", "tab"}},
		{Args: []string{"column", "-c"}},
		{Args: []string{"column", "--help"}, HelpOnly: true},
		{Args: []string{"column", "-h"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// TestColumnRandom runs column on pseudo-random lines with blanks, tabs,
// colons, control characters and non-ASCII bytes.
func TestColumnRandom(t *testing.T) {
	var tree []bt.Entry
	var cases []bt.Case
	chars := "ab  \t:\\x\x1b[m\x01Z\xc3\r\v\x7f"
	for seed := int64(1); seed <= 18; seed++ {
		r := rand.New(rand.NewSource(seed))
		var b strings.Builder
		for i := r.Intn(30); i >= 0; i-- {
			for j := r.Intn(25); j >= 0; j-- {
				b.WriteByte(chars[r.Intn(len(chars))])
			}
			b.WriteByte('\n')
		}
		name := fmt.Sprintf("f%d", seed)
		tree = append(tree, bt.File(name, b.String()))
		w := fmt.Sprint(r.Intn(100))
		switch seed % 6 {
		case 0:
			cases = append(cases, bt.Case{Args: []string{"column", "-c", w, name}})
		case 1:
			cases = append(cases, bt.Case{Args: []string{"column", "-x", "-c", w, "-L", name}})
		case 2:
			cases = append(cases, bt.Case{Args: []string{"column", "-t", "-R", "2,4", "-N", "A,B,C", name}})
		case 3:
			cases = append(cases, bt.Case{Args: []string{"column", "-t", "-s", ":", "-H", "3", "-O", "2", name}})
		case 4:
			cases = append(cases, bt.Case{Args: []string{"column", "-t", "-l", fmt.Sprint(1 + r.Intn(4)), "-L", name}})
		case 5:
			cases = append(cases, bt.Case{Args: []string{"column", "-J", "-s", ":", "-N", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q", name}})
		}
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func numbered(from, to int, change map[int]string) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s)
			continue
		}
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2024, 3, 4, 5, 6, 7, 0, time.UTC)
	tree := []bt.Entry{
		bt.File("a", "one\ntwo\nthree\n").WithTime(old),
		bt.File("b", "one\nTWO\nthree\nfour\n").WithTime(newer),
		bt.File("a2", "one\ntwo\nthree\n").WithTime(old),
		bt.File("empty", "").WithTime(old),
		bt.File("nonl1", "x\ny").WithTime(old),
		bt.File("nonl2", "x\nz").WithTime(old),
		bt.File("nonl3", "x\ny\n").WithTime(old),
		bt.File("long1", numbered(1, 40, nil)).WithTime(old),
		bt.File("long2", numbered(1, 40, map[int]string{3: "changed 3\n", 10: "", 11: "", 20: "line 20\nnew after 20\n", 38: "changed 38\n"})).WithTime(newer),
		bt.File("long3", numbered(1, 40, map[int]string{8: "x\n", 15: "y\n"})).WithTime(newer),
		bt.File("ws1", "a b\n  indented\nCase\ntrail  \n").WithTime(old),
		bt.File("ws2", "a   b\nindented\ncase\ntrail\n").WithTime(newer),
		bt.File("bl1", "a\n\n\nb\nc\n").WithTime(old),
		bt.File("bl2", "a\nb\n\nc\nd\n").WithTime(newer),
		bt.File("bin1", "x\x00y").WithTime(old),
		bt.File("bin2", "x\x00z").WithTime(old),
		bt.File("bin3", "x\x00y").WithTime(old),
		bt.File("crlf", "one\r\ntwo\r\nthree\r\n").WithTime(old),
		bt.File("dup1", "a\nb\na\nb\na\nb\nc\n").WithTime(old),
		bt.File("dup2", "b\na\nb\nc\na\nb\n").WithTime(old),
		bt.Dir("d1").WithTime(old),
		bt.File("d1/f", "x\n").WithTime(old),
		bt.File("d1/s", "same\n").WithTime(old),
		bt.File("d1/oa", "q\n").WithTime(old),
		bt.File("d1/sub/g", "1\n").WithTime(old),
		bt.File("d1/sub/only", "o\n").WithTime(old),
		bt.Dir("d1/fd").WithTime(old),
		bt.Dir("d1/onlydir").WithTime(old),
		bt.File("d1/onlydir/h", "h\n").WithTime(old),
		bt.File("d1/a", "one\ntwo\nthree\n").WithTime(old),
		bt.File("d2/f", "y\n").WithTime(newer),
		bt.File("d2/s", "same\n").WithTime(old),
		bt.File("d2/ob", "z\n").WithTime(newer),
		bt.File("d2/sub/g", "2\n").WithTime(newer),
		bt.File("d2/fd", "f\n").WithTime(old),
		bt.File("d2/a", "one\ntwo\n").WithTime(old),
		bt.Dir("d3"),
		bt.File("d3/s", "same\n").WithTime(old),
	}
	cases := []bt.Case{
		{Args: []string{"diff", "a", "b"}},
		{Args: []string{"diff", "a", "a2"}},
		{Args: []string{"diff", "b", "a"}},
		{Args: []string{"diff", "a", "empty"}},
		{Args: []string{"diff", "empty", "a"}},
		{Args: []string{"diff", "nonl1", "nonl2"}},
		{Args: []string{"diff", "nonl1", "nonl3"}},
		{Args: []string{"diff", "nonl3", "nonl1"}},
		{Args: []string{"diff", "long1", "long2"}},
		{Args: []string{"diff", "long2", "long1"}},
		{Args: []string{"diff", "dup1", "dup2"}},
		{Args: []string{"diff", "-u", "a", "b"}},
		{Args: []string{"diff", "-u", "b", "a"}},
		{Args: []string{"diff", "-u", "long1", "long2"}},
		{Args: []string{"diff", "-u", "long1", "long3"}},
		{Args: []string{"diff", "-U", "1", "long1", "long2"}},
		{Args: []string{"diff", "-U0", "long1", "long2"}},
		{Args: []string{"diff", "--unified=5", "long1", "long2"}},
		{Args: []string{"diff", "-U", "10", "long1", "long3"}},
		{Args: []string{"diff", "-u", "nonl1", "nonl2"}},
		{Args: []string{"diff", "-u", "nonl1", "nonl3"}},
		{Args: []string{"diff", "-u", "empty", "a"}},
		{Args: []string{"diff", "-u", "a", "empty"}},
		{Args: []string{"diff", "-u", "dup1", "dup2"}},
		{Args: []string{"diff", "-c", "a", "b"}},
		{Args: []string{"diff", "-c", "long1", "long2"}},
		{Args: []string{"diff", "-C", "1", "long1", "long3"}},
		{Args: []string{"diff", "--context=0", "long1", "long2"}},
		{Args: []string{"diff", "-c", "nonl1", "nonl2"}},
		{Args: []string{"diff", "-c", "empty", "a"}},
		{Args: []string{"diff", "-c", "a", "empty"}},
		{Args: []string{"diff", "-q", "a", "b"}},
		{Args: []string{"diff", "--brief", "a", "a2"}},
		{Args: []string{"diff", "-s", "a", "a2"}},
		{Args: []string{"diff", "-s", "a", "b"}},
		{Args: []string{"diff", "--report-identical-files", "-q", "a", "a2"}},
		{Args: []string{"diff", "ws1", "ws2"}},
		{Args: []string{"diff", "-i", "ws1", "ws2"}},
		{Args: []string{"diff", "-w", "ws1", "ws2"}},
		{Args: []string{"diff", "-b", "ws1", "ws2"}},
		{Args: []string{"diff", "-iw", "ws1", "ws2"}},
		{Args: []string{"diff", "-ib", "-u", "ws1", "ws2"}},
		{Args: []string{"diff", "bl1", "bl2"}},
		{Args: []string{"diff", "-B", "bl1", "bl2"}},
		{Args: []string{"diff", "-uB", "bl1", "bl2"}},
		{Args: []string{"diff", "-B", "a", "b"}},
		{Args: []string{"diff", "bin1", "bin2"}},
		{Args: []string{"diff", "bin1", "bin3"}},
		{Args: []string{"diff", "-q", "bin1", "bin2"}},
		{Args: []string{"diff", "-a", "bin1", "bin2"}},
		{Args: []string{"diff", "crlf", "a"}},
		{Args: []string{"diff", "--strip-trailing-cr", "crlf", "a"}},
		{Args: []string{"diff", "--label", "L1", "--label", "L2", "-u", "a", "b"}},
		{Args: []string{"diff", "--label=old", "-c", "a", "b"}},
		{Args: []string{"diff", "--color=never", "-u", "a", "b"}},
		{Args: []string{"diff", "--color=auto", "a", "b"}},
		{Args: []string{"diff", "--color=bad", "a", "b"}},
		{Args: []string{"diff", "-d", "long1", "long2"}},
		{Args: []string{"diff", "--normal", "-u", "a", "b"}},
		{Args: []string{"diff", "-u", "--normal", "a", "b"}},
		{Args: []string{"diff", "a", "-"}, Stdin: "one\ntwo\n"},
		{Args: []string{"diff", "-", "a"}, Stdin: "one\ntwo\nthree\n"},
		{Args: []string{"diff", "d1", "d2"}},
		{Args: []string{"diff", "-r", "d1", "d2"}},
		{Args: []string{"diff", "-ru", "d1", "d2"}},
		{Args: []string{"diff", "-r", "-u", "d2", "d1"}},
		{Args: []string{"diff", "-rq", "d1", "d2"}},
		{Args: []string{"diff", "-rN", "d1", "d2"}},
		{Args: []string{"diff", "-Nru", "d1", "d2"}},
		{Args: []string{"diff", "-r", "--unified=1", "d1", "d2"}},
		{Args: []string{"diff", "-r", "-U", "1", "d1", "d2"}},
		{Args: []string{"diff", "-rs", "d1", "d3"}},
		{Args: []string{"diff", "-r", "d3", "d3"}},
		{Args: []string{"diff", "a", "d1"}},
		{Args: []string{"diff", "d1", "a"}},
		{Args: []string{"diff", "b", "d1"}},
		{Args: []string{"diff", "-N", "a", "nope"}},
		{Args: []string{"diff", "-uN", "nope", "a"}},
		{Args: []string{"diff", "nope", "a"}},
		{Args: []string{"diff", "a", "nope"}},
		{Args: []string{"diff", "a"}},
		{Args: []string{"diff"}},
		{Args: []string{"diff", "a", "b", "c"}},
		{Args: []string{"diff", "-U", "x", "a", "b"}},
		{Args: []string{"diff", "--bogus", "a", "b"}},
		{Args: []string{"diff", "-Z", "a", "b"}},
		{Args: []string{"diff", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// statVolatile hides what differs between the host copy and the overlay:
// device and inode numbers, change and birth times.
var statVolatile = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^Device: .*\tInode: \d+ *`),
	regexp.MustCompile(`(?m)^(Change|Birth|Change:|\s*Birth:).*$`),
	regexp.MustCompile(`(?m)^ Birth: .*$`),
	regexp.MustCompile(`(?m)^Change: .*$`),
}

// statNow hides times of "now" (a directory's access time, a symlink's
// times), which differ between the sides by a few microseconds; the
// fixture's own times are in 2021.
var statNow = []*regexp.Regexp{
	regexp.MustCompile(`20(2[2-9]|[3-9]\d)-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \+0000`),
	regexp.MustCompile(`\b1[7-9]\d{8}\b`),
}

func statNowNormalize(s string) string {
	for _, re := range statNow {
		s = re.ReplaceAllString(s, "NOW")
	}
	return s
}

func statNormalize(s string) string {
	s = statNowNormalize(s)
	for _, re := range statVolatile {
		s = re.ReplaceAllString(s, "<volatile>")
	}
	return s
}

// statTerseNormalize hides the device, inode, ctime and birth fields of
// stat -t lines (fields 7, 8, 14 and 15): the sandbox knows no birth time.
func statTerseNormalize(s string) string {
	s = statNowNormalize(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) >= 16 {
			n := len(f)
			f[n-10], f[n-9], f[n-3], f[n-2] = "DEV", "INO", "CTIME", "BIRTH"
			lines[i] = strings.Join(f, " ")
		}
	}
	return strings.Join(lines, "\n")
}

func TestStat(t *testing.T) {
	when := time.Date(2021, 3, 4, 5, 6, 7, 123456789, time.UTC)
	tree := []bt.Entry{
		bt.File("a", "hello").WithTime(when),
		bt.File("empty", "").WithTime(when),
		bt.File("x", "#!/bin/sh\n").WithMode(fs.ModeSetuid | 0o755).WithTime(when),
		bt.File("big", string(make([]byte, 10000))).WithTime(when),
		bt.Dir("d").WithMode(fs.ModeSticky | 0o777).WithTime(when),
		bt.Symlink("l", "a"),
		bt.Symlink("dangling", "nowhere"),
		bt.File("a b", "spaced").WithTime(when),
		bt.File("own", "o").WithOwner(12345, 12346).WithTime(when),
		bt.File("it's", "q").WithTime(when),
	}
	fields := "%n|%N|%s|%b|%B|%f|%F|%a|%A|%u|%U|%g|%G|%h|%t|%T|%x|%X|%y|%Y|%o|%%"
	cases := []bt.Case{
		{Args: []string{"stat", "-c", fields, "a", "empty", "x", "big", "d", "a b", "own", "it's"}},
		{Args: []string{"stat", "-c", fields, "l", "dangling"}},
		{Args: []string{"stat", "-L", "-c", fields, "l"}},
		{Args: []string{"stat", "-L", "-c", "%n", "dangling", "a"}},
		{Args: []string{"stat", "--format=%N", "l", "a b", "it's"}},
		{Args: []string{"stat", "-c", "%-8s|%8n|%08s|%+5s|%#o|%#x|%#f|%5a|%-6h|", "a", "d"}},
		{Args: []string{"stat", "-c", "%.3y|%.9Y|%.1X|%10.3Y|%-14.2Y|%.12Y|%.5n|", "a"}},
		{Args: []string{"stat", "-c", "%Hr,%Lr %t %T %r %R", "a"}},
		{Args: []string{"stat", "-c", "%q %", "a"}},
		{Args: []string{"stat", "-c", "", "a"}},
		{Args: []string{"stat", "-c", "%s %z", "--printf=x%sy\\n", "a"}},
		{Args: []string{"stat", "--printf=%n\\t%s\\n\\x41\\101\\\\\\a", "a", "empty"}},
		{Args: []string{"stat", "--printf=%s", "a", "big"}},
		{Args: []string{"stat", "--printf=\\q\\n", "a"}},
		{Args: []string{"stat", "-c", "a\\nb", "a"}},
		{Args: []string{"stat", "-c", "%y", "-t", "a"}},
		{Args: []string{"stat", "a", "empty", "d", "l", "a b", "own"}, Normalize: statNormalize},
		{Args: []string{"stat", "-L", "l"}, Normalize: statNormalize},
		{Args: []string{"stat", "-t", "a", "d", "l", "own"}, Normalize: statTerseNormalize},
		{Args: []string{"stat", "--terse", "-L", "l"}, Normalize: statTerseNormalize},
		{Args: []string{"stat", "nope"}},
		{Args: []string{"stat", "-c", "%n", "a", "nope", "empty"}},
		{Args: []string{"stat", "-f", "nope"}},
		{Args: []string{"stat", "a/"}},
		{Args: []string{"stat", "-c", "%n", ""}},
		{Args: []string{"stat"}},
		{Args: []string{"stat", "-c"}},
		{Args: []string{"stat", "--cached=bogus", "a"}},
		{Args: []string{"stat", "-z", "a"}},
		{Args: []string{"stat", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
		if cases[i].Normalize == nil {
			cases[i].Normalize = statNowNormalize
		}
	}
	bt.RunAll(t, cases)
}

package builtins_test

import (
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTouch(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	ref := time.Date(2010, 6, 7, 8, 9, 10, 500, time.UTC)
	tree := []bt.Entry{
		bt.File("f", "file").WithTime(old),
		bt.File("ref", "r").WithTime(ref),
		bt.Dir("d").WithTime(old),
		bt.File("d/x", "x").WithTime(old),
		bt.Symlink("lf", "f"),
		bt.Symlink("dangling", "nowhere"),
		bt.File("ro", "").WithMode(0o444).WithTime(old),
	}
	cases := []bt.Case{
		{Args: []string{"touch", "new"}},
		{Args: []string{"touch", "new1", "new2", "d/new3"}},
		{Args: []string{"touch", "f"}},
		{Args: []string{"touch", "-a", "f"}},
		{Args: []string{"touch", "-m", "f"}},
		{Args: []string{"touch", "-am", "f"}},
		{Args: []string{"touch", "-c", "missing"}},
		{Args: []string{"touch", "-c", "f"}},
		{Args: []string{"touch", "--no-create", "missing", "f"}},
		{Args: []string{"touch", "d"}},
		{Args: []string{"touch", "ro"}},
		{Args: []string{"touch", "lf"}},
		{Args: []string{"touch", "dangling"}},
		{Args: []string{"touch", "nodir/x"}},
		{Args: []string{"touch", "f/x"}},
		{Args: []string{"touch", ""}},
		{Args: []string{"touch"}},
		{Args: []string{"touch", "-d", "2020-02-03", "f", "new"}},
		{Args: []string{"touch", "-d", "2021-01-02 03:04:05", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02 03:04", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02 03:04:05.123456789", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02T03:04:05Z", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02T03:04:05+02:00", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02 03:04:05 UTC", "f"}},
		{Args: []string{"touch", "-d", "@1700000000", "f"}},
		{Args: []string{"touch", "-d", "@1700000000.25", "f"}},
		{Args: []string{"touch", "-d", "@0", "f"}},
		{Args: []string{"touch", "--date=Jan 2 2020", "f"}},
		{Args: []string{"touch", "--date", "2 Feb 2019 10:00", "f"}},
		{Args: []string{"touch", "-d", "2021-13-01", "f"}},
		{Args: []string{"touch", "-d", "2021-02-30", "f"}},
		{Args: []string{"touch", "-d", "bogus", "f"}},
		{Args: []string{"touch", "-d", "2021-01-02 +0100", "f"}},
		{Args: []string{"touch", "-d", "yesterday", "f"}, TimeSlack: 5 * time.Second},
		{Args: []string{"touch", "-d", "2020-01-01 10:00 2 days ago", "f"}},
		{Args: []string{"touch", "-d", "2020-01-31 +1 month", "f"}},
		{Args: []string{"touch", "-t", "202401011200", "f"}},
		{Args: []string{"touch", "-t", "2401011200.30", "f"}},
		{Args: []string{"touch", "-t", "7001011200", "f"}},
		{Args: []string{"touch", "-t", "202401011200.5", "f"}},
		{Args: []string{"touch", "-t", "202413011200", "f"}},
		{Args: []string{"touch", "-t", "abc", "f"}},
		{Args: []string{"touch", "-r", "ref", "f", "new"}},
		{Args: []string{"touch", "-r", "nope", "f"}},
		{Args: []string{"touch", "--reference=ref", "-m", "f"}},
		{Args: []string{"touch", "-r", "ref", "-a", "f"}},
		{Args: []string{"touch", "-r", "ref", "-d", "2020-01-01", "f"}},
		{Args: []string{"touch", "-r", "ref", "-d", "1 day ago", "f"}},
		{Args: []string{"touch", "-d", "2020-02-03", "-t", "2401011200", "f"}},
		{Args: []string{"touch", "--time=atime", "-d", "2020-02-03", "f"}},
		{Args: []string{"touch", "--time=modify", "-d", "2020-02-03", "f"}},
		{Args: []string{"touch", "--time=bogus", "f"}},
		{Args: []string{"touch", "-f", "f"}},
		{Args: []string{"touch", "-h", "-d", "2020-02-03", "f"}},
		{Args: []string{"touch", "-"}},
		{Args: []string{"touch", "-z", "f"}},
		{Args: []string{"touch", "-d"}},
		{Args: []string{"touch", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
		cases[i].Times, cases[i].Atimes = true, true
	}
	cases = append(cases, bt.Case{Args: []string{"touch", "-d", "3 hours ago", "-m", "f"}, Tree: tree, Times: true, Atimes: true, TimeSlack: 5 * time.Second})
	bt.RunAll(t, cases)
}

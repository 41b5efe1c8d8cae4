package builtins_test

import (
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestDate(t *testing.T) {
	const B = "2024-01-03 10:20:30"
	const D = "2024-01-03 10:20:30.123456789"
	tree := []bt.Entry{
		bt.File("f", "x").WithTime(time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)),
		bt.File("dates", "2024-01-05\n@0\nbogus\nJan 2 2024 10:00\n"),
	}
	d := func(s string, args ...string) bt.Case {
		return bt.Case{Args: append([]string{"date", "-d", s}, args...)}
	}
	full := "+%F %T.%N %z %Z %a"
	cases := []bt.Case{
		d(B), d(D, "-R"), d(D, "-I"), d(D, "-Ih"), d(D, "-Im"), d(D, "-Is"), d(D, "-Ins"),
		d(D, "--iso-8601"), d(D, "--iso-8601=minutes"), d(D, "--iso=sec"),
		d(D, "--rfc-3339=ns"), d(D, "--rfc-3339=date"), d(D, "--rfc-3339=seconds"), d(D, "--rfc-3339=s"),
		d(D, "--rfc-3339"), d(D, "-Ix"), d(D, "--rfc-3339=bogus"), d(D, "-R", "-I"), d(D, "-R", "+%s"),
		d(D, "-u"), d(D, "--utc", "+%H %Z"),
		d(D, "+%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %:::z %Z %%"),
		d("2024-01-05 03:04:05", "+%-d|%_d|%05d|%5e|%-e|%0e|%^a|%#a|%#p|%^p|%#Z|%10a|%010a|%-10a|%3N|%_3m|%-j|%3j|%-H|%_H|%k|%-k|%0k|%l|%-I|%12F|%_12F|%10T|%-z|%_10z|%010z|%^B|%#b|%^c"),
		d("1999-12-31 23:59:59", "+%G-W%V-%u %g %U %W %j %C %y"),
		d("2021-01-03", "+%G-W%V-%u %U %W"),
		d("2020-12-31", "+%G-W%V-%u %U %W %j"),
		d("2024-01-05 03:04:05", "+%Q %E %Ey %Oy %:"),
		d("@1700000000", full), d("@1700000000.5", full), d("@-1", full), d("@0"), d("@-1.25", full),
		d("2024-01-05T03:04:05Z", full), d("2024-01-05T03:04:05+05:30", full), d("2024-01-05T03:04:05.25-0800", full),
		d("2024-01-05 03:04:05 EST", full), d("2024-07-05 03:04:05 CEST", full), d("2024-01-05 03:04 UTC+3", full),
		d(B+" UTC", full), d(B+" +0200", full), d(B+" +1 day", full), d(B+" + 3 hours 10 minutes", full),
		d(B+" -2 weeks", full), d("2024-01-03 -1 day", full), d("1 day ago 2024-01-03", full),
		d(B+" 2 days ago", full), d(B+" next monday", full), d(B+" monday", full), d(B+" tomorrow", full),
		d(B+" yesterday", full), d(B+" next week", full), d(B+" last year", full), d(B+" fortnight ago", full),
		d(B+" 1 year 2 months", full), d(B+" 3 sec ago", full), d(B+" next day", full), d(B+" last month", full),
		d("2024-01-31 +1 month", full), d("2024-02-29 +1 year", full), d("2024-03-31 -1 month", full),
		d("Jan 2 2024", full), d("2 Jan 2024", full), d("January 2, 2024 3pm", full), d("Sept 5 2024", full),
		d("5-Jan-2024", full), d("2024/01/05", full), d("01/05/24", full), d("12/25/2024", full),
		d("20240105", full), d("2024-01-05 1230", full), d("2024-01-05 7", full), d("Jan 5 2024 10:00:01 pm", full),
		d("2024-01-05 12am", full), d("2024-01-05 12:30pm", full), d("2024-01-05 12:30 am", full),
		d("Wed Jan  3 10:20:30 UTC 2024", full), d("Wed, 03 Jan 2024 10:20:30 +0000", full),
		d("2024-01-05 (a comment) 10:00", full), d("TZ=\"Asia/Tokyo\" "+B, full),
		d("2024-01-05 10:00:00 +1 hour", full), d("2024-01-05 10:00:00 1 hour ago", full),
		d("2024-01-05 10:00:00 -90 minutes", full), d("2024-01-05 +36 hours", full),
		d("2024-01-03 10:20:30 sunday week", full), d("2024-01-05 12:00 first monday", full),
		d("xyz"), d("25:00"), d("24:00"), d("23:59:60"), d("2024-13-01"), d("2024-02-30"), d("2023-02-29"),
		d(B + " 5"), d("2024-01-05 10:00 11:00"), d("1 2 3"), d("13pm"), d("@x"), d("@"), d("2024-01-05 ago"),
		d(""),
		// Relative to now: only the date is printed, which both sides
		// compute alike unless the test straddles midnight.
		d("now", "+%F"), d("today", "+%F"), d("tomorrow", "+%F"), d("yesterday", "+%F"),
		d("next monday", "+%F %T"), d("last friday", "+%F %T"), d("this wednesday", "+%F"),
		d("sunday", "+%F"), d("3 days ago", "+%F"), d("+2 weeks", "+%F"), d("next month", "+%Y-%m"),
		d("Dec 25", "+%F %T"), d("12/25", "+%F"), d("10:20", "+%F %T"), d("10am", "+%T"),
		{Args: []string{"date", "-d", D}, Env: []string{"TZ=America/New_York"}},
		{Args: []string{"date", "-u", "-d", D}, Env: []string{"TZ=America/New_York"}},
		{Args: []string{"date", "-d", "2024-07-01 12:00", "+%F %T %Z %z"}, Env: []string{"TZ=Europe/Paris"}},
		{Args: []string{"date", "-d", "@0", "+%z %:z %::z %:::z %Z"}, Env: []string{"TZ=Asia/Kolkata"}},
		{Args: []string{"date", "-d", "2024-03-10 01:30 +1 hour", "+%F %T %Z"}, Env: []string{"TZ=America/New_York"}},
		{Args: []string{"date", "-r", "f"}},
		{Args: []string{"date", "-r", "f", "+%s"}},
		{Args: []string{"date", "--reference=f", "-I"}},
		{Args: []string{"date", "-r", "nofile"}},
		{Args: []string{"date", "-f", "dates"}},
		{Args: []string{"date", "-f", "-", "+%s"}, Stdin: "@5\n@6\n"},
		{Args: []string{"date", "-f", "nofile"}},
		{Args: []string{"date", "-d", "x", "-r", "f"}},
		{Args: []string{"date", "x"}},
		{Args: []string{"date", "0101"}},
		{Args: []string{"date", "-d", "x", "-s", "y"}},
		{Args: []string{"date", "-d", B, "0101"}},
		{Args: []string{"date", "+%s", "a"}},
		{Args: []string{"date", "--bogus"}},
		{Args: []string{"date", "-d"}},
		{Args: []string{"date", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

func TestDatePlain(t *testing.T) {
	runPlainCases(t, []plainCase{
		{args: []string{"date", "01010000"}, err: "date: cannot set date: Operation not permitted\n", status: 1},
		{args: []string{"date", "-s", "2024-01-01"}, err: "date: cannot set date: Operation not permitted\n", status: 1},
		{args: []string{"date", "-s", "bogus"}, err: "date: invalid date 'bogus'\n", status: 1},
		{args: []string{"date"}, out: "*"},
		{args: []string{"date", "+%Y"}, out: time.Now().UTC().Format("2006") + "\n"},
	})
}

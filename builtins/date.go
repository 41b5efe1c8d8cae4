package builtins

// date, as GNU coreutils' (9.1): prints the time now, or the one given by
// -d/--date=STRING (GNU date strings: see util_parsedate.go), by each
// line of -f/--file=FILE, or the modification time of -r/--reference=FILE,
// as +FORMAT (strftime with GNU's flags, widths, %N and %:z: see
// util_strftime.go) or as -I[FMT]/--iso-8601[=FMT] (date, hours, minutes,
// seconds, ns), -R/--rfc-email or --rfc-3339=FMT (date, seconds, ns).
// -u/--utc/--universal works in UTC; the zone otherwise comes from $TZ.
// Setting the clock (-s/--set, or an MMDDhhmm[[CC]YY][.ss] operand) is
// refused: "date: cannot set date: Operation not permitted". Not
// supported: --debug, --resolution.

import (
	"bufio"
	"io"
	"strings"
	"time"
)

func init() { Register("date", date) }

var dateSpec = optSpec{
	Short: "d:f:r:Rs:u",
	Long: []longOpt{
		{Name: "date", Arg: requiredArg, Key: "d"},
		{Name: "file", Arg: requiredArg, Key: "f"},
		{Name: "iso-8601", Arg: optionalArg, Key: "I"},
		{Name: "reference", Arg: requiredArg, Key: "r"},
		{Name: "rfc-email", Key: "R"},
		{Name: "rfc-822", Key: "R"},
		{Name: "rfc-2822", Key: "R"},
		{Name: "rfc-3339", Arg: requiredArg, Key: "rfc-3339"},
		{Name: "set", Arg: requiredArg, Key: "s"},
		{Name: "utc", Key: "u"},
		{Name: "universal", Key: "u"},
		{Name: "uct", Key: "u"},
	},
	Status: 1,
	Usage: `Usage: date [OPTION]... [+FORMAT]
  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]
Display date and time in the given FORMAT.
With -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.

Mandatory arguments to long options are mandatory for short options too.
  -d, --date=STRING          display time described by STRING, not 'now'
  -f, --file=DATEFILE        like --date; once for each line of DATEFILE
  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format.
                               FMT='date' for date only (the default),
                               'hours', 'minutes', 'seconds', or 'ns'
                               for date and time to the indicated precision.
  -R, --rfc-email            output date and time in RFC 5322 format.
      --rfc-3339=FMT         output date/time in RFC 3339 format.
                               FMT='date', 'seconds', or 'ns'
  -r, --reference=FILE       display the last modification time of FILE
  -s, --set=STRING           set time described by STRING
  -u, --utc, --universal     print or set Coordinated Universal Time (UTC)
      --help        display this help and exit
      --version     output version information and exit
`,
}

var (
	isoFormats = map[string]string{
		"date":    "%Y-%m-%d",
		"hours":   "%Y-%m-%dT%H%:z",
		"minutes": "%Y-%m-%dT%H:%M%:z",
		"seconds": "%Y-%m-%dT%H:%M:%S%:z",
		"ns":      "%Y-%m-%dT%H:%M:%S,%N%:z",
	}
	rfc3339Formats = map[string]string{
		"date":    "%Y-%m-%d",
		"seconds": "%Y-%m-%d %H:%M:%S%:z",
		"ns":      "%Y-%m-%d %H:%M:%S.%N%:z",
	}
)

func date(c *Context) int {
	c, _ = c.withStickyStdout()
	// -I takes an optional argument, which parseOpts has only for long
	// options: -I and -IFMT become --iso-8601[=FMT].
	c2 := *c
	c2.Args = append([]string(nil), c.Args...)
	for i, a := range c2.Args[1:] {
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "-I") {
			c2.Args[i+1] = "--iso-8601"
			if len(a) > 2 {
				c2.Args[i+1] += "=" + a[2:]
			}
		}
	}
	p, err := c2.parseOpts(&dateSpec)
	if err != nil {
		return exitStatus(err)
	}
	var dateStr, file, ref, set string
	hasDate, hasFile, hasRef, hasSet, utc := false, false, false, false, false
	format, formats := "", 0
	for _, o := range p.Opts {
		switch o.Key {
		case "d":
			dateStr, hasDate = o.Val, true
		case "f":
			file, hasFile = o.Val, true
		case "r":
			ref, hasRef = o.Val, true
		case "s":
			set, hasSet = o.Val, true
		case "u":
			utc = true
		case "R":
			format = "%a, %d %b %Y %H:%M:%S %z"
			formats++
		case "I":
			v := "date"
			if o.HasVal {
				m, ok := c.argMatch(o.Name, o.Val, [][]string{{"hours"}, {"minutes"}, {"date"}, {"seconds"}, {"ns"}})
				if !ok {
					return 1
				}
				v = m
			}
			format = isoFormats[v]
			formats++
		case "rfc-3339":
			m, ok := c.argMatch(o.Name, o.Val, [][]string{{"date"}, {"seconds"}, {"ns"}})
			if !ok {
				return 1
			}
			format = rfc3339Formats[m]
			formats++
		}
	}
	n := 0
	for _, b := range []bool{hasDate, hasFile, hasRef} {
		if b {
			n++
		}
	}
	if n > 1 {
		return c.usageErr(1, "the options to specify dates for printing are mutually exclusive")
	}
	if hasSet && n > 0 {
		return c.usageErr(1, "the options to print and set the time may not be used together")
	}
	ops := p.Operands
	if len(ops) > 1 {
		return c.usageErr(1, "extra operand %s", quote(ops[1]))
	}
	if len(ops) == 1 {
		if strings.HasPrefix(ops[0], "+") {
			if formats > 0 {
				return c.Failf(1, "multiple output formats specified")
			}
			format = ops[0][1:]
		} else if hasSet || n > 0 {
			return c.usageErr(1, "the argument %s lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'", quote(ops[0]))
		} else {
			if !validSetStamp(ops[0]) {
				return c.Failf(1, "invalid date %s", quote(ops[0]))
			}
			return c.Failf(1, "cannot set date: Operation not permitted")
		}
	} else if formats > 1 {
		return c.Failf(1, "multiple output formats specified")
	}
	if format == "" && formats == 0 {
		format = "%a %b %e %H:%M:%S %Z %Y"
	}
	loc := c.location()
	if utc {
		loc = time.UTC
	}
	now := time.Now()
	if hasSet {
		if _, ok := parseDateString(set, now, loc); !ok {
			return c.Failf(1, "invalid date %s", quote(set))
		}
		return c.Failf(1, "cannot set date: Operation not permitted")
	}
	out := newErrWriter(c.Stdout)
	status := 0
	switch {
	case hasFile:
		status = c.dateFile(out, file, format, now, loc)
	case hasRef:
		fi, err := c.stat(ref)
		if err != nil {
			c.PathErr(ref, err)
			return 1
		}
		out.WriteString(strftime(format, fi.ModTime().In(loc)) + "\n")
	case hasDate:
		t, ok := parseDateString(dateStr, now, loc)
		if !ok {
			return c.Failf(1, "invalid date %s", quote(dateStr))
		}
		out.WriteString(strftime(format, t) + "\n")
	default:
		out.WriteString(strftime(format, now.In(loc)) + "\n")
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// dateFile prints each line of file ("-" for stdin) as a date.
func (c *Context) dateFile(out *errWriter, file, format string, now time.Time, loc *time.Location) int {
	r, err := c.openInput(file)
	if err != nil {
		c.PathErr(file, err)
		return 1
	}
	defer r.Close()
	status := 0
	br := bufio.NewReader(r)
	for !c.stopped() {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			if err != io.EOF {
				c.PathErr(file, err)
				return 1
			}
			break
		}
		line = strings.TrimSuffix(line, "\n")
		t, ok := parseDateString(line, now, loc)
		if !ok {
			out.Flush()
			c.Errorf("invalid date %s", quote(line))
			status = 1
			continue
		}
		out.WriteString(strftime(format, t) + "\n")
	}
	return status
}

// validSetStamp reports whether s is MMDDhhmm[[CC]YY][.ss] with fields in
// range.
func validSetStamp(s string) bool {
	main, secs, hasSecs := strings.Cut(s, ".")
	if hasSecs && (len(secs) != 2 || !allDigits(secs)) {
		return false
	}
	if !allDigits(main) || len(main) != 8 && len(main) != 10 && len(main) != 12 {
		return false
	}
	num := func(s string) int {
		n := 0
		for _, ch := range s {
			n = n*10 + int(ch-'0')
		}
		return n
	}
	mo, d, h, mi := num(main[0:2]), num(main[2:4]), num(main[4:6]), num(main[6:8])
	return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && (!hasSecs || num(secs) <= 60)
}

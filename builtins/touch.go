package builtins

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// touch, as GNU's: creates missing files, sets access and modification
// times to now, or from -d DATE, -r FILE or -t STAMP; -a, -m, -c,
// --time=WORD, -f (ignored), -h (only for files that are not symlinks:
// the filesystem cannot set a symlink's own times). "-" is stdout, which
// is left alone. -d accepts a subset of GNU's date syntax: @EPOCH[.frac],
// YYYY-MM-DD, month names (Jan 2 2020, 2 Jan 2020), HH:MM[:SS[.frac]],
// ISO 8601/RFC 3339 with T and a zone (Z, UTC, +HH:MM), now, today,
// yesterday, tomorrow, and relative items such as "2 days ago", "+1 hour";
// with -r, relative items apply to the reference file's times.

func init() { Register("touch", touch) }

var touchSpec = optSpec{
	Short: "acd:fhmr:t:",
	Long: []longOpt{
		{Name: "no-create", Key: "c"},
		{Name: "date", Arg: requiredArg, Key: "d"},
		{Name: "no-dereference", Key: "h"},
		{Name: "reference", Arg: requiredArg, Key: "r"},
		{Name: "time", Arg: requiredArg, Key: "time"},
	},
	Status: 1,
	Usage: `Usage: touch [OPTION]... FILE...
Update the access and modification times of each FILE to the current time.

A FILE argument that does not exist is created empty, unless -c or -h
is supplied.

A FILE argument string of - is handled specially and causes touch to
change the times of the file associated with standard output.

Mandatory arguments to long options are mandatory for short options too.
  -a                     change only the access time
  -c, --no-create        do not create any files
  -d, --date=STRING      parse STRING and use it instead of current time
  -f                     (ignored)
  -h, --no-dereference   affect each symbolic link instead of any referenced
                         file (not supported for symlinks in the sandbox)
  -m                     change only the modification time
  -r, --reference=FILE   use this file's times instead of current time
  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time
      --time=WORD        change the specified time:
                           WORD is access, atime, or use: equivalent to -a
                           WORD is modify or mtime: equivalent to -m
      --help        display this help and exit
      --version     output version information and exit
`,
}

func touch(c *Context) int {
	p, err := c.parseOpts(&touchSpec)
	if err != nil {
		return exitStatus(err)
	}
	var (
		atimeOnly, mtimeOnly, noCreate, noDeref bool
		date, ref, stamp                        string
		hasDate, hasRef, hasStamp               bool
	)
	for _, op := range p.Opts {
		switch op.Key {
		case "a":
			atimeOnly = true
		case "m":
			mtimeOnly = true
		case "c":
			noCreate = true
		case "h":
			noDeref = true
		case "d":
			date, hasDate = op.Val, true
		case "r":
			ref, hasRef = op.Val, true
		case "t":
			stamp, hasStamp = op.Val, true
		case "time":
			w, ok := c.argMatch("--time", op.Val, [][]string{{"atime", "access", "use"}, {"mtime", "modify"}})
			if !ok {
				return 1
			}
			if w == "atime" {
				atimeOnly = true
			} else {
				mtimeOnly = true
			}
		}
	}
	if hasStamp && (hasDate || hasRef) {
		return c.usageErr(1, "cannot specify times from more than one source")
	}
	now := time.Now()
	loc := c.location()
	atime, mtime := now, now
	if hasRef {
		stat := c.stat
		if noDeref {
			stat = c.lstat
		}
		rfi, err := stat(ref)
		if err != nil {
			return c.Failf(1, "failed to get attributes of %s: %s", quote(ref), ErrText(err))
		}
		atime, mtime = fileTimes(rfi)
	}
	if hasDate {
		a, okA := parseDate(date, atime, loc)
		m, okM := parseDate(date, mtime, loc)
		if !okA || !okM {
			return c.Failf(1, "invalid date format %s", quote(date))
		}
		atime, mtime = a, m
	}
	if hasStamp {
		t, ok := parseStamp(stamp, now, loc)
		if !ok {
			return c.Failf(1, "invalid date format %s", quote(stamp))
		}
		atime, mtime = t, t
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing file operand")
	}
	if atimeOnly && !mtimeOnly {
		mtime = time.Time{}
	} else if mtimeOnly && !atimeOnly {
		atime = time.Time{}
	}
	status := 0
	for _, name := range p.Operands {
		if c.Canceled() {
			return 1
		}
		if !c.touchOne(name, atime, mtime, noCreate || noDeref, noDeref) {
			status = 1
		}
	}
	return status
}

// touchOne sets the times of name (a zero time is left as it is),
// creating it unless noCreate, as GNU's touch function does.
func (c *Context) touchOne(name string, atime, mtime time.Time, noCreate, noDeref bool) bool {
	if name == "-" {
		return true
	}
	p := c.fsPath(name)
	var openErr error
	if !noCreate {
		f, err := c.FS.OpenFile(p, os.O_WRONLY|os.O_CREATE, 0o666)
		if err != nil {
			openErr = err
		} else {
			f.Close()
		}
	}
	var err error
	if noDeref {
		if fi, lerr := c.lstat(name); lerr == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			err = syscall.EOPNOTSUPP
		}
	}
	if err == nil {
		err = c.FS.Chtimes(p, atime, mtime)
	}
	if err == nil {
		return true
	}
	if openErr != nil && errnoOf(openErr) != syscall.EISDIR {
		c.Errorf("cannot touch %s: %s", quote(name), ErrText(openErr))
		return false
	}
	if noCreate && errnoOf(err) == syscall.ENOENT {
		return true
	}
	c.Errorf("setting times of %s: %s", quote(name), ErrText(err))
	return false
}

// parseStamp parses touch -t's [[CC]YY]MMDDhhmm[.ss] in loc.
func parseStamp(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	main, secs, hasSecs := strings.Cut(s, ".")
	if !allDigits(main) || (hasSecs && (len(secs) != 2 || !allDigits(secs))) {
		return time.Time{}, false
	}
	year := now.In(loc).Year()
	switch len(main) {
	case 8:
	case 10:
		yy, _ := strconv.Atoi(main[:2])
		if yy < 69 {
			year = 2000 + yy
		} else {
			year = 1900 + yy
		}
		main = main[2:]
	case 12:
		year, _ = strconv.Atoi(main[:4])
		main = main[4:]
	default:
		return time.Time{}, false
	}
	num := func(i int) int { n, _ := strconv.Atoi(main[i : i+2]); return n }
	month, day, hour, minute := num(0), num(2), num(4), num(6)
	sec := 0
	if hasSecs {
		sec, _ = strconv.Atoi(secs)
		if sec == 60 {
			sec = 59
		}
	}
	return makeTime(year, month, day, hour, minute, sec, 0, loc)
}

// makeTime builds a time, refusing fields out of range (2021-02-30).
func makeTime(year, month, day, hour, minute, sec, nsec int, loc *time.Location) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 59 || hour < 0 || minute < 0 || sec < 0 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, false
	}
	return t, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

var relUnits = map[string]time.Duration{
	"sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
	"min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"hour": time.Hour, "hours": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
	"fortnight": 14 * 24 * time.Hour, "fortnights": 14 * 24 * time.Hour,
	"month": -1, "months": -1, "year": -2, "years": -2,
}

// parseDate parses a touch -d date: see the comment at the top of the
// file. Relative items apply to base; a date or time of day replaces the
// corresponding part of base.
func parseDate(s string, base time.Time, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "@") {
		return parseEpoch(s[1:])
	}
	toks := dateTokens(s)
	var (
		hasDate, hasTime, hasZone bool
		year, month, day          int
		hour, minute, sec, nsec   int
		zone                      *time.Location
		days, months, years       int
		dur                       time.Duration
	)
	for i := 0; i < len(toks); i++ {
		tok := strings.ToLower(toks[i])
		if tok == "" {
			return time.Time{}, false
		}
		switch {
		case tok == "now" || tok == "today":
		case tok == "yesterday":
			days--
		case tok == "tomorrow":
			days++
		case tok == "z" || tok == "utc" || tok == "gmt" || tok == "ut":
			if hasZone {
				return time.Time{}, false
			}
			zone, hasZone = time.UTC, true
		case isISODate(tok):
			if hasDate {
				return time.Time{}, false
			}
			y, _ := strconv.Atoi(tok[:len(tok)-6])
			m, _ := strconv.Atoi(tok[len(tok)-5 : len(tok)-3])
			d, _ := strconv.Atoi(tok[len(tok)-2:])
			year, month, day, hasDate = y, m, d, true
		case strings.Contains(tok, ":") && (tok[0] >= '0' && tok[0] <= '9'):
			if hasTime {
				return time.Time{}, false
			}
			var ok bool
			var z *time.Location
			hour, minute, sec, nsec, z, ok = parseClock(tok)
			if !ok {
				return time.Time{}, false
			}
			if z != nil {
				zone, hasZone = z, true
			}
			hasTime = true
		case (tok[0] == '+' || tok[0] == '-' || allDigits(tok)) && i+1 < len(toks) && unitOf(toks[i+1]) != 0:
			n, err := strconv.Atoi(strings.TrimPrefix(tok, "+"))
			if err != nil {
				return time.Time{}, false
			}
			unit := unitOf(toks[i+1])
			i++
			if i+1 < len(toks) && strings.ToLower(toks[i+1]) == "ago" {
				n = -n
				i++
			}
			switch unit {
			case -1:
				months += n
			case -2:
				years += n
			case 24 * time.Hour:
				days += n
			case 7 * 24 * time.Hour:
				days += 7 * n
			case 14 * 24 * time.Hour:
				days += 14 * n
			default:
				dur += time.Duration(n) * unit
			}
		case unitOf(tok) != 0:
			// "day ago", "hour": one unit
			n := 1
			if i+1 < len(toks) && strings.ToLower(toks[i+1]) == "ago" {
				n = -1
				i++
			}
			switch u := unitOf(tok); u {
			case -1:
				months += n
			case -2:
				years += n
			default:
				if u%(24*time.Hour) == 0 {
					days += n * int(u/(24*time.Hour))
				} else {
					dur += time.Duration(n) * u
				}
			}
		case monthNames[strings.TrimSuffix(tok, ".")] != 0:
			if hasDate {
				return time.Time{}, false
			}
			// Jan 2 2020, Jan 2, 2020
			month = monthNames[strings.TrimSuffix(tok, ".")]
			if i+1 >= len(toks) || !allDigits(strings.TrimSuffix(toks[i+1], ",")) {
				return time.Time{}, false
			}
			day, _ = strconv.Atoi(strings.TrimSuffix(toks[i+1], ","))
			i++
			year = base.In(loc).Year()
			if i+1 < len(toks) && allDigits(toks[i+1]) && len(toks[i+1]) == 4 {
				year, _ = strconv.Atoi(toks[i+1])
				i++
			}
			hasDate = true
		case allDigits(tok) && i+1 < len(toks) && monthNames[strings.ToLower(strings.TrimSuffix(toks[i+1], "."))] != 0:
			if hasDate {
				return time.Time{}, false
			}
			// 2 Jan 2020
			day, _ = strconv.Atoi(tok)
			month = monthNames[strings.ToLower(strings.TrimSuffix(toks[i+1], "."))]
			i++
			year = base.In(loc).Year()
			if i+1 < len(toks) && allDigits(toks[i+1]) && len(toks[i+1]) == 4 {
				year, _ = strconv.Atoi(toks[i+1])
				i++
			}
			hasDate = true
		case hasTime && !hasZone && (tok[0] == '+' || tok[0] == '-'):
			z, ok := parseZone(tok)
			if !ok {
				return time.Time{}, false
			}
			zone, hasZone = z, true
		default:
			return time.Time{}, false
		}
	}
	if zone == nil {
		zone = loc
	}
	t := base.In(zone)
	if hasDate || hasTime {
		y, mo, d := t.Date()
		if hasDate {
			y, mo, d = year, time.Month(month), day
		}
		h, mi, se, ns := t.Hour(), t.Minute(), t.Second(), t.Nanosecond()
		if hasTime {
			h, mi, se, ns = hour, minute, sec, nsec
		} else if hasDate {
			h, mi, se, ns = 0, 0, 0, 0
		}
		var ok bool
		t, ok = makeTime(y, int(mo), d, h, mi, se, ns, zone)
		if !ok {
			return time.Time{}, false
		}
	}
	if years != 0 || months != 0 || days != 0 {
		t = t.AddDate(years, months, days)
	}
	return t.Add(dur), true
}

func unitOf(s string) time.Duration { return relUnits[strings.ToLower(s)] }

// dateTokens splits a date on spaces, and an ISO 8601 "DATE T TIME" at the
// T.
func dateTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if i := strings.IndexAny(f, "Tt"); i == 10 && isISODate(f[:10]) {
			out = append(out, f[:10])
			rest := f[11:]
			// A trailing zone letter or offset goes with the clock.
			out = append(out, rest)
			continue
		}
		out = append(out, f)
	}
	return out
}

func isISODate(s string) bool {
	n := len(s)
	return n >= 8 && s[n-3] == '-' && s[n-6] == '-' && allDigits(s[:n-6]) && allDigits(s[n-5:n-3]) && allDigits(s[n-2:])
}

// parseClock parses HH:MM[:SS[.frac]] with an optional zone suffix (Z,
// +HH:MM, +HHMM).
func parseClock(s string) (h, m, sec, nsec int, zone *time.Location, ok bool) {
	clock := s
	if i := strings.IndexAny(s, "Zz+-"); i > 0 {
		clock = s[:i]
		z, zok := parseZone(s[i:])
		if !zok {
			return
		}
		zone = z
	}
	parts := strings.Split(clock, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return
	}
	if !allDigits(parts[0]) || !allDigits(parts[1]) || len(parts[0]) > 2 || len(parts[1]) != 2 {
		return
	}
	h, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1])
	if len(parts) == 3 {
		whole, frac, hasFrac := strings.Cut(strings.Replace(parts[2], ",", ".", 1), ".")
		if !allDigits(whole) || len(whole) != 2 || (hasFrac && !allDigits(frac)) {
			return
		}
		sec, _ = strconv.Atoi(whole)
		if hasFrac {
			frac = (frac + "000000000")[:9]
			nsec, _ = strconv.Atoi(frac)
		}
	}
	if h > 23 || m > 59 || sec > 60 {
		return
	}
	if sec == 60 {
		sec = 59
	}
	return h, m, sec, nsec, zone, true
}

// parseZone parses Z, +HH, +HHMM or +HH:MM.
func parseZone(s string) (*time.Location, bool) {
	if s == "Z" || s == "z" {
		return time.UTC, true
	}
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return nil, false
	}
	d := strings.Replace(s[1:], ":", "", 1)
	if !allDigits(d) || (len(d) != 2 && len(d) != 4) {
		return nil, false
	}
	hh, _ := strconv.Atoi(d[:2])
	mm := 0
	if len(d) == 4 {
		mm, _ = strconv.Atoi(d[2:])
	}
	off := hh*3600 + mm*60
	if s[0] == '-' {
		off = -off
	}
	return time.FixedZone("", off), true
}

// parseEpoch parses seconds since the epoch, with an optional fraction.
func parseEpoch(s string) (time.Time, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if !allDigits(whole) || (hasFrac && frac != "" && !allDigits(frac)) {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	var nsec int64
	if hasFrac && frac != "" {
		nsec, _ = strconv.ParseInt((frac + "000000000")[:9], 10, 64)
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec), true
}

package builtins

// A parser for GNU date strings (gnulib parse_datetime), shared by date
// and usable by touch -d: @EPOCH[.frac]; ISO 8601 dates and times
// (2024-01-05, 2024-01-05T03:04:05.5Z, +05:30 offsets); YYYYMMDD;
// MM/DD[/YY[YY]] and YYYY/MM/DD; month names (Jan 2 2024, 2 Jan 2024,
// 2-Jan-2024, January 2, 2024); times HH:MM[:SS[.frac]] with am/pm and a
// zone offset (a signed number right after a time is an offset, as in
// GNU: "10:00 +1 day" is 10:00+01:00 plus a day); bare numbers (HHMM
// time, or a year after a date); weekday names with next/last/this or an
// ordinal (ignored when a date is given, as GNU does); zone names (UTC,
// GMT, Z, EST, CEST, ...; a TZ="..." prefix); relative items "N unit",
// "unit", "N unit ago", "next/last unit", yesterday, today, now,
// tomorrow, with units year, month, fortnight, week, day, hour, minute,
// min, second, sec and plurals. Calendar parts of relative items move
// the date field by field (Jan 31 + 1 month is Mar 2), clock parts add
// elapsed time.

import (
	"math/big"
	"strconv"
	"strings"
	"time"
)

// dateToken is one lexical item of a date string.
type dateToken struct {
	kind   byte // 'n' number, 'w' word, or the punctuation byte
	signed bool // the number had a sign
	neg    bool
	val    int64
	digits int
	frac   string // digits after '.' or ',' of a number
	word   string // lower case
}

func lexDate(s string) ([]dateToken, bool) {
	var toks []dateToken
	i := 0
	for i < len(s) {
		ch := s[i]
		switch {
		case isSpaceC(ch):
			i++
		case ch == '(':
			depth := 0
			for i < len(s) {
				if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
				i++
			}
			if depth != 0 {
				return nil, false
			}
		case ch >= '0' && ch <= '9' || ch == '+' || ch == '-':
			t := dateToken{kind: 'n'}
			if ch == '+' || ch == '-' {
				j := i + 1
				for j < len(s) && isSpaceC(s[j]) {
					j++
				}
				if j >= len(s) || s[j] < '0' || s[j] > '9' {
					i++ // a lone sign is skipped
					continue
				}
				t.signed, t.neg = true, ch == '-'
				i = j
			}
			start := i
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if t.val < 1e17 {
					t.val = t.val*10 + int64(s[i]-'0')
				}
				i++
			}
			t.digits = i - start
			if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && s[i+1] >= '0' && s[i+1] <= '9' {
				j := i + 1
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				t.frac = s[i+1 : j]
				i = j
			}
			toks = append(toks, t)
		case isAlpha(ch):
			start := i
			for i < len(s) && (isAlpha(s[i]) || s[i] == '.') {
				i++
			}
			w := strings.ToLower(s[start:i])
			toks = append(toks, dateToken{kind: 'w', word: w})
		default:
			toks = append(toks, dateToken{kind: ch})
			i++
		}
	}
	return toks, true
}

func isAlpha(ch byte) bool { return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' }

var dateMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
}

var dateDays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "tues": 2, "wednesday": 3, "wednes": 3,
	"thursday": 4, "thur": 4, "thurs": 4, "friday": 5, "saturday": 6,
}

// dateZones are the zone names GNU knows, with their UTC offsets in
// minutes; dst names already include the hour.
var dateZones = map[string]int{
	"gmt": 0, "ut": 0, "utc": 0, "z": 0, "wet": 0, "west": 60, "bst": 60,
	"art": -180, "brt": -180, "brst": -120, "nst": -210, "ndt": -150,
	"ast": -240, "adt": -180, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
	"mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480,
	"hst": -600, "hast": -600, "hadt": -540, "sst": -660, "wat": 60, "cet": 60,
	"cest": 120, "met": 60, "mez": 60, "mest": 120, "mesz": 120, "eet": 120,
	"eest": 180, "cat": 120, "sast": 120, "eat": 180, "msk": 180, "msd": 240,
	"ist": 330, "sgt": 480, "kst": 540, "jst": 540, "gst": 600, "nzst": 720, "nzdt": 780,
}

var dateOrdinals = map[string]int{
	"last": -1, "this": 0, "next": 1, "first": 1, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

// dateUnit returns the unit a word names: 'y' 'm' 'd' (with a day count)
// or 's' (with seconds).
func dateUnit(w string) (kind byte, n int64, ok bool) {
	w = strings.TrimSuffix(w, "s")
	switch w {
	case "year":
		return 'y', 1, true
	case "month":
		return 'm', 1, true
	case "fortnight":
		return 'd', 14, true
	case "week":
		return 'd', 7, true
	case "day":
		return 'd', 1, true
	case "hour":
		return 's', 3600, true
	case "minute", "min":
		return 's', 60, true
	case "second", "sec":
		return 's', 1, true
	}
	return 0, 0, false
}

// dateParse is the state of a parse.
type dateParse struct {
	toks []dateToken
	pos  int

	year, month, day int
	yearDigits       int
	hour, min, sec   int
	nsec             int
	meridian         int // 0 none, 1 am, 2 pm
	zone             int // minutes east
	weekday, dayOrd  int

	dates, times, days, zones, rels int
	relY, relM, relD                int64
	relS                            int64
	relNs                           int64
	lastRel                         [5]int64 // the last relative item, for "ago"
}

func (p *dateParse) peek(k int) *dateToken {
	if p.pos+k < len(p.toks) {
		return &p.toks[p.pos+k]
	}
	return nil
}

func (p *dateParse) isWord(k int, w string) bool {
	t := p.peek(k)
	return t != nil && t.kind == 'w' && t.word == w
}

func (p *dateParse) isPunct(k int, ch byte) bool {
	t := p.peek(k)
	return t != nil && t.kind == ch
}

func (p *dateParse) isNum(k int, signed bool) bool {
	t := p.peek(k)
	return t != nil && t.kind == 'n' && t.signed == signed && t.frac == ""
}

func monthOf(w string) (int, bool) {
	w = strings.TrimSuffix(w, ".")
	if m, ok := dateMonths[w]; ok {
		return m, true
	}
	if len(w) == 3 {
		for name, m := range dateMonths {
			if strings.HasPrefix(name, w) {
				return m, true
			}
		}
	}
	return 0, false
}

func dayOf(w string) (int, bool) {
	w = strings.TrimSuffix(w, ".")
	if d, ok := dateDays[w]; ok {
		return d, true
	}
	if len(w) == 3 {
		for name, d := range dateDays {
			if strings.HasPrefix(name, w) {
				return d, true
			}
		}
	}
	return 0, false
}

func meridianOf(w string) int {
	switch w {
	case "am", "a.m.":
		return 1
	case "pm", "p.m.":
		return 2
	}
	return 0
}

// fracNanos converts fraction digits to nanoseconds (truncating).
func fracNanos(f string) int {
	if len(f) > 9 {
		f = f[:9]
	}
	f += strings.Repeat("0", 9-len(f))
	n, _ := strconv.Atoi(f)
	return n
}

// addRel records a relative item of n units.
func (p *dateParse) addRel(kind byte, n int64) {
	p.rels++
	p.lastRel = [5]int64{}
	switch kind {
	case 'y':
		p.relY += n
		p.lastRel[0] = n
	case 'm':
		p.relM += n
		p.lastRel[1] = n
	case 'd':
		p.relD += n
		p.lastRel[2] = n
	case 's':
		p.relS += n
		p.lastRel[3] = n
	}
}

// zoneOffset reads a signed number as a zone offset: +H, +HH, +HHMM or
// +HH:MM.
func (p *dateParse) zoneOffset() bool {
	t := p.peek(0)
	p.pos++
	var mins int64
	if p.isPunct(0, ':') && p.isNum(1, false) {
		mins = t.val*60 + p.peek(1).val
		p.pos += 2
	} else if t.digits <= 2 {
		mins = t.val * 60
	} else {
		mins = t.val/100*60 + t.val%100
	}
	if mins > 24*60 {
		return false
	}
	if t.neg {
		mins = -mins
	}
	p.zone += int(mins)
	p.zones++
	return true
}

// timeOfDay parses HH:MM[:SS[.frac]] [meridian] [offset]; pos is at HH.
func (p *dateParse) timeOfDay() bool {
	p.hour = int(p.peek(0).val)
	p.min = int(p.peek(2).val)
	p.sec, p.nsec = 0, 0
	p.pos += 3
	if p.isPunct(0, ':') && p.peek(1) != nil && p.peek(1).kind == 'n' && !p.peek(1).signed {
		s := p.peek(1)
		p.sec = int(s.val)
		p.nsec = fracNanos(s.frac)
		p.pos += 2
	}
	p.times++
	if t := p.peek(0); t != nil && t.kind == 'w' && meridianOf(t.word) != 0 {
		p.meridian = meridianOf(t.word)
		p.pos++
	} else if t != nil && t.kind == 'n' && t.signed && t.frac == "" {
		return p.zoneOffset()
	}
	return true
}

func (p *dateParse) setYear(t *dateToken) {
	p.year = int(t.val)
	p.yearDigits = t.digits
}

// item parses one item at pos.
func (p *dateParse) item() bool {
	t := p.peek(0)
	switch t.kind {
	case ',':
		p.pos++
		return true
	case 'n':
		if t.frac != "" {
			return false
		}
		if !t.signed {
			return p.numberItem()
		}
		// A signed number: a relative item or a zone after a time.
		if u := p.peek(1); u != nil && u.kind == 'w' {
			if kind, n, ok := dateUnit(u.word); ok {
				v := t.val
				if t.neg {
					v = -v
				}
				p.pos += 2
				p.addRel(kind, v*n)
				return true
			}
		}
		return false
	case 'w':
		return p.wordItem()
	}
	return false
}

func (p *dateParse) numberItem() bool {
	t := p.peek(0)
	switch {
	case p.isPunct(1, ':') && p.isNum(2, false):
		return p.timeOfDay()
	case p.peek(1) != nil && p.peek(1).kind == 'w' && meridianOf(p.peek(1).word) != 0:
		p.hour, p.min, p.sec, p.nsec = int(t.val), 0, 0, 0
		p.meridian = meridianOf(p.peek(1).word)
		p.times++
		p.pos += 2
		return true
	case p.isPunct(1, '/') && p.isNum(2, false):
		a, b := t, p.peek(2)
		p.pos += 3
		if p.isPunct(0, '/') && p.isNum(1, false) {
			c := p.peek(1)
			p.pos += 2
			if a.digits >= 4 {
				p.setYear(a)
				p.month, p.day = int(b.val), int(c.val)
			} else {
				p.month, p.day = int(a.val), int(b.val)
				p.setYear(c)
			}
		} else {
			p.month, p.day = int(a.val), int(b.val)
		}
		p.dates++
		return true
	case p.isNum(1, true) && p.peek(1).neg && p.isNum(2, true) && p.peek(2).neg:
		// ISO 8601: 2024-01-05, then an optional T and time.
		p.setYear(t)
		p.month, p.day = int(p.peek(1).val), int(p.peek(2).val)
		p.dates++
		p.pos += 3
		if p.isWord(0, "t") && p.isNum(1, false) && p.isPunct(2, ':') {
			p.pos++
			return p.timeOfDay()
		}
		return true
	case p.peek(1) != nil && p.peek(1).kind == 'w':
		if m, ok := monthOf(p.peek(1).word); ok {
			// 2 Jan [2024], 2-Jan-2024
			p.day, p.month = int(t.val), m
			p.dates++
			p.pos += 2
			if y := p.peek(0); y != nil && y.kind == 'n' && y.frac == "" && (!y.signed || y.neg) {
				if !y.signed && p.isPunct(1, ':') {
					return true
				}
				p.setYear(y)
				p.pos++
			}
			return true
		}
		if kind, n, ok := dateUnit(p.peek(1).word); ok {
			p.pos += 2
			p.addRel(kind, t.val*n)
			return true
		}
	}
	// A bare number.
	p.pos++
	if p.dates > 0 && p.yearDigits == 0 && p.rels == 0 && (p.times > 0 || t.digits > 2) {
		p.setYear(t)
		return true
	}
	if t.digits > 4 {
		p.dates++
		p.day = int(t.val % 100)
		p.month = int(t.val / 100 % 100)
		p.year = int(t.val / 10000)
		p.yearDigits = t.digits - 4
		return true
	}
	p.times++
	if t.digits <= 2 {
		p.hour, p.min = int(t.val), 0
	} else {
		p.hour, p.min = int(t.val/100), int(t.val%100)
	}
	p.sec, p.nsec, p.meridian = 0, 0, 0
	return true
}

func (p *dateParse) wordItem() bool {
	w := p.peek(0).word
	if m, ok := monthOf(w); ok {
		p.pos++
		p.month = m
		p.day = 1
		p.dates++
		if d := p.peek(0); d != nil && d.kind == 'n' && !d.signed && d.frac == "" && !p.isPunct(1, ':') {
			p.day = int(d.val)
			p.pos++
			if p.isPunct(0, ',') {
				p.pos++
			}
			if y := p.peek(0); y != nil && y.kind == 'n' && !y.signed && y.frac == "" && !p.isPunct(1, ':') &&
				(p.peek(1) == nil || p.peek(1).kind != 'w' || meridianOf(p.peek(1).word) == 0) {
				p.setYear(y)
				p.pos++
			}
		} else if d != nil && d.kind == 'n' && d.signed && d.neg && d.frac == "" {
			// Jan-2024? GNU reads month-day-year forms only; keep simple.
			return false
		}
		return true
	}
	if d, ok := dayOf(w); ok {
		p.pos++
		if p.isPunct(0, ',') {
			p.pos++
		}
		p.weekday, p.dayOrd = d, 0
		p.days++
		return true
	}
	if ord, ok := dateOrdinals[w]; ok && p.peek(1) != nil && p.peek(1).kind == 'w' {
		next := p.peek(1).word
		if d, ok := dayOf(next); ok {
			p.pos += 2
			p.weekday, p.dayOrd = d, ord
			p.days++
			return true
		}
		if kind, n, ok := dateUnit(next); ok {
			p.pos += 2
			p.addRel(kind, int64(ord)*n)
			return true
		}
	}
	if kind, n, ok := dateUnit(w); ok {
		p.pos++
		p.addRel(kind, n)
		return true
	}
	switch w {
	case "ago":
		if p.rels == 0 {
			return false
		}
		p.pos++
		p.relY -= 2 * p.lastRel[0]
		p.relM -= 2 * p.lastRel[1]
		p.relD -= 2 * p.lastRel[2]
		p.relS -= 2 * p.lastRel[3]
		for i := range p.lastRel {
			p.lastRel[i] = -p.lastRel[i]
		}
		return true
	case "tomorrow":
		p.pos++
		p.addRel('d', 1)
		return true
	case "yesterday":
		p.pos++
		p.addRel('d', -1)
		return true
	case "today", "now":
		p.pos++
		p.addRel('d', 0)
		return true
	case "t":
		if p.dates > 0 && p.isNum(1, false) {
			p.pos++
			return true
		}
	}
	if off, ok := dateZones[w]; ok {
		p.pos++
		p.zone = off
		p.zones++
		if p.isWord(0, "dst") {
			p.zone += 60
			p.pos++
		}
		if t := p.peek(0); t != nil && t.kind == 'n' && t.signed && t.frac == "" && (off == 0) {
			return p.zoneOffset() && p.fixZones()
		}
		return true
	}
	return false
}

// fixZones counts "UTC+3" as one zone.
func (p *dateParse) fixZones() bool {
	p.zones--
	return true
}

// parseDateString parses s as GNU date -d does, relative to now, in loc.
func parseDateString(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	outLoc := loc
	// TZ="zone" prefix: the zone the string is read in.
	if rest, ok := strings.CutPrefix(strings.TrimLeft(s, " \t"), "TZ=\""); ok {
		end := strings.IndexByte(rest, '"')
		if end < 0 {
			return time.Time{}, false
		}
		name := rest[:end]
		l, err := time.LoadLocation(name)
		if name == "" || name == "UTC" || name == "UTC0" {
			l, err = time.UTC, nil
		}
		if err != nil {
			return time.Time{}, false
		}
		loc = l
		s = rest[end+1:]
	}
	trimmed := strings.TrimSpace(s)
	if strings.HasPrefix(trimmed, "@") {
		v, n, err := strtold(trimmed[1:])
		if n == 0 || n != len(trimmed)-1 || err != nil || !v.finite() {
			return time.Time{}, false
		}
		sec, _ := v.F.Int64()
		// Seconds rounded toward minus infinity, then the fraction.
		fl := new(big.Float).SetPrec(ldPrec).SetInt64(sec)
		if fl.Cmp(v.F) > 0 {
			sec--
			fl.SetInt64(sec)
		}
		frac := new(big.Float).Sub(v.F, fl)
		frac.Mul(frac, big.NewFloat(1e9))
		ns, _ := frac.Int64()
		return time.Unix(sec, ns).In(outLoc), true
	}
	toks, ok := lexDate(s)
	if !ok {
		return time.Time{}, false
	}
	now = now.In(loc)
	p := &dateParse{toks: toks}
	for p.pos < len(p.toks) {
		if !p.item() {
			return time.Time{}, false
		}
	}
	if p.dates > 1 || p.times > 1 || p.days > 1 || p.zones > 1 {
		return time.Time{}, false
	}
	year, month, day := now.Date()
	if p.dates > 0 {
		month, day = time.Month(p.month), p.day
		if p.yearDigits > 0 {
			year = p.year
			if p.yearDigits == 2 {
				if year < 69 {
					year += 2000
				} else {
					year += 1900
				}
			}
		}
	}
	hour, min, sec, nsec := now.Hour(), now.Minute(), now.Second(), now.Nanosecond()
	if p.times > 0 {
		hour, min, sec, nsec = p.hour, p.min, p.sec, p.nsec
		switch p.meridian {
		case 1, 2:
			if hour < 1 || hour > 12 {
				return time.Time{}, false
			}
			hour %= 12
			if p.meridian == 2 {
				hour += 12
			}
		}
	} else if p.dates > 0 || p.days > 0 || p.rels == 0 {
		hour, min, sec, nsec = 0, 0, 0, 0
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	zl := loc
	if p.zones > 0 {
		zl = time.FixedZone("", p.zone*60)
	}
	t := time.Date(year, month, day, hour, min, sec, nsec, zl)
	if p.days > 0 && p.dates == 0 {
		wd := int(t.Weekday())
		n := (p.weekday - wd + 7) % 7
		ord := p.dayOrd
		if ord > 0 && wd != p.weekday {
			ord--
		}
		t = time.Date(t.Year(), t.Month(), t.Day()+n+7*ord, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), zl)
	}
	if p.relY != 0 || p.relM != 0 || p.relD != 0 {
		t = time.Date(t.Year()+int(p.relY), t.Month()+time.Month(p.relM), t.Day()+int(p.relD),
			t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), zl)
	}
	t = t.Add(time.Duration(p.relS) * time.Second)
	return t.In(outLoc), true
}

// daysIn returns the number of days of month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

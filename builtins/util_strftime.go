package builtins

// strftime as GNU date's (gnulib nstrftime) in the C locale, shared by
// date and printf's %(FMT)T: the conversions a A b B c C d D e F g G h H
// I j k l m M n N p P r R s S t T u U V w W x X y Y z :z ::z :::z Z %,
// the flags - (no padding) _ (spaces) 0 (zeros) ^ (upper case) # (swap
// case), a field width, and the E and O modifiers (ignored). Unknown
// conversions are copied as written.

import (
	"strconv"
	"strings"
	"time"
)

var (
	cDays   = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	cMonths = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// strftime formats t by format.
func strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			b.WriteByte(ch)
			continue
		}
		start := i
		i++
		var pad byte // 0, '-', '_', '0'
		upper, swap := false, false
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-', '_', '0':
				pad = format[i]
			case '^':
				upper = true
			case '#':
				swap = true
			default:
				break flags
			}
		}
		width := -1
		if i < len(format) && format[i] >= '1' && format[i] <= '9' {
			width = 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				if width < 1<<20 {
					width = width*10 + int(format[i]-'0')
				}
				i++
			}
		}
		colons := 0
		for i < len(format) && format[i] == ':' {
			colons++
			i++
		}
		for i < len(format) && (format[i] == 'E' || format[i] == 'O') && colons == 0 {
			i++
		}
		if i >= len(format) {
			b.WriteString(format[start:])
			break
		}
		conv := format[i]
		if colons > 0 && conv != 'z' {
			b.WriteString(format[start : i+1])
			continue
		}
		f := tmField{pad: pad, width: width, upper: upper}
		b.WriteString(f.conv(conv, colons, swap, t, format[start:i+1]))
	}
	return b.String()
}

// tmField is the flags and width of one conversion.
type tmField struct {
	pad   byte
	width int
	upper bool
}

// num formats a number with its default width and padding.
func (f tmField) num(v, defWidth int, defPad byte) string {
	pad := defPad
	if f.pad != 0 {
		pad = f.pad
	}
	width := defWidth
	if f.width >= 0 {
		width = f.width
	}
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.Itoa(v)
	sign := ""
	if neg {
		sign = "-"
	}
	return padField(sign, digits, width, pad)
}

// padField pads sign+digits to width with pad ('-' for none).
func padField(sign, digits string, width int, pad byte) string {
	n := len(sign) + len(digits)
	if pad == '-' || n >= width {
		return sign + digits
	}
	if pad == '0' {
		return sign + strings.Repeat("0", width-n) + digits
	}
	return strings.Repeat(" ", width-n) + sign + digits
}

// str formats a string conversion: padded with spaces (zeros with the 0
// flag) to the width.
func (f tmField) str(s string, toUpper, toLower bool) string {
	if f.upper || toUpper {
		s = strings.ToUpper(s)
	} else if toLower {
		s = strings.ToLower(s)
	}
	pad := byte(' ')
	if f.pad == '0' {
		pad = '0'
	}
	if f.pad == '-' || f.width <= len(s) {
		return s
	}
	return strings.Repeat(string(pad), f.width-len(s)) + s
}

func (f tmField) conv(conv byte, colons int, swap bool, t time.Time, spec string) string {
	hour12 := t.Hour() % 12
	if hour12 == 0 {
		hour12 = 12
	}
	sub := func(layout string) string {
		return f.str(strftime(layout, t), false, false)
	}
	switch conv {
	case 'a':
		return f.str(cDays[t.Weekday()][:3], swap, false)
	case 'A':
		return f.str(cDays[t.Weekday()], swap, false)
	case 'b', 'h':
		return f.str(cMonths[t.Month()-1][:3], swap, false)
	case 'B':
		return f.str(cMonths[t.Month()-1], swap, false)
	case 'c':
		return sub("%a %b %e %H:%M:%S %Y")
	case 'C':
		y := t.Year()
		c := y / 100
		if y < 0 && y%100 != 0 {
			c--
		}
		return f.num(c, 2, '0')
	case 'd':
		return f.num(t.Day(), 2, '0')
	case 'D', 'x':
		return sub("%m/%d/%y")
	case 'e':
		return f.num(t.Day(), 2, '_')
	case 'F':
		yw := 4
		if f.width > 6 {
			yw = f.width - 6
		}
		pad := byte('0')
		if f.pad != 0 {
			pad = f.pad
		}
		y := tmField{pad: pad, width: yw}.num(t.Year(), 4, '0')
		return y + strftime("-%m-%d", t)
	case 'g':
		y, _ := t.ISOWeek()
		return f.num(((y%100)+100)%100, 2, '0')
	case 'G':
		y, _ := t.ISOWeek()
		return f.num(y, 4, '0')
	case 'H':
		return f.num(t.Hour(), 2, '0')
	case 'I':
		return f.num(hour12, 2, '0')
	case 'j':
		return f.num(t.YearDay(), 3, '0')
	case 'k':
		return f.num(t.Hour(), 2, '_')
	case 'l':
		return f.num(hour12, 2, '_')
	case 'm':
		return f.num(int(t.Month()), 2, '0')
	case 'M':
		return f.num(t.Minute(), 2, '0')
	case 'n':
		return f.str("\n", false, false)
	case 'N':
		ns := strconv.Itoa(t.Nanosecond())
		ns = strings.Repeat("0", 9-len(ns)) + ns
		w := f.width
		if w < 0 {
			w = 9
		}
		if w <= 9 {
			return ns[:w]
		}
		return ns + strings.Repeat("0", w-9)
	case 'p':
		ap := "AM"
		if t.Hour() >= 12 {
			ap = "PM"
		}
		return f.str(ap, false, swap)
	case 'P':
		ap := "am"
		if t.Hour() >= 12 {
			ap = "pm"
		}
		f.upper = false
		return f.str(ap, false, false)
	case 'r':
		return sub("%I:%M:%S %p")
	case 'R':
		return sub("%H:%M")
	case 's':
		u := t.Unix()
		neg := u < 0
		if neg {
			u = -u
		}
		sign := ""
		if neg {
			sign = "-"
		}
		pad := byte('0')
		if f.pad != 0 {
			pad = f.pad
		}
		return padField(sign, strconv.FormatInt(u, 10), f.width, pad)
	case 'S':
		return f.num(t.Second(), 2, '0')
	case 't':
		return f.str("\t", false, false)
	case 'T', 'X':
		return sub("%H:%M:%S")
	case 'u':
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return f.num(wd, 1, '0')
	case 'U':
		return f.num((t.YearDay()-1+7-int(t.Weekday()))/7, 2, '0')
	case 'V':
		_, w := t.ISOWeek()
		return f.num(w, 2, '0')
	case 'w':
		return f.num(int(t.Weekday()), 1, '0')
	case 'W':
		return f.num((t.YearDay()-1+7-(int(t.Weekday())+6)%7)/7, 2, '0')
	case 'y':
		return f.num(((t.Year()%100)+100)%100, 2, '0')
	case 'Y':
		return f.num(t.Year(), 4, '0')
	case 'z':
		return f.zone(t, colons)
	case 'Z':
		name, _ := t.Zone()
		return f.str(name, false, swap)
	case '%':
		if f.width >= 0 || f.pad != 0 {
			return spec
		}
		return "%"
	}
	return spec
}

// zone formats the UTC offset for %z, %:z, %::z and %:::z.
func (f tmField) zone(t time.Time, colons int) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign = "-"
		off = -off
	}
	h, m, s := off/3600, off/60%60, off%60
	two := func(v int) string { return string([]byte{byte('0' + v/10), byte('0' + v%10)}) }
	switch colons {
	case 0:
		pad := byte('0')
		if f.pad != 0 {
			pad = f.pad
		}
		w := 5
		if f.width >= 0 {
			w = f.width
		}
		return padField(sign, strconv.Itoa(h*100+m), w, pad)
	case 1:
		return sign + two(h) + ":" + two(m)
	case 2:
		return sign + two(h) + ":" + two(m) + ":" + two(s)
	}
	if s != 0 {
		return sign + two(h) + ":" + two(m) + ":" + two(s)
	}
	if m != 0 {
		return sign + two(h) + ":" + two(m)
	}
	return sign + two(h)
}

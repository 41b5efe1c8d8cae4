package builtins

// Tab stops shared by expand and unexpand, as GNU's expand-common: a
// single size, or a list of positions whose last one may be "/N" (then
// every N columns) or "+N" (then every N columns after the last stop).

import (
	"io"
	"math"
	"strings"
)

type tabStops struct {
	size      uint64 // nonzero: every size columns
	extend    uint64 // "/N"
	increment uint64 // "+N"
	list      []uint64
	maxWidth  uint64
	// digits accumulates an obsolete -N option ("expand -4,8").
	digits    uint64
	hasDigits bool
}

func (t *tabStops) add(v uint64) {
	var prev uint64
	if n := len(t.list); n > 0 {
		prev = t.list[n-1]
	}
	if prev <= v && v-prev > t.maxWidth {
		t.maxWidth = v - prev
	}
	t.list = append(t.list, v)
}

// parse adds a -t list. It prints GNU's messages and returns false on an
// error.
func (t *tabStops) parse(c *Context, stops string) bool {
	have, extend, increment := false, false, false
	var val uint64
	numStart := 0
	ok := true
	setExtend := func(v uint64) bool {
		good := true
		if t.extend != 0 {
			c.Errorf("'/' specifier only allowed with the last value")
			good = false
		}
		t.extend = v
		return good
	}
	setIncrement := func(v uint64) bool {
		good := true
		if t.increment != 0 {
			c.Errorf("'+' specifier only allowed with the last value")
			good = false
		}
		t.increment = v
		return good
	}
	for i := 0; i < len(stops); i++ {
		ch := stops[i]
		switch {
		case ch == ',' || ch == ' ' || ch == '\t':
			if have {
				switch {
				case extend:
					if !setExtend(val) {
						return false
					}
				case increment:
					if !setIncrement(val) {
						return false
					}
				default:
					t.add(val)
				}
			}
			have = false
		case ch == '/':
			if have {
				c.Errorf("'/' specifier not at start of number: %s", quote(stops[i:]))
				ok = false
			}
			extend, increment = true, false
		case ch == '+':
			if have {
				c.Errorf("'+' specifier not at start of number: %s", quote(stops[i:]))
				ok = false
			}
			increment, extend = true, false
		case ch >= '0' && ch <= '9':
			if !have {
				val, have, numStart = 0, true, i
			}
			d := uint64(ch - '0')
			if val > (math.MaxUint64-d)/10 {
				n := numStart
				for n < len(stops) && stops[n] >= '0' && stops[n] <= '9' {
					n++
				}
				c.Errorf("tab stop is too large %s", quote(stops[numStart:n]))
				ok = false
				i = n - 1
				continue
			}
			val = val*10 + d
		default:
			c.Errorf("tab size contains invalid character(s): %s", quote(stops[i:]))
			return false
		}
	}
	if ok && have {
		switch {
		case extend:
			ok = setExtend(val)
		case increment:
			ok = setIncrement(val)
		default:
			t.add(val)
		}
	}
	return ok
}

// digit handles an obsolete -N option letter (a digit or ',').
func (t *tabStops) digit(c *Context, ch byte) bool {
	if ch == ',' {
		if t.hasDigits {
			t.add(t.digits)
		}
		t.hasDigits = false
		return true
	}
	if !t.hasDigits {
		t.digits, t.hasDigits = 0, true
	}
	d := uint64(ch - '0')
	if t.digits > (math.MaxUint64-d)/10 {
		c.Errorf("tab stop value is too large")
		return false
	}
	t.digits = t.digits*10 + d
	return true
}

// finalize validates the stops and settles the tab size, as GNU's
// finalize_tab_stops does.
func (t *tabStops) finalize(c *Context) bool {
	if t.hasDigits {
		t.add(t.digits)
		t.hasDigits = false
	}
	var prev uint64
	for _, v := range t.list {
		if v == 0 {
			c.Errorf("tab size cannot be 0")
			return false
		}
		if v <= prev {
			c.Errorf("tab sizes must be ascending")
			return false
		}
		prev = v
	}
	if t.increment != 0 && t.extend != 0 {
		c.Errorf("'/' specifier is mutually exclusive with '+'")
		return false
	}
	switch {
	case len(t.list) == 0:
		t.size = 8
		if t.extend != 0 {
			t.size = t.extend
		} else if t.increment != 0 {
			t.size = t.increment
		}
		t.maxWidth = t.size
	case len(t.list) == 1 && t.extend == 0 && t.increment == 0:
		t.size = t.list[0]
	default:
		t.size = 0
	}
	return true
}

// next returns the tab stop after column; last is true when there is
// none. index is the caller's position in the list, kept between calls on
// one line.
func (t *tabStops) next(column uint64, index *int) (stop uint64, last bool) {
	if t.size != 0 {
		return column + (t.size - column%t.size), false
	}
	for ; *index < len(t.list); *index++ {
		if column < t.list[*index] {
			return t.list[*index], false
		}
	}
	if t.extend != 0 {
		return column + (t.extend - column%t.extend), false
	}
	if t.increment != 0 {
		end := t.list[len(t.list)-1]
		return column + (t.increment - (column-end)%t.increment), false
	}
	return 0, true
}

// tabsHelp is the -t text of expand's and unexpand's --help.
var tabsHelp = strings.TrimLeft(`
  -t, --tabs=LIST  use comma separated list of tab positions.
                     The last specified position can be prefixed with '/'
                     to specify a tab size to use after the last
                     explicitly specified tab stop.  Also a prefix of '+'
                     can be used to align remaining tab stops relative to
                     the last specified tab stop instead of the first column
`, "\n")

// byteInput reads the input operands as one stream of bytes, as GNU's
// expand and unexpand do: a line may continue from one file into the next.
// Open and read errors are reported and make status 1.
type byteInput struct {
	c      *Context
	names  []string
	cur    io.ReadCloser
	name   string
	buf    []byte
	pos, n int
	status int
	// dashIsFile makes "-" a file name (hexdump) rather than stdin.
	dashIsFile bool
	// opened and openFailed count the operands.
	opened, openFailed int
}

func (c *Context) newByteInput(names []string) *byteInput {
	if len(names) == 0 {
		names = []string{"-"}
	}
	return &byteInput{c: c, names: names, buf: make([]byte, 32*1024)}
}

// next returns the next byte, or -1 at the end of the last input or when
// the command must stop.
func (b *byteInput) next() int {
	for {
		if b.pos < b.n {
			ch := b.buf[b.pos]
			b.pos++
			return int(ch)
		}
		if b.c.stopped() {
			return -1
		}
		if b.cur == nil {
			if len(b.names) == 0 {
				return -1
			}
			b.name, b.names = b.names[0], b.names[1:]
			var r io.ReadCloser
			var err error
			if b.dashIsFile {
				r, err = b.c.FS.Open(b.c.fsPath(b.name))
			} else {
				r, err = b.c.openInput(b.name)
			}
			if err != nil {
				b.c.PathErr(quoteIf(b.name), err)
				b.status = 1
				b.openFailed++
				continue
			}
			b.opened++
			b.cur = r
		}
		n, err := b.cur.Read(b.buf)
		b.pos, b.n = 0, n
		if err != nil && n == 0 {
			if err != io.EOF && !b.c.Canceled() {
				b.c.PathErr(quoteIf(b.name), err)
				b.status = 1
			}
			b.cur.Close()
			b.cur = nil
		}
	}
}

// fill reads from the concatenated inputs until p is full or the last
// input ends; it returns the number of bytes read.
func (b *byteInput) fill(p []byte) int {
	n := 0
	for n < len(p) {
		if b.pos < b.n {
			k := copy(p[n:], b.buf[b.pos:b.n])
			b.pos += k
			n += k
			continue
		}
		ch := b.next()
		if ch < 0 {
			break
		}
		p[n] = byte(ch)
		n++
	}
	return n
}

// skip discards n bytes; it returns how many could not be skipped.
func (b *byteInput) skip(n uint64) uint64 {
	for n > 0 {
		if b.pos < b.n {
			k := uint64(b.n - b.pos)
			if k > n {
				k = n
			}
			b.pos += int(k)
			n -= k
			continue
		}
		if b.next() < 0 {
			break
		}
		n--
	}
	return n
}

package builtins

// The engine of base64 and base32: streaming encoding with line wrapping
// and streaming decoding that follows gnulib's base64_decode_ctx and
// base32_decode_ctx (groups of 4 or 8 characters, newlines skipped, the
// decodable part of a bad group written before "invalid input").

import (
	"io"
	"strconv"
)

// basenc describes one encoding.
type basenc struct {
	alphabet string
	group    int // encoded characters per group: 4 or 8
	bytes    int // raw bytes per group: 3 or 5
	bits     int // bits per character: 6 or 5
	decode   [256]int8
}

func newBasenc(alphabet string, group, bytes, bits int) *basenc {
	e := &basenc{alphabet: alphabet, group: group, bytes: bytes, bits: bits}
	for i := range e.decode {
		e.decode[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		e.decode[alphabet[i]] = int8(i)
	}
	return e
}

var (
	base64Enc = newBasenc("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 4, 3, 6)
	base32Enc = newBasenc("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 8, 5, 5)
)

// basencMain is base64 and base32: options -d, -i, -w COLS and one FILE.
func basencMain(c *Context, spec *optSpec, enc *basenc) int {
	p, err := c.parseOpts(spec)
	if err != nil {
		return exitStatus(err)
	}
	decode, garbage, wrap := false, false, 76
	for _, o := range p.Opts {
		switch o.Key {
		case "d":
			decode = true
		case "i":
			garbage = true
		case "w":
			n, err := strconv.ParseUint(o.Val, 10, 63)
			if err != nil {
				if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && allDigits(o.Val) {
					n = 0 // GNU wraps a too large value to 0: no wrapping
				} else {
					return c.Failf(1, "invalid wrap size: %s", quote(o.Val))
				}
			}
			wrap = int(n)
		}
	}
	if len(p.Operands) > 1 {
		return c.usageErr(1, "extra operand %s", quote(p.Operands[1]))
	}
	name := "-"
	if len(p.Operands) == 1 {
		name = p.Operands[0]
	}
	in, err := c.openInput(name)
	if err != nil {
		return c.Failf(1, "%s: %s", quoteIf(name), ErrText(err))
	}
	defer in.Close()
	out := newErrWriter(c.Stdout)
	var rerr error
	bad := false
	if decode {
		bad, rerr = c.basencDecode(enc, in, out, garbage)
	} else {
		rerr = c.basencEncode(enc, in, out, wrap)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if rerr != nil {
		if c.Canceled() {
			return 1
		}
		return c.Failf(1, "read error: %s", ErrText(rerr))
	}
	if bad {
		return c.Failf(1, "invalid input")
	}
	return 0
}

// basencEncode encodes r to out, wrapping lines after wrap characters
// (0: no wrapping); a partial last line gets a newline.
func (c *Context) basencEncode(enc *basenc, r io.Reader, out *errWriter, wrap int) error {
	buf := make([]byte, 64*1024)
	var pend []byte // raw bytes not yet making a whole group
	col := 0
	emit := func(s []byte) {
		for len(s) > 0 {
			if wrap == 0 {
				out.Write(s)
				return
			}
			n := wrap - col
			if n > len(s) {
				n = len(s)
			}
			out.Write(s[:n])
			s = s[n:]
			col += n
			if col == wrap {
				out.WriteByte('\n')
				col = 0
			}
		}
	}
	var enc1 []byte
	for {
		if c.stopped() {
			return c.Ctx.Err()
		}
		n, err := r.Read(buf)
		if n > 0 {
			pend = append(pend, buf[:n]...)
			whole := len(pend) / enc.bytes * enc.bytes
			enc1 = enc.encode(enc1[:0], pend[:whole], false)
			emit(enc1)
			pend = append(pend[:0], pend[whole:]...)
			if out.err != nil {
				return nil
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if len(pend) > 0 {
		emit(enc.encode(enc1[:0], pend, true))
	}
	if wrap > 0 && col > 0 {
		out.WriteByte('\n')
	}
	return nil
}

// encode appends the encoding of src to dst; src is a whole number of
// groups unless last, when the final group is padded with '='.
func (e *basenc) encode(dst, src []byte, last bool) []byte {
	for len(src) > 0 {
		n := e.bytes
		if n > len(src) {
			n = len(src)
		}
		var v uint64
		for i := 0; i < e.bytes; i++ {
			v <<= 8
			if i < n {
				v |= uint64(src[i])
			}
		}
		chars := (n*8 + e.bits - 1) / e.bits
		for i := 0; i < e.group; i++ {
			if i < chars {
				shift := uint((e.group - 1 - i) * e.bits)
				dst = append(dst, e.alphabet[(v>>shift)&(1<<e.bits-1)])
			} else {
				dst = append(dst, '=')
			}
		}
		src = src[n:]
	}
	return dst
}

// basencDecode decodes r to out. It returns bad for invalid input, having
// written what gnulib's decoder writes before it stops.
func (c *Context) basencDecode(enc *basenc, r io.Reader, out *errWriter, garbage bool) (bad bool, err error) {
	buf := make([]byte, 64*1024)
	group := make([]byte, 0, enc.group)
	var dec []byte
	for {
		if c.stopped() {
			return false, c.Ctx.Err()
		}
		n, rerr := r.Read(buf)
		for _, b := range buf[:n] {
			if b == '\n' || garbage && b != '=' && enc.decode[b] < 0 {
				continue
			}
			group = append(group, b)
			if len(group) == enc.group {
				var ok bool
				dec, ok = enc.decodeGroup(dec[:0], group)
				out.Write(dec)
				if !ok {
					return true, nil
				}
				group = group[:0]
			}
		}
		if out.err != nil {
			return false, nil
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return false, rerr
		}
	}
	if len(group) > 0 {
		dec, _ = enc.decodeGroup(dec[:0], group)
		out.Write(dec)
		return true, nil
	}
	return false, nil
}

// decodeGroup decodes one group of characters as gnulib's decode_4 and
// decode_8 do: it appends the bytes decoded before any error and reports
// whether the group was valid. A short group is always invalid.
func (e *basenc) decodeGroup(dst, in []byte) ([]byte, bool) {
	if e.group == 8 && len(in) < 8 {
		return dst, false
	}
	valid := func(i int) bool { return i < len(in) && e.decode[in[i]] >= 0 }
	pad := func(from int) bool {
		for i := from; i < e.group; i++ {
			if i >= len(in) || in[i] != '=' {
				return false
			}
		}
		return true
	}
	// Characters come in pairs or singles that complete a byte; the
	// positions where '=' may start padding are 2 (base64: 2, 3; base32:
	// 2, 4, 5, 7).
	var acc uint
	nbits := 0
	for i := 0; i < e.group; i++ {
		if i >= 2 && i < len(in) && in[i] == '=' && e.padAllowed(i) {
			return dst, pad(i) && len(in) == e.group
		}
		if !valid(i) {
			return dst, false
		}
		acc = acc<<uint(e.bits) | uint(e.decode[in[i]])
		nbits += e.bits
		if nbits >= 8 && e.completesByte(i) {
			nbits -= 8
			dst = append(dst, byte(acc>>uint(nbits)))
			acc &= 1<<uint(nbits) - 1
		}
	}
	return dst, true
}

// padAllowed reports whether padding may start at character i of a group.
func (e *basenc) padAllowed(i int) bool {
	if e.group == 4 {
		return i == 2 || i == 3
	}
	return i == 2 || i == 4 || i == 5 || i == 7
}

// completesByte reports whether character i of a group completes an
// output byte, the point where gnulib writes it.
func (e *basenc) completesByte(i int) bool {
	if e.group == 4 {
		return i >= 1
	}
	return i == 1 || i == 3 || i == 4 || i == 6 || i == 7
}

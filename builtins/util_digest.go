package builtins

// The engine of md5sum, sha1sum, sha224sum, sha256sum, sha384sum,
// sha512sum and cksum -a: computing digests of files in the GNU formats
// ("hash  name", "hash *name", --tag "MD5 (name) = hash", names with a
// backslash, newline or carriage return escaped behind a leading '\'),
// and checking them (-c) with GNU's parsing of checksum lines, messages
// and exit status.

import (
	"bufio"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strings"
)

// digestAlgo is a digest algorithm.
type digestAlgo struct {
	tag  string // the name in BSD-style lines: MD5, SHA256, ...
	key  string // the name of cksum -a: md5, sha256, ...
	new  func() hash.Hash
	size int // digest length in bytes
}

var digestAlgos = []*digestAlgo{
	{tag: "MD5", key: "md5", new: md5.New, size: md5.Size},
	{tag: "SHA1", key: "sha1", new: sha1.New, size: sha1.Size},
	{tag: "SHA224", key: "sha224", new: sha256.New224, size: sha256.Size224},
	{tag: "SHA256", key: "sha256", new: sha256.New, size: sha256.Size},
	{tag: "SHA384", key: "sha384", new: sha512.New384, size: sha512.Size384},
	{tag: "SHA512", key: "sha512", new: sha512.New, size: sha512.Size},
}

// digestByKey returns the algorithm called key by cksum -a.
func digestByKey(key string) *digestAlgo {
	for _, a := range digestAlgos {
		if a.key == key {
			return a
		}
	}
	return nil
}

// digestOpts are the options of the digest commands.
type digestOpts struct {
	algo          *digestAlgo // nil for cksum without -a
	check         bool
	tag           bool
	binary        int // -1 unset, 0 -t, 1 -b
	zero          bool
	quiet, status bool
	strict, warn  bool
	ignoreMissing bool
}

// digestSpec returns the option spec of the command cmd for algorithm
// desc ("MD5 (128-bit)").
func digestSpec(cmd, desc, rfc string) optSpec {
	return optSpec{
		Short: "bctwz",
		Long: []longOpt{
			{Name: "binary", Key: "b"},
			{Name: "check", Key: "c"},
			{Name: "tag", Key: "tag"},
			{Name: "text", Key: "t"},
			{Name: "zero", Key: "z"},
			{Name: "ignore-missing", Key: "ignore-missing"},
			{Name: "quiet", Key: "quiet"},
			{Name: "status", Key: "status"},
			{Name: "strict", Key: "strict"},
			{Name: "warn", Key: "w"},
		},
		Status: 1,
		Usage: "Usage: " + cmd + ` [OPTION]... [FILE]...
Print or check ` + desc + ` checksums.

With no FILE, or when FILE is -, read standard input.
  -b, --binary          read in binary mode
  -c, --check           read checksums from the FILEs and check them
      --tag             create a BSD-style checksum
  -t, --text            read in text mode (default)
  -z, --zero            end each output line with NUL, not newline,
                          and disable file name escaping

The following five options are useful only when verifying checksums:
      --ignore-missing  don't fail or report status for missing files
      --quiet           don't print OK for each successfully verified file
      --status          don't output anything, status code shows success
      --strict          exit non-zero for improperly formatted checksum lines
  -w, --warn            warn about improperly formatted checksum lines

      --help        display this help and exit
      --version     output version information and exit

The sums are computed as described in ` + rfc + `.
When checking, the input should be a former output of this program.
The default mode is to print a line with: checksum, a space,
a character indicating input mode ('*' for binary, ' ' for text
or where binary is insignificant), and name for each FILE.

Note: There is no difference between binary mode and text mode on GNU systems.
`,
	}
}

// digestCommand returns the command md5sum, sha1sum, ... for algo.
func digestCommand(spec *optSpec, algo *digestAlgo) Func {
	return func(c *Context) int {
		p, err := c.parseOpts(spec)
		if err != nil {
			return exitStatus(err)
		}
		o := digestOpts{algo: algo, binary: -1}
		for _, op := range p.Opts {
			o.set(op.Key)
		}
		if st := c.digestValidate(&o, false); st >= 0 {
			return st
		}
		return c.digestRun(&o, p.Operands)
	}
}

// set records the option key.
func (o *digestOpts) set(key string) {
	switch key {
	case "b":
		o.binary = 1
	case "t":
		o.binary = 0
	case "c":
		o.check = true
	case "tag":
		o.tag = true
	case "untagged":
		o.tag = false
	case "z":
		o.zero = true
	case "ignore-missing":
		o.ignoreMissing = true
	case "quiet": // --quiet, --status and --warn override each other
		o.quiet, o.status, o.warn = true, false, false
	case "status":
		o.quiet, o.status, o.warn = false, true, false
	case "strict":
		o.strict = true
	case "w":
		o.quiet, o.status, o.warn = false, false, true
	}
}

// digestValidate checks the combination of options as GNU does; it
// returns the exit status of a usage error, or -1.
func (c *Context) digestValidate(o *digestOpts, cksum bool) int {
	bad := func(msg string) int { return c.usageErr(1, "%s", msg) }
	if o.tag && o.binary == 0 && !cksum {
		return bad("--tag does not support --text mode")
	}
	if o.zero && o.check {
		return bad("the --zero option is not supported when verifying checksums")
	}
	if o.tag && o.check && !cksum {
		return bad("the --tag option is meaningless when verifying checksums")
	}
	if o.binary >= 0 && o.check {
		return bad("the --binary and --text options are meaningless when verifying checksums")
	}
	if !o.check {
		for _, f := range []struct {
			on   bool
			name string
		}{{o.ignoreMissing, "ignore-missing"}, {o.status, "status"}, {o.warn, "warn"}, {o.quiet, "quiet"}, {o.strict, "strict"}} {
			if f.on {
				return bad("the --" + f.name + " option is meaningful only when verifying checksums")
			}
		}
	}
	return -1
}

// digestRun computes or checks the digests of the operands.
func (c *Context) digestRun(o *digestOpts, names []string) int {
	if len(names) == 0 {
		names = []string{"-"}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	status := 0
	for _, name := range names {
		if c.stopped() {
			break
		}
		if o.check {
			if !c.digestCheck(o, name, out) {
				status = 1
			}
		} else {
			sum, _, err := c.digestFile(o.algo, name)
			if err != nil {
				if c.Canceled() {
					return 1
				}
				out.Flush()
				c.PathErr(quoteIf(name), err)
				status = 1
				continue
			}
			writeDigestLine(out, o, o.algo, name, sum)
		}
		if out.err != nil {
			break
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// digestFile computes the digest of the input operand name, streaming it;
// it also returns the size.
func (c *Context) digestFile(algo *digestAlgo, name string) ([]byte, int64, error) {
	r, err := c.openInput(name)
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	h := algo.new()
	n, err := c.copyCancel(h, r)
	if err != nil {
		return nil, n, err
	}
	return h.Sum(nil), n, nil
}

// copyCancel copies r to w, stopping when the run is cancelled.
func (c *Context) copyCancel(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 64*1024)
	var total int64
	for {
		if c.Canceled() {
			return total, c.Ctx.Err()
		}
		n, err := r.Read(buf)
		if n > 0 {
			w.Write(buf[:n])
			total += int64(n)
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// digestNeedsEscape reports whether a file name must be escaped in a
// checksum line.
func digestNeedsEscape(name string) bool { return strings.ContainsAny(name, "\\\n\r") }

// digestEscape escapes a file name as GNU's print_filename does.
func digestEscape(name string) string {
	return strings.NewReplacer("\\", "\\\\", "\n", "\\n", "\r", "\\r").Replace(name)
}

// writeDigestLine prints the digest line of name.
func writeDigestLine(out *errWriter, o *digestOpts, algo *digestAlgo, name string, sum []byte) {
	esc := !o.zero && digestNeedsEscape(name)
	shown := name
	if esc {
		out.WriteByte('\\')
		shown = digestEscape(name)
	}
	if o.tag {
		out.WriteString(algo.tag + " (" + shown + ") = " + hex.EncodeToString(sum))
	} else {
		mark := " "
		if o.binary == 1 {
			mark = "*"
		}
		out.WriteString(hex.EncodeToString(sum) + " " + mark + shown)
	}
	if o.zero {
		out.WriteByte(0)
	} else {
		out.WriteByte('\n')
	}
}

// digestChecker holds the state of checking one checksum file.
type digestChecker struct {
	bsdReversed int // -1 unknown, 0 standard lines seen, 1 "hash name" lines seen
	// lastTag names the algorithm in warnings; for cksum without -a it
	// is that of the last tagged line seen, as in GNU.
	lastTag string
}

// digestUnescape undoes digestEscape; ok is false for an invalid escape.
func digestUnescape(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i == len(s)-1 {
				return "", false
			}
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case '\\':
				b.WriteByte('\\')
			default:
				return "", false
			}
		case 0:
			return "", false
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), true
}

func isHexDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F') {
			return false
		}
	}
	return true
}

// split parses a checksum line as GNU's split_3 does. algo is the
// expected algorithm, nil for cksum without -a (tagged lines only, any
// algorithm). It returns the algorithm, the hex digest and the name.
func (dc *digestChecker) split(s string, algo *digestAlgo) (*digestAlgo, string, string, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	escaped := false
	if i < len(s) && s[i] == '\\' {
		i++
		escaped = true
	}
	rest := s[i:]
	for _, a := range digestAlgos {
		if algo != nil && a != algo {
			continue
		}
		if !strings.HasPrefix(rest, a.tag) {
			continue
		}
		r := rest[len(a.tag):]
		if algo == nil {
			if r != "" && r[0] != ' ' && r[0] != '(' {
				continue
			}
			dc.lastTag = a.tag
		}
		if strings.HasPrefix(r, " ") {
			r = r[1:]
		}
		if !strings.HasPrefix(r, "(") {
			if algo == nil {
				continue
			}
			return nil, "", "", false
		}
		hexd, name, ok := bsdSplit(r[1:], escaped)
		return a, hexd, name, ok
	}
	if algo == nil {
		return nil, "", "", false
	}
	hexLen := 2 * algo.size
	if len(s)-i < hexLen+2+b2i(i < len(s) && s[i] == '\\') {
		return nil, "", "", false
	}
	hexd := s[i : i+hexLen]
	i += hexLen
	if s[i] != ' ' && s[i] != '\t' {
		return nil, "", "", false
	}
	i++
	if !isHexDigits(hexd, hexLen) {
		return nil, "", "", false
	}
	if len(s)-i == 1 || (s[i] != ' ' && s[i] != '*') {
		if dc.bsdReversed == 0 {
			return nil, "", "", false
		}
		dc.bsdReversed = 1
	} else if dc.bsdReversed != 1 {
		dc.bsdReversed = 0
		i++
	}
	name := s[i:]
	if escaped {
		var ok bool
		if name, ok = digestUnescape(name); !ok {
			return nil, "", "", false
		}
	}
	return algo, hexd, name, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bsdSplit parses "name) = hash" as GNU's bsd_split_3 does.
func bsdSplit(s string, escaped bool) (string, string, bool) {
	if s == "" {
		return "", "", false
	}
	i := strings.LastIndexByte(s, ')')
	if i <= 0 && !(i == 0 && s[0] == ')') {
		return "", "", false
	}
	name := s[:i]
	if escaped {
		var ok bool
		if name, ok = digestUnescape(name); !ok {
			return "", "", false
		}
	}
	i++
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) || s[i] != '=' {
		return "", "", false
	}
	i++
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return s[i:], name, true
}

// digestCheck checks the checksum file name; it reports success.
func (c *Context) digestCheck(o *digestOpts, name string, out *errWriter) bool {
	r, err := c.openInput(name)
	if err != nil {
		out.Flush()
		c.PathErr(quoteIf(name), err)
		return false
	}
	defer r.Close()
	isStdin := name == "-"
	shownName := name
	if isStdin {
		shownName = "standard input"
	}
	dc := &digestChecker{bsdReversed: -1, lastTag: "CRC"}
	if o.algo != nil {
		dc.lastTag = o.algo.tag
	}
	br := bufio.NewReader(r)
	var lineNo, misformatted, failures, mismatched int
	properly, matched := false, false
	warnf := func(format string, args ...any) {
		out.Flush()
		c.Errorf(format, args...)
	}
	var rerr error
	for !c.stopped() {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			rerr = err
			break
		}
		if line == "" {
			break
		}
		lineNo++
		if line[0] != '#' {
			line = strings.TrimSuffix(line, "\n")
			line = strings.TrimSuffix(line, "\r")
			if line != "" {
				if i := strings.IndexByte(line, 0); i >= 0 {
					line = line[:i]
				}
				algo, hexd, fname, ok := dc.split(line, o.algo)
				if !ok || isStdin && fname == "-" || !isHexDigits(hexd, 2*algoSize(algo)) {
					misformatted++
					if o.warn {
						warnf("%s: %d: improperly formatted %s checksum line", quoteIf(shownName), lineNo, dc.lastTag)
					}
				} else {
					properly = true
					// In check mode only a newline makes GNU 9.1 escape.
					esc := !o.status && strings.Contains(fname, "\n")
					shown := fname
					if esc {
						shown = "\\" + digestEscape(fname)
					}
					sum, _, ferr := c.digestFile(algo, fname)
					switch {
					case ferr != nil && c.Canceled():
						return false
					case ferr != nil && o.ignoreMissing && isNotExist(ferr):
					case ferr != nil:
						failures++
						warnf("%s: %s", quoteIf(fname), ErrText(ferr))
						if !o.status {
							out.WriteString(shown + ": FAILED open or read\n")
						}
					default:
						good := strings.EqualFold(hex.EncodeToString(sum), hexd)
						if good {
							matched = true
						} else {
							mismatched++
						}
						if !o.status {
							if !good {
								out.WriteString(shown + ": FAILED\n")
							} else if !o.quiet {
								out.WriteString(shown + ": OK\n")
							}
						}
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
	}
	if rerr != nil {
		warnf("%s: read error", quoteIf(shownName))
		return false
	}
	if !properly {
		warnf("%s: no properly formatted checksum lines found", quoteIf(shownName))
		return false
	}
	if !o.status {
		plural := func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf(one, n)
			}
			return fmt.Sprintf(many, n)
		}
		if misformatted != 0 {
			warnf("%s", plural(misformatted, "WARNING: %d line is improperly formatted", "WARNING: %d lines are improperly formatted"))
		}
		if failures != 0 {
			warnf("%s", plural(failures, "WARNING: %d listed file could not be read", "WARNING: %d listed files could not be read"))
		}
		if mismatched != 0 {
			warnf("%s", plural(mismatched, "WARNING: %d computed checksum did NOT match", "WARNING: %d computed checksums did NOT match"))
		}
		if o.ignoreMissing && !matched {
			warnf("%s: no file was verified", quoteIf(shownName))
		}
	}
	return mismatched == 0 && failures == 0 && (!o.strict || misformatted == 0) && (!o.ignoreMissing || matched)
}

func algoSize(a *digestAlgo) int {
	if a == nil {
		return 0
	}
	return a.size
}

// isNotExist reports whether err is ENOENT.
func isNotExist(err error) bool { return errnoOf(err) == 2 }

package builtins

// split, as GNU's (coreutils 9.1): -l/--lines, -b/--bytes, -C/--line-bytes
// (sizes with K, M, G... suffixes), -n/--number N, K/N, l/N, l/K/N, r/N,
// r/K/N (-n needs a regular file: from stdin it fails, as GNU's does when
// it cannot determine the size), -a/--suffix-length, -d/-x and
// --numeric-suffixes/--hex-suffixes[=FROM], --additional-suffix,
// -e/--elide-empty-files, -t/--separator, --verbose, -u (accepted),
// FILE ("-" or none for stdin) and PREFIX. Input is streamed. Not
// supported: --filter (there is no shell to run it).

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

func init() { Register("split", split) }

var splitSpec = optSpec{
	Short: "0123456789C:a:b:del:n:t:ux",
	Long: []longOpt{
		{Name: "bytes", Arg: requiredArg, Key: "b"},
		{Name: "elide-empty-files", Key: "e"},
		{Name: "line-bytes", Arg: requiredArg, Key: "C"},
		{Name: "lines", Arg: requiredArg, Key: "l"},
		{Name: "number", Arg: requiredArg, Key: "n"},
		{Name: "numeric-suffixes", Arg: optionalArg, Key: "d"},
		{Name: "hex-suffixes", Arg: optionalArg, Key: "x"},
		{Name: "suffix-length", Arg: requiredArg, Key: "a"},
		{Name: "additional-suffix", Arg: requiredArg, Key: "additional-suffix"},
		{Name: "separator", Arg: requiredArg, Key: "t"},
		{Name: "unbuffered", Key: "u"},
		{Name: "verbose", Key: "verbose"},
	},
	Status: 1,
	Usage: `Usage: split [OPTION]... [FILE [PREFIX]]
Output pieces of FILE to PREFIXaa, PREFIXab, ...;
default size is 1000 lines, and default PREFIX is 'x'.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -a, --suffix-length=N   generate suffixes of length N (default 2)
      --additional-suffix=SUFFIX  append an additional SUFFIX to file names
  -b, --bytes=SIZE        put SIZE bytes per output file
  -C, --line-bytes=SIZE   put at most SIZE bytes of records per output file
  -d                      use numeric suffixes starting at 0, not alphabetic
      --numeric-suffixes[=FROM]  same as -d, but allow setting the start value
  -x                      use hex suffixes starting at 0, not alphabetic
      --hex-suffixes[=FROM]  same as -x, but allow setting the start value
  -e, --elide-empty-files  do not generate empty output files with '-n'
  -l, --lines=NUMBER      put NUMBER lines/records per output file
  -n, --number=CHUNKS     generate CHUNKS output files; see explanation below
  -t, --separator=SEP     use SEP instead of newline as the record separator;
                            '\0' (zero) specifies the NUL character
  -u, --unbuffered        immediately copy input to output with '-n r/...'
      --verbose           print a diagnostic just before each
                            output file is opened
      --help        display this help and exit
      --version     output version information and exit

The SIZE argument is an integer and optional unit (example: 10K is 10*1024).
Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.

CHUNKS may be:
  N       split into N files based on size of input
  K/N     output Kth of N to stdout
  l/N     split into N files without splitting lines/records
  l/K/N   output Kth of N to stdout without splitting lines/records
  r/N     like 'l' but use round robin distribution
  r/K/N   likewise but only output Kth of N to stdout
`,
}

type splitType int

const (
	splitLines splitType = iota
	splitBytes
	splitLineBytes
	splitChunkBytes
	splitChunkLines
	splitRR
)

// splitter holds one split command's state: the naming of output files
// and the file being written.
type splitter struct {
	c         *Context
	prefix    string
	addSuffix string
	alphabet  string
	sufLen    int
	auto      bool   // widen the suffix when it runs out
	start     string // --numeric-suffixes=FROM
	verbose   bool
	elide     bool
	eol       byte
	in        fs.FileInfo
	inName    string

	base   string // prefix plus the letters taken in by widening
	index  []int
	name   string
	out    io.WriteCloser
	opened bool
}

// splitFail is raised (as a panic) to end split at once with status 1
// after a message, as GNU's error (EXIT_FAILURE, ...) does.
type splitFail struct{}

func split(c *Context) (status int) {
	p, err := c.parseOpts(&splitSpec)
	if err != nil {
		return exitStatus(err)
	}
	s := &splitter{c: c, prefix: "x", alphabet: "abcdefghijklmnopqrstuvwxyz", auto: true, eol: '\n'}
	typ := splitLines
	var nUnits, kUnits int64 = 1000, 0
	typeSet := false
	digits := ""
	setType := func(t splitType) bool {
		if typeSet && typ != t {
			c.usageErr(1, "cannot split in more than one way")
			return false
		}
		typ, typeSet = t, true
		return true
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "a":
			n, e := parseSuffixed(o.Val, "", false)
			if e != sizeOK || n > 1<<20 {
				return c.Failf(1, "%s: invalid suffix length", quote(o.Val))
			}
			s.sufLen = int(n)
		case "additional-suffix":
			if strings.Contains(o.Val, "/") {
				return c.usageErr(1, "invalid suffix %s, contains directory separator", quote(o.Val))
			}
			s.addSuffix = o.Val
		case "b":
			if !setType(splitBytes) {
				return 1
			}
			if nUnits = c.splitSize(o.Val, "bEGKkMmPTtYZ0", "invalid number of bytes"); nUnits < 0 {
				return 1
			}
		case "C":
			if !setType(splitLineBytes) {
				return 1
			}
			if nUnits = c.splitSize(o.Val, "bEGKkMmPTtYZ0", "invalid number of bytes"); nUnits < 0 {
				return 1
			}
		case "l":
			if !setType(splitLines) {
				return 1
			}
			if nUnits = c.splitSize(o.Val, "", "invalid number of lines"); nUnits < 0 {
				return 1
			}
		case "n":
			if !setType(splitChunkBytes) {
				return 1
			}
			arg := o.Val
			arg = strings.TrimLeft(arg, " \t")
			if strings.HasPrefix(arg, "r/") {
				typ, arg = splitRR, arg[2:]
			} else if strings.HasPrefix(arg, "l/") {
				typ, arg = splitChunkLines, arg[2:]
			}
			if k, n, ok := strings.Cut(arg, "/"); ok {
				if kUnits = c.splitSize(k, "", "invalid chunk number"); kUnits < 0 {
					return 1
				}
				arg = n
			}
			if nUnits = c.splitSize(arg, "", "invalid number of chunks"); nUnits < 0 {
				return 1
			}
			if kUnits > nUnits {
				return c.Failf(1, "invalid chunk number: %s: %s", quote(strconv.FormatInt(kUnits, 10)), Strerror(syscall.ERANGE))
			}
		case "d", "x":
			if o.Key == "d" {
				s.alphabet = "0123456789"
			} else {
				s.alphabet = "0123456789abcdef"
			}
			if o.HasVal {
				if strings.Trim(o.Val, s.alphabet) != "" || o.Val == "" {
					return c.usageErr(1, "%s: invalid start value for numerical suffix", quote(o.Val))
				}
				v := strings.TrimLeft(o.Val, "0")
				if v == "" {
					v = "0"
				}
				s.start = v
			} else {
				s.start = ""
			}
		case "e":
			s.elide = true
		case "t":
			sep := o.Val
			if sep == "" {
				return c.Failf(1, "empty record separator")
			}
			if len(sep) > 1 {
				if sep == `\0` {
					sep = "\x00"
				} else {
					return c.Failf(1, "multi-character separator %s", quote(sep))
				}
			}
			if s.eol != '\n' && s.eol != sep[0] {
				return c.Failf(1, "multiple separator characters specified")
			}
			s.eol = sep[0]
		case "u":
		case "verbose":
			s.verbose = true
		default:
			// -0 ... -9: an obsolete -NUM, the number of lines.
			digits += o.Key
			if !setType(splitLines) {
				return 1
			}
			n, _ := strconv.ParseInt(digits, 10, 64)
			nUnits = n
		}
	}
	if digits != "" && nUnits == 0 {
		return c.Failf(1, "invalid number of lines: %s: %s", quote("0"), Strerror(syscall.ERANGE))
	}
	ops := p.Operands
	if len(ops) > 2 {
		return c.usageErr(1, "extra operand %s", quote(ops[2]))
	}
	infile := "-"
	if len(ops) > 0 {
		infile = ops[0]
	}
	if len(ops) > 1 {
		s.prefix = ops[1]
	}
	s.inName = infile
	if !s.setSuffixLength(nUnits, typ) {
		return 1
	}
	in, err := c.openInput(infile)
	if err != nil {
		return c.Failf(1, "cannot open %s for reading: %s", quote(infile), ErrText(err))
	}
	defer in.Close()
	if f, ok := in.(interface{ Stat() (os.FileInfo, error) }); ok && infile != "-" {
		s.in, _ = f.Stat()
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(splitFail); !ok {
				panic(r)
			}
			status = 1
		}
		if s.out != nil {
			s.out.Close()
		}
	}()
	var size int64 = -1
	if typ == splitChunkBytes || typ == splitChunkLines {
		if s.in == nil || !s.in.Mode().IsRegular() {
			return c.Failf(1, "%s: cannot determine file size", quoteIf(infile))
		}
		size = s.in.Size()
	}
	sw, so := c.withStickyStdout()
	s.c = sw
	r := bufio.NewReaderSize(in, 64*1024)
	switch typ {
	case splitLines:
		s.lines(r, nUnits)
	case splitBytes:
		s.bytes(r, nUnits)
	case splitLineBytes:
		s.lineBytes(r, nUnits)
	case splitChunkBytes:
		s.chunkBytes(r, kUnits, nUnits, size)
	case splitChunkLines:
		s.chunkLines(r, kUnits, nUnits, size)
	case splitRR:
		s.roundRobin(r, kUnits, nUnits)
	}
	if s.out != nil {
		if err := s.out.Close(); err != nil {
			c.Errorf("%s: %s", quoteIf(s.name), ErrText(err))
			status = 1
		}
		s.out = nil
	}
	if so.err != nil {
		return c.writeFailed(so.err)
	}
	return status
}

// splitSize parses a count: a positive number with the given suffixes.
// It returns -1 after a message when the count is invalid.
func (c *Context) splitSize(arg, suffixes, what string) int64 {
	n, e := parseSuffixed(arg, suffixes, false)
	switch {
	case e == sizeInvalid:
		c.Errorf("%s: %s", what, quote(arg))
	case e == sizeOverflow:
		// GNU clamps huge counts to the largest possible one.
		return n
	case n == 0:
		c.Errorf("%s: %s: %s", what, quote(arg), Strerror(syscall.ERANGE))
	default:
		return n
	}
	return -1
}

// setSuffixLength is GNU's set_suffix_length: -n needs enough letters for
// its N files; otherwise the length is 2 and grows as names run out.
func (s *splitter) setSuffixLength(nUnits int64, typ splitType) bool {
	needed := 0
	if s.start != "" {
		s.auto = false
	}
	if typ == splitChunkBytes || typ == splitChunkLines || typ == splitRR {
		end := nUnits - 1
		if s.start != "" {
			if st, err := strconv.ParseInt(s.start, 10, 64); err == nil && st < nUnits {
				end += st
			}
		}
		for {
			needed++
			end /= int64(len(s.alphabet))
			if end == 0 {
				break
			}
		}
		s.auto = false
	}
	if s.sufLen > 0 {
		if s.sufLen < needed {
			s.c.Errorf("the suffix length needs to be at least %d", needed)
			return false
		}
		s.auto = false
	} else {
		s.sufLen = max(2, needed)
	}
	if s.start != "" && len(s.start) > s.sufLen {
		s.c.usageErr(1, "numerical suffix start value is too large for the suffix length")
		return false
	}
	return true
}

// nextName is GNU's next_file_name.
func (s *splitter) nextName() {
	if s.index == nil {
		s.base = s.prefix
		s.newSuffix()
		if s.start != "" {
			for i := 0; i < len(s.start); i++ {
				s.index[s.sufLen-len(s.start)+i] = strings.IndexByte(s.alphabet, s.start[i])
			}
		}
	} else {
		i := s.sufLen - 1
		for ; i >= 0; i-- {
			s.index[i]++
			if s.auto && i == 0 && s.index[0]+1 == len(s.alphabet) {
				s.base += string(s.alphabet[s.index[0]])
				s.sufLen++
				s.newSuffix()
				break
			}
			if s.index[i] < len(s.alphabet) {
				break
			}
			s.index[i] = 0
		}
		if i < 0 {
			s.c.Errorf("output file suffixes exhausted")
			panic(splitFail{})
		}
	}
	var b strings.Builder
	b.WriteString(s.base)
	for _, x := range s.index {
		b.WriteByte(s.alphabet[x])
	}
	b.WriteString(s.addSuffix)
	s.name = b.String()
}

func (s *splitter) newSuffix() { s.index = make([]int, s.sufLen) }

// create closes the current output file and opens the next one, as GNU's
// cwrite with new_file_flag.
func (s *splitter) create() {
	c := s.c
	if s.out != nil {
		if err := s.out.Close(); err != nil {
			c.Errorf("%s: %s", quoteIf(s.name), ErrText(err))
			panic(splitFail{})
		}
		s.out = nil
	}
	s.nextName()
	if s.verbose {
		c.writeOut("creating file " + quote(s.name) + "\n")
	}
	p := c.fsPath(s.name)
	if s.in != nil {
		if fi, err := c.FS.Stat(p); err == nil && sameFile(fi, s.in) {
			c.Errorf("%s would overwrite input; aborting", quote(s.name))
			panic(splitFail{})
		}
	}
	f, err := c.FS.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		c.Errorf("%s: %s", quoteIf(s.name), ErrText(err))
		panic(splitFail{})
	}
	s.out = f
}

// write writes b to the output, to a new file if newFile.
func (s *splitter) write(newFile bool, b []byte) {
	if newFile {
		if b == nil && s.elide {
			return
		}
		s.create()
	}
	if len(b) == 0 {
		return
	}
	if s.out == nil {
		s.create()
	}
	if _, err := s.out.Write(b); err != nil {
		s.c.Errorf("%s: %s", quoteIf(s.name), ErrText(err))
		panic(splitFail{})
	}
}

// read reads the next piece of input; it ends split on a read error.
func (s *splitter) read(r *bufio.Reader, buf []byte) int {
	if s.c.Canceled() {
		panic(splitFail{})
	}
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		s.c.Errorf("%s: %s", quoteIf(s.inName), ErrText(err))
		panic(splitFail{})
	}
	return n
}

// lines writes n records per file.
func (s *splitter) lines(r *bufio.Reader, n int64) {
	buf := make([]byte, 64*1024)
	newFile := true
	var count int64
	for {
		m := s.read(r, buf)
		if m == 0 {
			return
		}
		b := buf[:m]
		for len(b) > 0 {
			i := bytes.IndexByte(b, s.eol)
			if i < 0 {
				s.write(newFile, b)
				newFile = false
				break
			}
			count++
			if count >= n {
				s.write(newFile, b[:i+1])
				newFile, count = true, 0
			} else {
				s.write(newFile, b[:i+1])
				newFile = false
			}
			b = b[i+1:]
		}
	}
}

// bytes writes n bytes per file.
func (s *splitter) bytes(r *bufio.Reader, n int64) {
	buf := make([]byte, 64*1024)
	left := n
	newFile := true
	for {
		m := s.read(r, buf)
		if m == 0 {
			return
		}
		b := buf[:m]
		for len(b) > 0 {
			k := int64(len(b))
			if k > left {
				k = left
			}
			s.write(newFile, b[:k])
			newFile = false
			b = b[k:]
			left -= k
			if left == 0 {
				newFile, left = true, n
			}
		}
	}
}

// lineBytes writes as many whole records as fit in n bytes per file,
// splitting records longer than n, as GNU's line_bytes_split: each file
// holds the next n bytes up to their last separator, or all n bytes when
// they hold none.
func (s *splitter) lineBytes(r *bufio.Reader, n int64) {
	buf := make([]byte, 64*1024)
	var pend []byte // bytes of the window after its last separator
	var wrote int64 // bytes of the window already written
	anyEOL := false
	for {
		m := s.read(r, buf)
		if m == 0 {
			break
		}
		b := buf[:m]
		for len(b) > 0 {
			take := min(n-wrote-int64(len(pend)), int64(len(b)))
			seg := b[:take]
			b = b[take:]
			if j := bytes.LastIndexByte(seg, s.eol); j >= 0 {
				s.write(wrote == 0, append(pend, seg[:j+1]...))
				wrote += int64(len(pend) + j + 1)
				pend = append([]byte(nil), seg[j+1:]...)
				anyEOL = true
			} else {
				pend = append(pend, seg...)
			}
			if wrote+int64(len(pend)) == n {
				if !anyEOL {
					s.write(true, pend)
					pend = nil
				}
				wrote, anyEOL = 0, false
			}
		}
	}
	if len(pend) > 0 {
		s.write(wrote == 0, pend)
	}
}

// chunkBytes splits size bytes into n files, or with k writes the kth to
// stdout, as coreutils 9.1 does: chunks of size/n bytes (at least 1), the
// last taking the rest.
func (s *splitter) chunkBytes(r *bufio.Reader, k, n, size int64) {
	cs := max(size/n, 1)
	if k > 0 {
		start := (k - 1) * cs
		end := k * cs
		if k == n {
			end = size
		}
		if start >= size || end <= start {
			return
		}
		if _, err := io.CopyN(io.Discard, r, start); err != nil {
			return
		}
		if rerr, werr := s.c.copyData(s.c.Stdout, io.LimitReader(r, end-start)); rerr != nil || werr != nil {
			if rerr != nil {
				s.c.Errorf("%s: %s", quoteIf(s.inName), ErrText(rerr))
			}
			panic(splitFail{})
		}
		return
	}
	buf := make([]byte, 64*1024)
	for i := int64(1); i <= n; i++ {
		want := cs
		if i == n {
			want = 1 << 62
		}
		created := false
		if !s.elide {
			s.create()
			created = true
		}
		for want > 0 {
			got := s.read(r, buf[:min(int64(len(buf)), want)])
			if got == 0 {
				break
			}
			s.write(!created, buf[:got])
			created = true
			want -= int64(got)
		}
	}
}

// chunkLines is -n l/N and l/K/N: chunks as for -n N, each record going
// whole to the chunk its end reaches, as coreutils 9.1's
// lines_chunk_split.
func (s *splitter) chunkLines(r *bufio.Reader, k, n, size int64) {
	cs := size / n
	chunkNo := int64(1)
	chunkEnd := cs
	if n == 1 {
		chunkEnd = size
	}
	var written int64
	newFile := true
	var w *bufio.Writer
	if k > 0 {
		w = bufio.NewWriter(s.c.Stdout)
		defer w.Flush()
	}
	for written < size {
		line, err := r.ReadSlice(s.eol)
		if len(line) == 0 {
			if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
				s.c.Errorf("%s: %s", quoteIf(s.inName), ErrText(err))
				panic(splitFail{})
			}
			break
		}
		if s.c.stopped() {
			panic(splitFail{})
		}
		next := line[len(line)-1] == s.eol && err == nil
		end := written + int64(len(line))
		// A piece of a long record, or a record ending before the
		// chunk's last byte, stays in the current chunk.
		if next && end-1 < chunkEnd-1 {
			next = false
		}
		if k == chunkNo {
			w.Write(line)
		} else if k == 0 {
			s.write(newFile, line)
		}
		written = end
		newFile = next
		for (next || chunkEnd <= written) && chunkNo <= n {
			if chunkNo == k {
				return
			}
			chunkNo++
			if chunkNo > n {
				break
			}
			if chunkNo == n {
				chunkEnd = size
			} else {
				chunkEnd += cs
			}
			if chunkEnd <= written {
				if k == 0 {
					s.write(true, nil)
				}
			} else {
				next = false
			}
		}
	}
	for k == 0 && chunkNo <= n {
		chunkNo++
		s.write(true, nil)
	}
}

// roundRobin is -n r/N and r/K/N: record i goes to file i mod N.
func (s *splitter) roundRobin(r *bufio.Reader, k, n int64) {
	c := s.c
	var outs []io.WriteCloser
	var names []string
	if k == 0 {
		outs = make([]io.WriteCloser, n)
		names = make([]string, n)
		if !s.elide {
			for i := range outs {
				s.create()
				outs[i], names[i] = s.out, s.name
				s.out = nil
			}
		}
		defer func() {
			for _, o := range outs {
				if o != nil {
					o.Close()
				}
			}
		}()
	}
	var w *bufio.Writer
	if k > 0 {
		w = bufio.NewWriter(c.Stdout)
		defer w.Flush()
	}
	var i int64
	for {
		line, err := r.ReadSlice(s.eol)
		if len(line) > 0 {
			if c.stopped() {
				panic(splitFail{})
			}
			j := i % n
			if k > 0 {
				if j == k-1 {
					w.Write(line)
				}
			} else {
				if outs[j] == nil {
					s.create()
					outs[j], names[j] = s.out, s.name
					s.out = nil
				}
				if _, werr := outs[j].Write(line); werr != nil {
					c.Errorf("%s: %s", quoteIf(names[j]), ErrText(werr))
					panic(splitFail{})
				}
			}
			if err != bufio.ErrBufferFull {
				i++
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil && err != bufio.ErrBufferFull {
			c.Errorf("%s: %s", quoteIf(s.inName), ErrText(err))
			panic(splitFail{})
		}
	}
}

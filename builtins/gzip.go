package builtins

// gzip, gunzip and zcat, as GNU gzip's one program: compress files to
// FILE.gz (or FILE+SUFFIX with -S) and back, or standard input to standard
// output; -c -d -f -k -l -n -N -q -t -v -S SUF -1..-9 --fast --best and
// their long forms. The output keeps the input's mode and modification
// time; compressing records the name and time in the header (not with -n);
// gunzip -N restores the recorded time. Concatenated members decompress as
// one stream; trailing garbage gets GNU's warning.
//
// Not supported: -r (recursion), --rsyncable, -a, the prompt before
// overwriting (stdin is never a terminal here: the file is not
// overwritten, as GNU does then), and .Z/.zip (pack, LZW) inputs. The
// compressed bytes are Go's deflate, not GNU's: they decompress the same
// but differ.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

func init() {
	Register("gzip", gzipCmd)
	Register("gunzip", gzipCmd)
	Register("zcat", gzipCmd)
}

var gzipSpec = optSpec{
	Short: "cdfklnNqS:tvV123456789",
	Long: []longOpt{
		{Name: "stdout", Key: "c"},
		{Name: "to-stdout", Key: "c"},
		{Name: "decompress", Key: "d"},
		{Name: "uncompress", Key: "d"},
		{Name: "force", Key: "f"},
		{Name: "keep", Key: "k"},
		{Name: "list", Key: "l"},
		{Name: "no-name", Key: "n"},
		{Name: "name", Key: "N"},
		{Name: "quiet", Key: "q"},
		{Name: "suffix", Arg: requiredArg, Key: "S"},
		{Name: "test", Key: "t"},
		{Name: "verbose", Key: "v"},
		{Name: "fast", Key: "1"},
		{Name: "best", Key: "9"},
	},
	Status: 1,
	Usage: `Usage: gzip [OPTION]... [FILE]...
Compress or uncompress FILEs (by default, compress FILES in-place).

Mandatory arguments to long options are mandatory for short options too.

  -c, --stdout      write on standard output, keep original files unchanged
  -d, --decompress  decompress
  -f, --force       force overwrite of output file and compress links
  -k, --keep        keep (don't delete) input files
  -l, --list        list compressed file contents
  -n, --no-name     do not save or restore the original name and timestamp
  -N, --name        save or restore the original name and timestamp
  -q, --quiet       suppress all warnings
  -S, --suffix=SUF  use suffix SUF on compressed files
  -t, --test        test compressed file integrity
  -v, --verbose     verbose mode
  -1, --fast        compress faster
  -9, --best        compress better

With no FILE, or when FILE is -, read standard input.

Report bugs to <bug-gzip@gnu.org>.
`,
}

// gzipRun is the state of one gzip command.
type gzipRun struct {
	c                                  *Context
	decompress, stdout, force, keep    bool
	list, test, quiet, verbose         bool
	name, noName                       bool
	level                              int
	suffix                             string
	status                             int
	listed                             bool
	totalIn, totalOut, lastHdr, nFiles int64
}

func (g *gzipRun) errorf(format string, a ...any) {
	fmt.Fprintf(g.c.Stderr, "gzip: "+format+"\n", a...)
	g.status = 1
}

func (g *gzipRun) warnf(format string, a ...any) {
	if !g.quiet {
		fmt.Fprintf(g.c.Stderr, "gzip: "+format+"\n", a...)
	}
	if g.status == 0 {
		g.status = 2
	}
}

func gzipCmd(c *Context) int {
	// GNU gzip's getopt messages point to --help with a backquote.
	var errBuf bytes.Buffer
	c2 := *c
	c2.Stderr = &errBuf
	if c.Name() != "gzip" {
		c2.Args = append([]string{"gzip"}, c.Args[1:]...)
	}
	p, err := c2.parseOpts(&gzipSpec)
	io.WriteString(c.Stderr, strings.ReplaceAll(errBuf.String(), "Try 'gzip --help'", "Try `gzip --help'"))
	if err != nil {
		return exitStatus(err)
	}
	g := &gzipRun{c: c, level: 6, suffix: ".gz"}
	switch c.Name() {
	case "gunzip":
		g.decompress = true
	case "zcat":
		g.decompress, g.stdout = true, true
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "c":
			g.stdout = true
		case "d":
			g.decompress = true
		case "f":
			g.force = true
		case "k":
			g.keep = true
		case "l":
			g.list = true
		case "n":
			g.noName, g.name = true, false
		case "N":
			g.name, g.noName = true, false
		case "q":
			g.quiet, g.verbose = true, false
		case "S":
			g.suffix = o.Val
		case "t":
			g.test = true
		case "v":
			g.verbose, g.quiet = true, false
		case "V":
			return c.writeOut("gzip (sandsh builtin) 1.12\n")
		default:
			g.level = int(o.Key[0] - '0')
		}
	}
	if g.suffix == "" || strings.Contains(g.suffix, "/") {
		fmt.Fprintf(c.Stderr, "gzip: invalid suffix '%s'\n", g.suffix)
		return 1
	}
	if g.list || g.test {
		g.decompress = true
	}
	files := p.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if c.stopped() {
			return 1
		}
		if name == "-" {
			g.doStdin()
		} else {
			g.doFile(name)
		}
	}
	if g.list && g.nFiles > 1 && g.status == 0 {
		// GNU computes the total ratio with the last file's header size.
		g.listLine(g.totalIn, g.totalOut, g.lastHdr, "(totals)")
	}
	if c.Canceled() {
		return 1
	}
	return g.status
}

// doStdin handles standard input, which always goes to standard output.
func (g *gzipRun) doStdin() {
	in, _ := g.c.openInput("-")
	defer in.Close()
	r := &jqCancelReader{r: in, c: g.c}
	if g.list {
		data, err := io.ReadAll(r)
		if err != nil {
			g.errorf("stdin: %s", ErrText(err))
			return
		}
		g.listData(data, "stdout", "stdin")
		return
	}
	if g.decompress {
		var w io.Writer = g.c.Stdout
		if g.test {
			w = io.Discard
		}
		g.decompressStream(r, w, "stdin", nil)
		return
	}
	if err := g.compressStream(r, g.c.Stdout, "", time.Time{}); err != nil {
		g.writeErr(err)
	}
}

func (g *gzipRun) writeErr(err error) {
	if isPipeErr(err) {
		g.status = 1
		return
	}
	g.errorf("stdout: %s", ErrText(err))
}

// hasSuffix returns the name without its compression suffix and whether
// it had one.
func (g *gzipRun) stripSuffix(name string) (string, string, bool) {
	base := baseName(name)
	lower := strings.ToLower(base)
	for _, s := range []string{g.suffix, ".gz", "-gz", ".z", "-z", "_z", ".tgz", ".taz"} {
		if len(lower) > len(s) && strings.HasSuffix(lower, strings.ToLower(s)) {
			out := name[:len(name)-len(s)]
			if s == ".tgz" || s == ".taz" {
				out += ".tar"
			}
			return out, s, true
		}
	}
	return name, "", false
}

func (g *gzipRun) doFile(name string) {
	c := g.c
	fi, err := c.lstat(name)
	if err != nil && g.decompress && errnoOf(err) != 0 {
		// gunzip a finds a.gz.
		if _, _, ok := g.stripSuffix(name); !ok {
			if fi2, err2 := c.lstat(name + g.suffix); err2 == nil {
				name, fi, err = name+g.suffix, fi2, nil
			}
		}
	}
	if err != nil {
		g.errorf("%s: %s", name, ErrText(err))
		return
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		if !g.force && !g.stdout {
			g.warnf("%s: Too many levels of symbolic links", name)
			g.status = 1
			return
		}
		if fi, err = c.stat(name); err != nil {
			g.errorf("%s: %s", name, ErrText(err))
			return
		}
	}
	if fi.IsDir() {
		g.warnf("%s is a directory -- ignored", name)
		return
	}
	if !fi.Mode().IsRegular() {
		g.warnf("%s is not a directory or a regular file - ignored", name)
		return
	}
	toStdout := g.stdout || g.test || g.list
	if !toStdout && !g.force {
		if st := statT(fi); st != nil && st.Nlink > 1 {
			n := st.Nlink - 1
			s := ""
			if n > 1 {
				s = "s"
			}
			g.warnf("%s has %d other link%s -- file ignored", name, n, s)
			return
		}
	}
	var outName string
	if g.decompress {
		stripped, _, ok := g.stripSuffix(name)
		if !ok && !toStdout {
			g.warnf("%s: unknown suffix -- ignored", name)
			return
		}
		outName = stripped
		if g.name && !toStdout {
			if orig := g.headerName(name); orig != "" {
				outName = dirPrefix(name) + orig
			}
		}
	} else {
		if _, s, ok := g.stripSuffix(name); ok && !toStdout && !g.force {
			// A warning that leaves the exit status alone, as in GNU gzip.
			if !g.quiet {
				fmt.Fprintf(c.Stderr, "gzip: %s already has %s suffix -- unchanged\n", name, s)
			}
			return
		}
		outName = name + g.suffix
	}
	f, err := c.FS.Open(c.fsPath(name))
	if err != nil {
		g.errorf("%s: %s", name, ErrText(err))
		return
	}
	defer f.Close()
	in := &jqCancelReader{r: f, c: c}

	if g.list {
		data, err := io.ReadAll(in)
		if err != nil {
			g.errorf("%s: %s", name, ErrText(err))
			return
		}
		g.listData(data, outName, name)
		return
	}
	if g.test {
		g.decompressStream(in, io.Discard, name, nil)
		return
	}
	if toStdout {
		if g.decompress {
			g.decompressStream(in, c.Stdout, name, nil)
		} else if err := g.compressStream(in, c.Stdout, baseName(name), fi.ModTime()); err != nil {
			g.writeErr(err)
		}
		return
	}

	// In place: write the output file next to the input.
	if _, err := c.lstat(outName); err == nil {
		if !g.force {
			g.warnf("%s already exists;\tnot overwritten", outName)
			return
		}
		if err := c.FS.Remove(c.fsPath(outName)); err != nil {
			g.errorf("%s: %s", outName, ErrText(err))
			return
		}
	}
	out, err := c.FS.OpenFile(c.fsPath(outName), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		g.errorf("%s: %s", outName, ErrText(err))
		return
	}
	mtime := fi.ModTime()
	ok := true
	bw := bufio.NewWriterSize(out, 64*1024)
	if g.decompress {
		var hdrTime time.Time
		ok = g.decompressStream(in, bw, name, &hdrTime)
		if ok && g.name && !hdrTime.IsZero() {
			mtime = hdrTime
		}
	} else if err := g.compressStream(in, bw, baseName(name), fi.ModTime()); err != nil {
		g.errorf("%s: %s", outName, ErrText(err))
		ok = false
	}
	if ok {
		if err := bw.Flush(); err != nil {
			g.errorf("%s: %s", outName, ErrText(err))
			ok = false
		}
	}
	out.Close()
	if !ok {
		c.FS.Remove(c.fsPath(outName))
		return
	}
	p := c.fsPath(outName)
	c.FS.Chmod(p, fi.Mode().Perm()|fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
	atime, _ := fileTimes(fi)
	c.FS.Chtimes(p, atime, mtime)
	if g.verbose {
		fmt.Fprintf(c.Stderr, "%s:\t -- replaced with %s\n", name, outName)
	}
	if !g.keep {
		if err := c.FS.Remove(c.fsPath(name)); err != nil {
			g.errorf("%s: %s", name, ErrText(err))
		}
	}
}

// headerName returns the original name recorded in the header of the
// compressed file name, without any directory, or "".
func (g *gzipRun) headerName(name string) string {
	f, err := g.c.FS.Open(g.c.fsPath(name))
	if err != nil {
		return ""
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return ""
	}
	n := baseName(zr.Name)
	if n == "/" || n == "." || n == ".." {
		return ""
	}
	return n
}

// dirPrefix returns the directory part of name with its slash ("" for none).
func dirPrefix(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i+1]
	}
	return ""
}

// compressStream writes r to w compressed, with name and mtime in the
// header unless -n.
func (g *gzipRun) compressStream(r io.Reader, w io.Writer, name string, mtime time.Time) error {
	zw, err := gzip.NewWriterLevel(w, g.level)
	if err != nil {
		return err
	}
	if !g.noName {
		zw.Name = name
		if !mtime.IsZero() {
			zw.ModTime = mtime
		}
	}
	zw.Header.OS = 3 // Unix, as GNU gzip writes
	buf := make([]byte, 64*1024)
	for {
		n, rerr := r.Read(buf)
		if n > 0 {
			if _, err := zw.Write(buf[:n]); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return rerr
		}
	}
	return zw.Close()
}

// decompressStream writes the members of r to w. It reports errors as
// GNU gzip does and returns whether all went well; hdrTime, if not nil,
// gets the time recorded in the first header.
func (g *gzipRun) decompressStream(r io.Reader, w io.Writer, name string, hdrTime *time.Time) bool {
	br := bufio.NewReaderSize(r, 64*1024)
	w = gzipWrapWriter{w}
	first := true
	for {
		magic, _ := br.Peek(2)
		if !first {
			if len(magic) == 0 {
				return true
			}
			if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
				// Zeros after the data are padding; anything else is garbage.
				rest, _ := io.ReadAll(br)
				if len(bytes.Trim(rest, "\x00")) > 0 || len(magic) > 0 && magic[0] != 0 {
					fmt.Fprintln(g.c.Stderr)
					g.warnf("%s: decompression OK, trailing garbage ignored", name)
				}
				return true
			}
		}
		if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
			if len(magic) < 2 {
				fmt.Fprintln(g.c.Stderr)
				g.errorf("%s: unexpected end of file", name)
			} else {
				fmt.Fprintln(g.c.Stderr)
				g.errorf("%s: not in gzip format", name)
			}
			return false
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			fmt.Fprintln(g.c.Stderr)
			g.errorf("%s: unexpected end of file", name)
			return false
		}
		zr.Multistream(false)
		if first && hdrTime != nil {
			*hdrTime = zr.ModTime
		}
		first = false
		if _, err := io.Copy(w, zr); err != nil {
			var we *gzipWriteErr
			switch {
			case errors.As(err, &we):
				g.writeErr(we.err)
			case g.c.Canceled():
				g.status = 1
			case errors.Is(err, io.ErrUnexpectedEOF):
				fmt.Fprintln(g.c.Stderr)
				g.errorf("%s: unexpected end of file", name)
			default:
				if isPipeErr(err) {
					g.status = 1
					return false
				}
				fmt.Fprintln(g.c.Stderr)
				g.errorf("%s: invalid compressed data--crc error", name)
			}
			return false
		}
	}
}

// gzipWrapWriter marks its write errors, to tell them from read errors.
type gzipWrapWriter struct{ w io.Writer }

func (w gzipWrapWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil {
		err = &gzipWriteErr{err}
	}
	return n, err
}

// gzipWriteErr is a failed write of decompressed data.
type gzipWriteErr struct{ err error }

func (e *gzipWriteErr) Error() string { return e.err.Error() }

// listData prints gzip -l's line for one compressed file.
func (g *gzipRun) listData(data []byte, outName, name string) {
	if len(data) < 18 || data[0] != 0x1f || data[1] != 0x8b {
		fmt.Fprintln(g.c.Stderr)
		if len(data) < 2 || data[0] == 0x1f && data[1] == 0x8b {
			g.errorf("%s: unexpected end of file", name)
		} else {
			g.errorf("%s: not in gzip format", name)
		}
		return
	}
	hdr := int64(10)
	flags := data[3]
	p := 10
	if flags&4 != 0 && p+2 <= len(data) {
		x := int(binary.LittleEndian.Uint16(data[p:]))
		p += 2 + x
		hdr += int64(2 + x)
	}
	for _, bit := range []byte{8, 16} {
		if flags&bit != 0 {
			i := bytes.IndexByte(data[min(p, len(data)):], 0)
			if i < 0 {
				break
			}
			if bit == 8 && g.name {
				outName = string(data[p : p+i])
			}
			p += i + 1
			hdr += int64(i + 1)
		}
	}
	if flags&2 != 0 {
		hdr += 2
	}
	hdr += 8
	comp := int64(len(data))
	uncomp := int64(binary.LittleEndian.Uint32(data[len(data)-4:]))
	g.listLine(comp, uncomp, hdr, outName)
	g.totalIn += comp
	g.totalOut += uncomp
	g.lastHdr = hdr
	g.nFiles++
}

func (g *gzipRun) listLine(comp, uncomp, hdr int64, name string) {
	if !g.listed {
		fmt.Fprintf(g.c.Stdout, "         compressed        uncompressed  ratio uncompressed_name\n")
		g.listed = true
	}
	ratio := 0.0
	if uncomp != 0 {
		ratio = 100 * float64(uncomp-(comp-hdr)) / float64(uncomp)
	}
	fmt.Fprintf(g.c.Stdout, "%19d %19d %5.1f%% %s\n", comp, uncomp, ratio, name)
}

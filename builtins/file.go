package builtins

// file, as file 5.44's: the types util_magic.go knows (text and its
// encodings, scripts, HTML, XML, JSON, CSV, archives, compressed data,
// images, PDF, ELF headers), directories, symbolic links, empty files and
// special files; -b/--brief, -L/--dereference, -h/--no-dereference,
// -i/--mime, --mime-type, --mime-encoding, -F/--separator, -N/--no-pad,
// -0/--print0, -f/--files-from, -E, -e/--exclude (apptype, ascii,
// encoding, tokens, cdf, compress, csv, elf, json, soft, tar, text) and
// -n, -p, -r, -s, -S, -k (accepted; -k gives only the first match). "-"
// reads standard input. Not supported: -z/-Z (looking inside compressed
// files), -m/-C/-c/-l (magic files), -P, --apple, --extension. The magic
// database is built in and covers far fewer types than libmagic's; other
// content is reported as its text encoding or as "data". ELF files get
// their header details and how they are linked, not their notes
// (BuildID, ABI tag) or whether they are stripped.

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
)

func init() { Register("file", fileCmd) }

var fileSpec = optSpec{
	Short: "bcCde:Ef:F:hiklLm:nNpP:rsSvzZ0",
	Long: []longOpt{
		{Name: "apple", Key: "apple"},
		{Name: "extension", Key: "extension"},
		{Name: "mime-type", Key: "mime-type"},
		{Name: "mime-encoding", Key: "mime-encoding"},
		{Name: "brief", Key: "b"},
		{Name: "checking-printout", Key: "c"},
		{Name: "exclude", Arg: requiredArg, Key: "e"},
		{Name: "exclude-quiet", Arg: requiredArg, Key: "exclude-quiet"},
		{Name: "files-from", Arg: requiredArg, Key: "f"},
		{Name: "separator", Arg: requiredArg, Key: "F"},
		{Name: "mime", Key: "i"},
		{Name: "keep-going", Key: "k"},
		{Name: "list", Key: "l"},
		{Name: "dereference", Key: "L"},
		{Name: "magic-file", Arg: requiredArg, Key: "m"},
		{Name: "no-dereference", Key: "h"},
		{Name: "no-buffer", Key: "n"},
		{Name: "no-pad", Key: "N"},
		{Name: "print0", Key: "0"},
		{Name: "preserve-date", Key: "p"},
		{Name: "parameter", Arg: requiredArg, Key: "P"},
		{Name: "raw", Key: "r"},
		{Name: "special-files", Key: "s"},
		{Name: "no-sandbox", Key: "S"},
		{Name: "compile", Key: "C"},
		{Name: "debug", Key: "d"},
		{Name: "uncompress", Key: "z"},
		{Name: "uncompress-noreport", Key: "Z"},
		{Name: "version", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: file [OPTION...] [FILE...]
Determine type of FILEs.

      --help                 display this help and exit
  -v, --version              output version information and exit
  -b, --brief                do not prepend filenames to output lines
  -E                         on filesystem errors (file not found etc), instead
                               of handling the error as regular output as POSIX
                               requires and keep going, issue an error message
                               and exit
  -e, --exclude TEST         exclude TEST from the list of test to be
                               performed for file. Valid tests are:
                               apptype, ascii, cdf, compress, csv, elf,
                               encoding, soft, tar, json, simh,
                               text, tokens
  -f, --files-from FILE      read the filenames to be examined from FILE
  -F, --separator STRING     use string as separator instead of ':'
  -i, --mime                 output MIME type strings (--mime-type and
                               --mime-encoding)
      --mime-type            output the MIME type
      --mime-encoding        output the MIME encoding
  -k, --keep-going           don't stop at the first match
  -L, --dereference          follow symlinks (default if POSIXLY_CORRECT is set)
  -h, --no-dereference       don't follow symlinks (default if POSIXLY_CORRECT is not set)
  -n, --no-buffer            do not buffer output
  -N, --no-pad               do not pad output
  -0, --print0               terminate filenames with ASCII NUL
  -p, --preserve-date        preserve access times on files
  -r, --raw                  don't translate unprintable chars to \ooo
  -s, --special-files        treat special (block/char devices) files as
                             ordinary ones

This sandbox version knows a built-in subset of the magic database; -z, -Z,
-m, -C, -c, -l, -P, --apple and --extension are not supported.
`,
}

// fileUsage is what file prints on stderr after a usage error.
const fileUsage = `Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
`

// fileRun holds the settings of one file command.
type fileRun struct {
	c                      *Context
	brief, follow, noPad   bool
	mimeType, mimeEncoding bool
	errors                 bool
	nulSep                 int
	sep                    string
	opts                   magicOpts
	out                    *errWriter
}

func fileCmd(c *Context) int {
	var errBuf bytes.Buffer
	pc := *c
	pc.Stderr = &errBuf
	p, err := pc.parseOpts(&fileSpec)
	if err != nil {
		if st := exitStatus(err); st == 0 {
			return 0
		}
		msg := strings.TrimSuffix(errBuf.String(), fmt.Sprintf("Try '%s --help' for more information.\n", c.Name()))
		io.WriteString(c.Stderr, msg+fileUsage)
		return 1
	}
	r := &fileRun{c: c, sep: ":", opts: magicOpts{loc: c.location()}}
	if c.Env != nil {
		_, r.follow = c.Env("POSIXLY_CORRECT")
	}
	status, didLists := 0, false
	r.out = newErrWriter(c.Stdout)
	for _, op := range p.Opts {
		switch op.Key {
		case "b":
			r.brief = true
		case "E":
			r.errors = true
		case "e", "exclude-quiet":
			switch op.Val {
			case "apptype", "cdf", "compress", "simh", "tokens":
			case "ascii", "text":
				r.opts.noText = true
			case "encoding":
				r.opts.noEncoding = true
			case "csv":
				r.opts.noCSV = true
			case "elf":
				r.opts.noELF = true
			case "json":
				r.opts.noJSON = true
			case "soft":
				r.opts.noSoft = true
			case "tar":
				r.opts.noTar = true
			default:
				if op.Key == "exclude-quiet" {
					continue
				}
				io.WriteString(c.Stderr, fileUsage)
				return 1
			}
		case "f":
			// As file does, a list is processed when the option is
			// met, with the options given before it.
			didLists = true
			names, ok := r.readList(op.Val)
			if !ok || !r.processAll(names) {
				status = 1
			}
		case "F":
			r.sep = op.Val
		case "h":
			r.follow = false
		case "L":
			r.follow = true
		case "i":
			r.mimeType, r.mimeEncoding = true, true
		case "mime-type":
			r.mimeType = true
		case "mime-encoding":
			r.mimeEncoding = true
		case "N":
			r.noPad = true
		case "0":
			r.nulSep++
		case "v":
			return c.writeOut("file-5.44 (sandsh builtin)\nmagic file from the built-in subset\n")
		case "k", "n", "p", "r", "s", "S":
		default:
			return c.Failf(1, "%s is not supported in the sandbox", op.Name)
		}
	}
	if len(p.Operands) == 0 && !didLists {
		r.out.Flush()
		io.WriteString(c.Stderr, fileUsage)
		return 1
	}
	if !r.processAll(p.Operands) {
		status = 1
	}
	if err := r.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	return status
}

// processAll prints the lines for names, aligned on the longest.
func (r *fileRun) processAll(names []string) bool {
	wid := 0
	for _, n := range names {
		wid = max(wid, len(n))
	}
	ok := true
	for _, n := range names {
		if r.c.Canceled() || r.out.err != nil {
			return false
		}
		if !r.process(n, wid) {
			ok = false
		}
	}
	return ok
}

// readList reads the names of a -f file, one a line.
func (r *fileRun) readList(name string) ([]string, bool) {
	f, err := r.c.openInput(name)
	if err != nil {
		r.out.Flush()
		r.c.Errorf("Cannot open `%s' (%s)", name, ErrText(err))
		return nil, false
	}
	defer f.Close()
	var names []string
	lr := newLineReader(ctxReader{r.c, f}, '\n')
	for {
		line, err := lr.next()
		if line != nil {
			names = append(names, strings.TrimSuffix(string(line), "\n"))
		}
		if err != nil {
			break
		}
	}
	return names, true
}

// process prints the line for the operand name.
func (r *fileRun) process(name string, wid int) bool {
	shown := name
	if name == "-" {
		shown = "/dev/stdin"
	}
	if !r.brief {
		r.out.WriteString(shown)
		if r.nulSep > 0 {
			r.out.WriteByte(0)
		}
		if r.nulSep < 2 {
			// printf's "%*s" with the width of the name as given:
			// a negative width pads as much on the other side.
			pad := 0
			if !r.noPad {
				pad = wid - len(name)
				if pad < 0 {
					pad = -pad
				}
			}
			r.out.WriteString(r.sep + strings.Repeat(" ", pad) + " ")
		}
	}
	end := byte('\n')
	if r.nulSep > 1 {
		end = 0
	}
	desc, errMsg := r.describe(name)
	if errMsg != "" {
		r.out.WriteString("ERROR: " + errMsg)
		r.out.WriteByte(end)
		return false
	}
	r.out.WriteString(desc)
	r.out.WriteByte(end)
	return true
}

// result formats a classification as the options ask.
func (r *fileRun) result(m magicResult) string {
	switch {
	case r.mimeType && r.mimeEncoding:
		return m.Mime + "; charset=" + m.Charset
	case r.mimeType:
		return m.Mime
	case r.mimeEncoding:
		return m.Charset
	}
	return m.Desc
}

func (r *fileRun) mime() bool { return r.mimeType || r.mimeEncoding }

// describe returns what file says about name, or the error -E makes
// fatal for it.
func (r *fileRun) describe(name string) (string, string) {
	c := r.c
	if name == "-" {
		in, _ := c.openInput("-")
		buf, err := r.read(in)
		if err != nil {
			return fmt.Sprintf("cannot read `%s' (%s)", "/dev/stdin", ErrText(err)), ""
		}
		return r.result(classify(buf, &r.opts)), ""
	}
	var fi fs.FileInfo
	var err error
	if r.follow {
		fi, err = c.stat(name)
	} else {
		fi, err = c.lstat(name)
	}
	if err != nil {
		if r.errors {
			return "", fmt.Sprintf("cannot stat `%s' (%s)", name, ErrText(err))
		}
		return fmt.Sprintf("cannot open `%s' (%s)", name, ErrText(err)), ""
	}
	mode := fi.Mode()
	var prefix []string
	if !r.mime() {
		if mode&fs.ModeSetuid != 0 {
			prefix = append(prefix, "setuid")
		}
		if mode&fs.ModeSetgid != 0 {
			prefix = append(prefix, "setgid")
		}
		if mode&fs.ModeSticky != 0 {
			prefix = append(prefix, "sticky")
		}
	}
	special := func(desc, mime string) string {
		if r.mime() {
			return r.result(magicResult{Mime: mime, Charset: "binary"})
		}
		return strings.Join(append(prefix, desc), ", ")
	}
	switch {
	case mode.IsDir():
		return special("directory", "inode/directory"), ""
	case mode&fs.ModeSymlink != 0:
		target, err := c.FS.ReadlinkIfPossible(c.fsPath(name))
		if err != nil {
			return fmt.Sprintf("unreadable symlink `%s' (%s)", name, ErrText(err)), ""
		}
		if _, err := c.stat(name); err != nil {
			if r.mime() {
				if r.mimeType {
					return "inode/symlink", ""
				}
				return "", ""
			}
			return "broken symbolic link to " + magicPrintable(target), ""
		}
		return special("symbolic link to "+magicPrintable(target), "inode/symlink"), ""
	case mode&fs.ModeNamedPipe != 0:
		return special("fifo (named pipe)", "inode/fifo"), ""
	case mode&fs.ModeSocket != 0:
		return special("socket", "inode/socket"), ""
	case mode&fs.ModeCharDevice != 0:
		return special("character special"+devNumbers(fi), "inode/chardevice"), ""
	case mode&fs.ModeDevice != 0:
		return special("block special"+devNumbers(fi), "inode/blockdevice"), ""
	case fi.Size() == 0:
		return special("empty", "inode/x-empty"), ""
	}
	f, err := c.FS.Open(c.fsPath(name))
	if err != nil {
		if r.errors {
			return "", fmt.Sprintf("cannot open `%s' (%s)", name, ErrText(err))
		}
		return fmt.Sprintf("cannot open `%s' (%s)", name, ErrText(err)), ""
	}
	buf, err := r.read(f)
	if err == nil && int64(len(buf)) < fi.Size() && bytes.HasPrefix(buf, []byte("\x1f\x8b")) {
		// gzip's original size is in the last four bytes of the file.
		tail := make([]byte, 4)
		if _, serr := f.Seek(-4, io.SeekEnd); serr == nil {
			if _, rerr := io.ReadFull(f, tail); rerr == nil {
				r.opts.tail = tail
			}
		}
	}
	if err != nil {
		f.Close()
		return fmt.Sprintf("cannot read `%s' (%s)", name, ErrText(err)), ""
	}
	r.opts.file = f
	m := classify(buf, &r.opts)
	r.opts.tail, r.opts.file = nil, nil
	f.Close()
	if len(prefix) > 0 && !r.mime() {
		return strings.Join(prefix, ", ") + " , " + m.Desc, ""
	}
	return r.result(m), ""
}

// devNumbers returns " (major/minor)" for a device.
func devNumbers(fi fs.FileInfo) string {
	st := statT(fi)
	if st == nil {
		return ""
	}
	rdev := uint64(st.Rdev)
	major := (rdev>>8)&0xfff | (rdev>>32)&^0xfff
	minor := rdev&0xff | (rdev>>12)&^0xff
	return fmt.Sprintf(" (%d/%d)", major, minor)
}

// read reads the start of rd that libmagic looks at: the first
// magicEncodingMax bytes, and up to magicBytesMax when the whole may
// matter (JSON, ELF).
func (r *fileRun) read(rd io.Reader) ([]byte, error) {
	buf, err := r.readUpTo(rd, nil, magicEncodingMax)
	if err != nil || len(buf) < magicEncodingMax || !needsMore(buf) {
		return buf, err
	}
	return r.readUpTo(rd, buf, magicBytesMax)
}

// needsMore reports whether classify may look past the text tests'
// window: JSON is parsed whole and ELF headers point anywhere.
func needsMore(buf []byte) bool {
	if bytes.HasPrefix(buf, []byte("\x7fELF")) {
		return true
	}
	i := 0
	for i < len(buf) && jsonSpace(buf[i]) {
		i++
	}
	return i < len(buf) && (buf[i] == '{' || buf[i] == '[')
}

func (r *fileRun) readUpTo(rd io.Reader, buf []byte, limit int) ([]byte, error) {
	chunk := make([]byte, 64*1024)
	for len(buf) < limit {
		if r.c.Canceled() {
			return nil, syscall.EINTR
		}
		n, err := rd.Read(chunk[:min(len(chunk), limit-len(buf))])
		buf = append(buf, chunk[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

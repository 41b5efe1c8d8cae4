// Package gitpatch writes changes to a tree as a git-style patch that
// `git apply` accepts: unified text hunks, new and deleted files, exact
// renames, mode changes, symlinks, and binary files as "GIT binary patch"
// literals (or only "Binary files ... differ" where the patch is for
// reading).
package gitpatch

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
)

// Side is one side of a file's change: absent, a regular file or a
// symlink.
type Side struct {
	Exists bool
	// Mode is the file's mode; only the type and the executable bit reach
	// the patch (git records 100644, 100755 and 120000).
	Mode fs.FileMode
	// Data is a file's content or a symlink's target.
	Data []byte
}

// File is the change of one path. Old and New may not both be absent.
type File struct {
	Path     string // slash-separated, relative ("src/main.go")
	Old, New Side
	// From is the old path of a renamed file; Write finds exact renames
	// itself.
	From string
}

// Options control Write.
type Options struct {
	// Binary writes binary changes as applicable "GIT binary patch"
	// literals; without it they are summarised as "Binary files a/x and
	// b/x differ", as git diff does by default.
	Binary bool
	// Color adds git's terminal colours.
	Color bool
	// Context is the number of context lines; 0 means 3.
	Context int
}

const (
	colorMeta  = "\x1b[1m"
	colorFrag  = "\x1b[36m"
	colorOld   = "\x1b[31m"
	colorNew   = "\x1b[32m"
	colorReset = "\x1b[m"
)

// Write writes the patch for files, in path order. Pairs of a deleted and
// an added file with the same bytes are written as renames.
func Write(w io.Writer, files []File, opts Options) error {
	if opts.Context <= 0 {
		opts.Context = 3
	}
	files = pairRenames(files)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	pw := &printer{w: w, opts: opts}
	for _, f := range files {
		pw.file(f)
		if pw.err != nil {
			return pw.err
		}
	}
	return nil
}

// pairRenames turns each deletion of a regular file and addition of a
// regular file with the same bytes into one renamed entry.
func pairRenames(files []File) []File {
	deleted := map[string][]int{}
	for i, f := range files {
		if f.Old.Exists && !f.New.Exists && f.Old.Mode.IsRegular() && len(f.Old.Data) > 0 {
			deleted[string(f.Old.Data)] = append(deleted[string(f.Old.Data)], i)
		}
	}
	used := map[int]bool{}
	out := make([]File, 0, len(files))
	for _, f := range files {
		if !f.Old.Exists && f.New.Exists && f.New.Mode.IsRegular() {
			if c := deleted[string(f.New.Data)]; len(c) > 0 {
				deleted[string(f.New.Data)] = c[1:]
				used[c[0]] = true
				f.Old, f.From = files[c[0]].Old, files[c[0]].Path
			}
		}
		out = append(out, f)
	}
	final := out[:0]
	for i, f := range out {
		if !used[i] {
			final = append(final, f)
		}
	}
	return final
}

type printer struct {
	w    io.Writer
	opts Options
	err  error
}

func (p *printer) printf(color, format string, args ...any) {
	if p.err != nil {
		return
	}
	s := fmt.Sprintf(format, args...)
	if p.opts.Color && color != "" {
		s = color + strings.TrimSuffix(s, "\n") + colorReset + "\n"
	}
	_, p.err = io.WriteString(p.w, s)
}

func gitMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "120000"
	case m&0o111 != 0:
		return "100755"
	}
	return "100644"
}

// blobID is git's object name for data.
func blobID(s Side) string {
	if !s.Exists {
		return strings.Repeat("0", 40)
	}
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(s.Data))
	h.Write(s.Data)
	return fmt.Sprintf("%x", h.Sum(nil))
}

func isBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}

func (p *printer) file(f File) {
	// A change of type between a file and a symlink is a deletion and an
	// addition, as git writes it.
	if f.Old.Exists && f.New.Exists && (f.Old.Mode&fs.ModeSymlink != 0) != (f.New.Mode&fs.ModeSymlink != 0) && f.From == "" {
		p.file(File{Path: f.Path, Old: f.Old})
		p.file(File{Path: f.Path, New: f.New})
		return
	}
	oldName, newName := f.Path, f.Path
	if f.From != "" {
		oldName = f.From
	}
	p.printf(colorMeta, "diff --git a/%s b/%s\n", oldName, newName)
	switch {
	case !f.Old.Exists:
		p.printf(colorMeta, "new file mode %s\n", gitMode(f.New.Mode))
	case !f.New.Exists:
		p.printf(colorMeta, "deleted file mode %s\n", gitMode(f.Old.Mode))
	default:
		if gitMode(f.Old.Mode) != gitMode(f.New.Mode) {
			p.printf(colorMeta, "old mode %s\n", gitMode(f.Old.Mode))
			p.printf(colorMeta, "new mode %s\n", gitMode(f.New.Mode))
		}
		if f.From != "" {
			if bytes.Equal(f.Old.Data, f.New.Data) {
				p.printf(colorMeta, "similarity index 100%%\n")
			}
			p.printf(colorMeta, "rename from %s\n", f.From)
			p.printf(colorMeta, "rename to %s\n", f.Path)
		}
	}
	if f.Old.Exists && f.New.Exists && bytes.Equal(f.Old.Data, f.New.Data) {
		return // a mode change or a pure rename
	}
	binary := isBinary(f.Old.Data) || isBinary(f.New.Data)
	oldID, newID := blobID(f.Old), blobID(f.New)
	modeSuffix := ""
	if f.Old.Exists && f.New.Exists && gitMode(f.Old.Mode) == gitMode(f.New.Mode) {
		modeSuffix = " " + gitMode(f.New.Mode)
	}
	if binary && p.opts.Binary {
		p.printf(colorMeta, "index %s..%s%s\n", oldID, newID, modeSuffix)
		p.printf("", "GIT binary patch\n")
		p.literal(f.New.Data)
		p.literal(f.Old.Data)
		return
	}
	p.printf(colorMeta, "index %s..%s%s\n", oldID[:7], newID[:7], modeSuffix)
	aName, bName := "a/"+oldName, "b/"+newName
	if !f.Old.Exists {
		aName = "/dev/null"
	}
	if !f.New.Exists {
		bName = "/dev/null"
	}
	if binary {
		p.printf("", "Binary files %s and %s differ\n", aName, bName)
		return
	}
	p.printf(colorMeta, "--- %s\n", aName)
	p.printf(colorMeta, "+++ %s\n", bName)
	p.hunks(splitLines(f.Old.Data), splitLines(f.New.Data))
}

// splitLines splits data into lines, each keeping its "\n"; a last line
// without one is kept as it is.
func splitLines(data []byte) []string {
	var out []string
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			out = append(out, string(data))
			break
		}
		out = append(out, string(data[:i+1]))
		data = data[i+1:]
	}
	return out
}

// hunks writes the unified hunks turning a into b.
func (p *printer) hunks(a, b []string) {
	script := diffLines(a, b)
	ctx := p.opts.Context
	for i := 0; i < len(script); {
		// Find the next change.
		for i < len(script) && script[i].kind == ' ' {
			i++
		}
		if i == len(script) {
			return
		}
		start := max(0, i-ctx)
		// Extend while changes are within 2*ctx of each other.
		end := i
		for {
			for end < len(script) && script[end].kind != ' ' {
				end++
			}
			next := end
			for next < len(script) && script[next].kind == ' ' && next-end < 2*ctx {
				next++
			}
			if next < len(script) && script[next].kind != ' ' {
				end = next
				continue
			}
			end = min(len(script), end+ctx)
			break
		}
		p.hunk(a, b, script[start:end])
		i = end
	}
}

func (p *printer) hunk(a, b []string, h []edit) {
	aStart, bStart, aLen, bLen := -1, -1, 0, 0
	for _, e := range h {
		switch e.kind {
		case ' ':
			if aStart < 0 {
				aStart = e.a
			}
			if bStart < 0 {
				bStart = e.b
			}
			aLen++
			bLen++
		case '-':
			if aStart < 0 {
				aStart = e.a
			}
			aLen++
		case '+':
			if bStart < 0 {
				bStart = e.b
			}
			bLen++
		}
	}
	// With context, a side is empty only for an empty file: "-0,0".
	if aStart < 0 {
		aStart = 0
	} else {
		aStart++
	}
	if bStart < 0 {
		bStart = 0
	} else {
		bStart++
	}
	p.printf(colorFrag, "@@ -%s +%s @@\n", rangeStr(aStart, aLen), rangeStr(bStart, bLen))
	for _, e := range h {
		var line, color string
		switch e.kind {
		case ' ':
			line = a[e.a]
		case '-':
			line, color = a[e.a], colorOld
		case '+':
			line, color = b[e.b], colorNew
		}
		p.printf(color, "%c%s", e.kind, strings.TrimSuffix(line, "\n")+"\n")
		if !strings.HasSuffix(line, "\n") {
			p.printf("", "\\ No newline at end of file\n")
		}
	}
}

func rangeStr(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// literal writes one "literal N" block of a binary patch: the data
// deflated and encoded in git's base85, at most 52 bytes a line.
func (p *printer) literal(data []byte) {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	p.printf("", "literal %d\n", len(data))
	enc := z.Bytes()
	for len(enc) > 0 {
		n := min(52, len(enc))
		var lc byte
		if n <= 26 {
			lc = byte('A' + n - 1)
		} else {
			lc = byte('a' + n - 27)
		}
		p.printf("", "%c%s\n", lc, base85(enc[:n]))
		enc = enc[n:]
	}
	p.printf("", "\n")
}

const b85 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"

func base85(data []byte) string {
	var out []byte
	for len(data) > 0 {
		var acc uint32
		for i := 0; i < 4; i++ {
			acc <<= 8
			if i < len(data) {
				acc |= uint32(data[i])
			}
		}
		var chunk [5]byte
		for i := 4; i >= 0; i-- {
			chunk[i] = b85[acc%85]
			acc /= 85
		}
		out = append(out, chunk[:]...)
		data = data[min(4, len(data)):]
	}
	return string(out)
}

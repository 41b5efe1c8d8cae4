package overlay

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"sort"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// Kind says how a path differs from the lower directory.
type Kind int

// The kinds of change.
const (
	Added    Kind = iota + 1 // the path is new
	Modified                 // the path exists in both, and differs
	Deleted                  // the path is gone
)

func (k Kind) String() string {
	switch k {
	case Added:
		return "added"
	case Modified:
		return "modified"
	case Deleted:
		return "deleted"
	}
	return "unknown"
}

// Change is one path whose entry in the view differs from the lower
// directory. Times and owners are not compared.
type Change struct {
	Path string // canonical path in the view, such as "/src/main.go"
	Kind Kind

	// For Modified, what differs. A type change (a file replaced by a
	// directory, say) sets Type and nothing else.
	Type, Content, Mode, Target bool

	// The old and new modes, type bits included; OldMode is 0 for Added and
	// NewMode is 0 for Deleted.
	OldMode, NewMode fs.FileMode
	// Size is the new size of a regular file.
	Size int64
	// OldTarget and NewTarget are symlink targets, where there is a link.
	OldTarget, NewTarget string
}

// Changes returns every path where the view differs from the lower
// directory, sorted by path. Every entry of an added or deleted directory is
// listed, the directory first. Writing back identical bytes, or copying a
// file up without changing it, is not a change.
func (o *FS) Changes() ([]Change, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	d := differ{o: o}
	root := o.rootLoc()
	rootLow, err := o.lower.Lstat(".")
	if err != nil {
		return nil, lowerErr(err)
	}
	if err := d.compare("/", root, rootLow); err != nil {
		return nil, err
	}
	if err := d.dir("/", root); err != nil {
		return nil, err
	}
	sort.Slice(d.out, func(i, j int) bool { return d.out[i].Path < d.out[j].Path })
	return d.out, nil
}

type differ struct {
	o   *FS
	out []Change
}

// dir compares the children of the merged directory m with those of the
// lower directory at the same path p.
func (d *differ) dir(p string, m loc) error {
	if m.lowerOnly() {
		return nil
	}
	merged, err := d.o.readDir(m)
	if err != nil {
		return err
	}
	lowerNames, err := d.lowerNames(p)
	if err != nil {
		return err
	}
	for _, e := range merged {
		name := e.Name()
		cp := vfs.Join(p, name)
		child, ok := d.o.lookupChild(m, name)
		if !ok {
			continue
		}
		if _, inLower := lowerNames[name]; !inLower {
			if err := d.added(cp, child); err != nil {
				return err
			}
			continue
		}
		delete(lowerNames, name)
		low, err := d.o.lower.Lstat(vfs.Rel(cp))
		if err != nil {
			return lowerErr(err)
		}
		if err := d.compare(cp, child, low); err != nil {
			return err
		}
		switch {
		case child.mode().IsDir() && low.IsDir():
			err = d.dir(cp, child)
		case child.mode().IsDir():
			err = d.addedBelow(cp, child)
		case low.IsDir():
			err = d.deletedBelow(cp)
		}
		if err != nil {
			return err
		}
	}
	for name := range lowerNames {
		if err := d.deleted(vfs.Join(p, name)); err != nil {
			return err
		}
	}
	return nil
}

func (d *differ) lowerNames(p string) (map[string]struct{}, error) {
	f, err := d.o.openLowerDir(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.ELOOP) {
			return map[string]struct{}{}, nil
		}
		return nil, lowerErr(err)
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, lowerErr(err)
	}
	set := make(map[string]struct{}, len(entries))
	for _, e := range entries {
		if !d.o.hiddenLower(vfs.Join(p, e.Name()), e.IsDir()) {
			set[e.Name()] = struct{}{}
		}
	}
	return set, nil
}

// compare records a Modified change if the merged entry m differs from the
// lower entry low at the same path p.
func (d *differ) compare(p string, m loc, low fs.FileInfo) error {
	if m.lowerOnly() {
		return nil
	}
	fi, err := d.o.info(m)
	if err != nil {
		return err
	}
	c := Change{Path: p, Kind: Modified, OldMode: low.Mode(), NewMode: fi.Mode()}
	if fi.Mode().Type() != low.Mode().Type() {
		c.Type = true
	} else {
		c.Mode = fi.Mode()&vfs.ChmodBits != low.Mode()&vfs.ChmodBits
		switch {
		case fi.Mode().IsRegular():
			c.Size = fi.Size()
			c.Content, err = d.contentDiffers(p, m, fi, low)
		case fi.Mode()&fs.ModeSymlink != 0:
			c.OldTarget, _ = d.o.lower.Readlink(vfs.Rel(p))
			c.NewTarget, err = walker{d.o}.Readlink(m, p)
			c.Target = c.OldTarget != c.NewTarget
		}
		if err != nil {
			return err
		}
	}
	if c.Type || c.Mode || c.Content || c.Target {
		d.record(c, m, fi)
	}
	return nil
}

func (d *differ) record(c Change, m loc, fi fs.FileInfo) {
	if fi.Mode()&fs.ModeSymlink != 0 && c.NewTarget == "" {
		c.NewTarget, _ = walker{d.o}.Readlink(m, m.path)
	}
	if fi.Mode().IsRegular() {
		c.Size = fi.Size()
	}
	d.out = append(d.out, c)
}

// contentDiffers compares the bytes of the merged file m with the lower
// file at p, streaming both.
func (d *differ) contentDiffers(p string, m loc, fi, low fs.FileInfo) (bool, error) {
	if fi.Size() != low.Size() {
		return true, nil
	}
	if m.up != nil && m.meta != nil && m.meta.lower == p {
		return false, nil // still sharing the very same lower file
	}
	var a io.ReadCloser
	var err error
	if m.up == nil || m.meta != nil && m.meta.lower != "" {
		src := m.low
		if m.up != nil {
			src = m.meta.lower
		}
		if src == p {
			return false, nil
		}
		a, err = d.o.openLowerFile(src)
	} else {
		a, err = d.o.upper.Open(m.path)
	}
	if err != nil {
		return false, bare(err)
	}
	defer a.Close()
	b, err := d.o.openLowerFile(p)
	if err != nil {
		return false, err
	}
	defer b.Close()
	return readersDiffer(a, b)
}

func readersDiffer(a, b io.Reader) (bool, error) {
	const chunk = 64 << 10
	ab, bb := make([]byte, chunk), make([]byte, chunk)
	for {
		na, ea := io.ReadFull(a, ab)
		nb, eb := io.ReadFull(b, bb)
		if na != nb || !bytes.Equal(ab[:na], bb[:nb]) {
			return true, nil
		}
		aDone := ea == io.EOF || ea == io.ErrUnexpectedEOF
		bDone := eb == io.EOF || eb == io.ErrUnexpectedEOF
		switch {
		case ea != nil && !aDone:
			return false, ea
		case eb != nil && !bDone:
			return false, eb
		case aDone || bDone:
			return aDone != bDone, nil
		}
	}
}

// added records the merged entry m at p, and everything below it, as new.
func (d *differ) added(p string, m loc) error {
	fi, err := d.o.info(m)
	if err != nil {
		return err
	}
	d.record(Change{Path: p, Kind: Added, NewMode: fi.Mode()}, m, fi)
	if fi.IsDir() {
		return d.addedBelow(p, m)
	}
	return nil
}

func (d *differ) addedBelow(p string, m loc) error {
	entries, err := d.o.readDir(m)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if child, ok := d.o.lookupChild(m, e.Name()); ok {
			if err := d.added(vfs.Join(p, e.Name()), child); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleted records the lower entry at p, and everything below it, as gone.
func (d *differ) deleted(p string) error {
	low, err := d.o.lower.Lstat(vfs.Rel(p))
	if err != nil {
		return lowerErr(err)
	}
	c := Change{Path: p, Kind: Deleted, OldMode: low.Mode()}
	if low.Mode()&fs.ModeSymlink != 0 {
		c.OldTarget, _ = d.o.lower.Readlink(vfs.Rel(p))
	}
	d.out = append(d.out, c)
	if low.IsDir() {
		return d.deletedBelow(p)
	}
	return nil
}

func (d *differ) deletedBelow(p string) error {
	names, err := d.lowerNames(p)
	if err != nil {
		return err
	}
	for name := range names {
		if err := d.deleted(vfs.Join(p, name)); err != nil {
			return err
		}
	}
	return nil
}

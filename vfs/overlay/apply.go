package overlay

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// ApplyOptions control Apply.
type ApplyOptions struct {
	// Partial applies every change that can be applied and reports the
	// others as conflicts. Without it, nothing is applied unless all can
	// be.
	Partial bool
	// Skip, if set, leaves out the changes for which it returns true:
	// they are neither applied nor reported.
	Skip func(c Change) bool
	// AllowHidden applies changes at paths the policy hides (files the
	// script created there); without it they are reported as conflicts.
	AllowHidden bool

	// step, if set, runs before each change is written; an error stops
	// the apply there, as a crash would. For tests.
	step func(p string) error
}

// Conflict is a change that was not applied because the disk no longer
// holds what the sandbox started from.
type Conflict struct {
	Path   string // path in the view, such as "/src/main.go"
	Reason string // "modified on disk", "deleted on disk", ...
}

// ApplyResult says what Apply did.
type ApplyResult struct {
	// Applied lists the paths written, created, changed or removed on
	// disk, in the order of Changes, including those that a previous,
	// interrupted Apply had already written.
	Applied []string
	// Conflicts lists the changes left alone.
	Conflicts []Conflict
}

// Apply writes the changes of the view into the lower directory: the only
// time the overlay writes to disk.
//
// Only changed paths are touched. New and modified files are first written
// to a temporary file beside their destination and then renamed over it,
// so every file is at any moment either wholly old or wholly new.
// Deletions, new directories, mode changes and symlinks are included. All
// writes go through the os.Root of the lower directory, and a path whose
// parent on disk is no longer a real directory is a conflict, so Apply
// never writes outside the directory or through a symlink.
//
// A path whose disk entry changed after the view first saw it (its bytes,
// type or mode, not only its times) is a conflict; so is a new path that
// now exists on disk, and a directory to delete that holds entries the
// view never had. Without Partial, Apply then applies nothing and returns
// the conflicts. A path that already holds what the view holds counts as
// applied, so running Apply again after an interrupted one finishes the
// job.
//
// After a successful Apply the view is reset: the disk now holds the
// changes (those applied) and the upper layer is dropped.
func (o *FS) Apply(opts ApplyOptions) (ApplyResult, error) {
	var res ApplyResult
	if err := o.materialize(); err != nil {
		return res, err
	}
	changes, err := o.Changes()
	if err != nil {
		return res, err
	}
	var plan []*step
	deleted := map[string]bool{}
	changed := map[string]bool{}
	for _, c := range changes {
		if c.Kind != Modified || c.Content || c.Type {
			changed[c.Path] = true
		}
		if opts.Skip != nil && opts.Skip(c) {
			continue
		}
		if c.Kind == Deleted || c.Type {
			deleted[c.Path] = true
		}
		plan = append(plan, &step{Change: c})
	}
	a := applier{o: o, deleted: deleted, changed: changed, opts: opts}
	for _, s := range plan {
		if !opts.AllowHidden && o.HiddenPath(s.Path, s.NewMode.IsDir() || s.OldMode.IsDir()) {
			s.conflict = "hidden by the sandbox policy (allow it with --allow-hidden)"
			continue
		}
		a.check(s)
	}
	// A conflict on a directory blocks everything below it.
	blocked := map[string]string{}
	for _, s := range plan {
		for dir := path.Dir(s.Path); dir != "/"; dir = path.Dir(dir) {
			if why, ok := blocked[dir]; ok && s.conflict == "" {
				s.conflict = "parent " + why
			}
		}
		if s.conflict != "" {
			blocked[s.Path] = s.conflict
		}
	}
	for _, s := range plan {
		if s.conflict != "" {
			res.Conflicts = append(res.Conflicts, Conflict{Path: s.Path, Reason: s.conflict})
		}
	}
	if len(res.Conflicts) > 0 && !opts.Partial {
		return res, nil
	}
	if err := a.run(plan); err != nil {
		res.Applied = a.applied
		return res, err
	}
	res.Applied = a.applied
	o.Reset()
	return res, nil
}

// step is one change in an Apply.
type step struct {
	Change
	conflict string
	done     bool // the disk already holds the new state
}

type applier struct {
	o       *FS
	opts    ApplyOptions
	deleted map[string]bool
	changed map[string]bool // the paths whose bytes or type change
	applied []string
	links   map[uint64]string // view inode -> first path written, for hard links
}

func rel(p string) string { return vfs.Rel(p) }

// check decides whether s can be applied, or was already. The disk must
// still hold what the view first saw at the path: the same entry, or
// nothing if the view looked and found nothing. A path the view never
// looked at (inside a directory it moved whole) is taken as it is.
func (a *applier) check(s *step) {
	o := a.o
	// Every parent on disk must be a real directory, or about to be made
	// or replaced by one.
	parentGone := false
	var ancestors []string
	for dir := path.Dir(s.Path); dir != "/"; dir = path.Dir(dir) {
		ancestors = append(ancestors, dir)
	}
	for i := len(ancestors) - 1; i >= 0 && !parentGone; i-- {
		dir := ancestors[i]
		fi, err := o.lower.Lstat(rel(dir))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
				parentGone = true // made by an earlier step, or a conflict there
				continue
			}
			s.conflict = "cannot check parent: " + err.Error()
			return
		}
		if !fi.IsDir() {
			if !a.deleted[dir] {
				s.conflict = "a parent is no longer a directory on disk"
				return
			}
			parentGone = true
		}
	}
	var cur fs.FileInfo
	exists := false
	if !parentGone {
		var err error
		cur, err = o.lower.Lstat(rel(s.Path))
		exists = err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			s.conflict = "cannot check: " + err.Error()
			return
		}
	}
	if s.Kind == Deleted && !exists || s.Kind != Deleted && exists && a.holdsNew(s, cur) {
		s.done = true
		return
	}
	b := o.base.get(s.Path)
	switch {
	case b == nil:
		// Never looked at: nothing to compare with.
	case b.absent && exists:
		s.conflict = "created on disk"
	case b.absent:
	case !exists:
		if !parentGone {
			s.conflict = "deleted on disk"
		}
	case !a.matchesBase(s, b, cur):
		if cur.Mode().Type() != b.fp.mode.Type() {
			s.conflict = "replaced on disk by a " + typeWord(cur.Mode())
		} else if cur.IsDir() {
			s.conflict = "directory changed on disk"
		} else {
			s.conflict = "modified on disk"
		}
	}
}

func typeWord(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	case m.IsRegular():
		return "file"
	}
	return "special file"
}

// matchesBase reports whether the disk entry cur at s.Path is still the
// entry b that the view first saw there. Only bytes, type and mode count:
// a file whose times changed but whose bytes did not still matches, when
// the overlay knows its bytes (it copied them up); otherwise any change of
// size, time or inode counts. A directory to delete or replace must be
// unchanged, entries included (its times tell); one whose mode changes
// need only have the same type and inode.
func (a *applier) matchesBase(s *step, b *baseRec, cur fs.FileInfo) bool {
	fp := fingerprintOf(cur)
	if cur.IsDir() {
		if s.Kind == Deleted || s.Type {
			return b.fp == fp
		}
		return b.fp.mode.Type() == fp.mode.Type() && b.fp.ino == fp.ino
	}
	if b.fp == fp {
		return !b.moved
	}
	if b.sum == nil || b.moved || !cur.Mode().IsRegular() || cur.Mode() != b.fp.mode {
		return false
	}
	f, err := a.o.openLowerFile(s.Path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := newHash()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return bytes.Equal(h.Sum(nil), b.sum)
}

// holdsNew reports whether the disk entry cur already is what the view
// holds at s.Path.
func (a *applier) holdsNew(s *step, cur fs.FileInfo) bool {
	if cur.Mode().Type() != s.NewMode.Type() || cur.Mode()&vfs.ChmodBits != s.NewMode&vfs.ChmodBits {
		return false
	}
	switch {
	case cur.Mode().IsRegular():
		if cur.Size() != s.Size {
			return false
		}
		disk, err := a.o.openLowerFile(s.Path)
		if err != nil {
			return false
		}
		defer disk.Close()
		view, err := a.o.Open(s.Path)
		if err != nil {
			return false
		}
		defer view.Close()
		differ, err := readersDiffer(disk, view)
		return err == nil && !differ
	case cur.Mode()&fs.ModeSymlink != 0:
		t, err := a.o.lower.Readlink(rel(s.Path))
		return err == nil && t == s.NewTarget
	}
	return true
}

// run carries out the plan: removals deepest first, then creations and
// changes in path order, then directory modes deepest first (so a
// read-only directory is filled before it is closed).
func (a *applier) run(plan []*step) error {
	o := a.o
	todo := make([]*step, 0, len(plan))
	for _, s := range plan {
		if s.conflict != "" {
			continue
		}
		if s.done {
			a.applied = append(a.applied, s.Path)
			continue
		}
		todo = append(todo, s)
	}
	var removals []*step
	for _, s := range todo {
		if s.Kind == Deleted || s.Type {
			removals = append(removals, s)
		}
	}
	sort.Slice(removals, func(i, j int) bool { return removals[i].Path > removals[j].Path })
	for _, s := range removals {
		if err := a.stepHook(s.Path); err != nil {
			return err
		}
		err := o.lower.Remove(rel(s.Path))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("apply: remove %s: %w", s.Path, err)
		}
		a.rebase(s.Path)
		if s.Kind == Deleted {
			a.applied = append(a.applied, s.Path)
		}
	}
	var dirModes []*step
	for _, s := range todo {
		if s.Kind == Deleted {
			continue
		}
		if err := a.stepHook(s.Path); err != nil {
			return err
		}
		err := a.write(s)
		a.rebase(s.Path)
		if err != nil {
			return fmt.Errorf("apply: %s: %w", s.Path, err)
		}
		if s.NewMode.IsDir() {
			dirModes = append(dirModes, s)
		}
		a.applied = append(a.applied, s.Path)
	}
	for i := len(dirModes) - 1; i >= 0; i-- {
		s := dirModes[i]
		if err := o.lower.Chmod(rel(s.Path), s.NewMode&vfs.ChmodBits); err != nil {
			return fmt.Errorf("apply: chmod %s: %w", s.Path, err)
		}
	}
	return a.dirTimes(todo)
}

// dirTimes gives the directories that Apply changed, and those that hold
// what it changed, the modification times they have in the view.
func (a *applier) dirTimes(todo []*step) error {
	dirs := map[string]bool{}
	for _, s := range todo {
		if s.NewMode.IsDir() {
			dirs[s.Path] = true
		}
		for d := path.Dir(s.Path); ; d = path.Dir(d) {
			dirs[d] = true
			if d == "/" {
				break
			}
		}
	}
	list := make([]string, 0, len(dirs))
	for d := range dirs {
		list = append(list, d)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(list)))
	for _, d := range list {
		fi, err := a.o.Lstat(d)
		if err != nil || !fi.IsDir() {
			continue
		}
		if cur, err := a.o.lower.Lstat(rel(d)); err != nil || !cur.IsDir() {
			continue
		}
		atime, mtime := times(fi)
		if err := a.o.lower.Chtimes(rel(d), atime, mtime); err != nil {
			return fmt.Errorf("apply: chtimes %s: %w", d, err)
		}
	}
	return nil
}

// rebase records the disk state of p and its parent, which Apply has just
// changed, as their base, so that a later Apply (after an interruption)
// does not take Apply's own work for a change made behind its back.
func (a *applier) rebase(p string) {
	for _, q := range []string{p, path.Dir(p)} {
		fi, err := a.o.lower.Lstat(rel(q))
		if err != nil {
			a.o.base.set(q, nil)
			continue
		}
		a.o.base.set(q, fi)
	}
}

func (a *applier) stepHook(p string) error {
	if a.opts.step == nil {
		return nil
	}
	return a.opts.step(p)
}

// write puts the view's entry at s.Path on disk.
func (a *applier) write(s *step) error {
	o := a.o
	p := rel(s.Path)
	switch {
	case s.NewMode.IsDir():
		if s.Kind == Modified && !s.Type {
			return nil // a mode change, done at the end
		}
		err := o.lower.Mkdir(p, 0o700)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		return nil
	case s.NewMode&fs.ModeSymlink != 0:
		tmp := tempName(p)
		if err := o.lower.Symlink(s.NewTarget, tmp); err != nil {
			return err
		}
		if err := o.lower.Rename(tmp, p); err != nil {
			o.lower.Remove(tmp)
			return err
		}
		return nil
	case s.NewMode.IsRegular():
		if s.Kind == Modified && !s.Type && !s.Content && !a.linked(s.Path) {
			return o.lower.Chmod(p, s.NewMode&vfs.ChmodBits)
		}
		return a.writeFile(s)
	}
	return fmt.Errorf("cannot write a %v", s.NewMode.Type())
}

// writeFile writes the view's file at s.Path to a temporary file beside it
// and renames it into place. A file that shares its inode with one already
// written becomes a hard link to it.
func (a *applier) writeFile(s *step) error {
	o := a.o
	p := rel(s.Path)
	fi, err := o.Lstat(s.Path)
	if err != nil {
		return err
	}
	var ino uint64
	if st := vfs.StatT(fi); st != nil && st.Nlink > 1 {
		ino = st.Ino
	}
	tmp := tempName(p)
	first, ok := a.links[ino]
	if !ok && ino != 0 {
		if src, found := o.linkSource(s.Path); found && !a.changed[src] {
			first, ok = src, true
		}
	}
	if a.links == nil {
		a.links = map[uint64]string{}
	}
	if ok && ino != 0 && a.sameOnDisk(rel(first), p) {
		// Already one inode (rename would do nothing): just the mode.
		a.links[ino] = s.Path
		return o.lower.Chmod(p, fi.Mode()&vfs.ChmodBits)
	}
	if ok && ino != 0 {
		if err := o.lower.Link(rel(first), tmp); err != nil {
			return err
		}
		// The inode is shared: give it the view's mode (times follow
		// the bytes, which are the same).
		if err := o.lower.Chmod(tmp, fi.Mode()&vfs.ChmodBits); err != nil {
			o.lower.Remove(tmp)
			return err
		}
	} else if err := a.copyOut(s.Path, tmp, fi); err != nil {
		o.lower.Remove(tmp)
		return err
	}
	if ino != 0 {
		a.links[ino] = s.Path
	}
	if err := o.lower.Rename(tmp, p); err != nil {
		o.lower.Remove(tmp)
		return err
	}
	return nil
}

// copyOut copies the view's file src to the new lower file tmp, with its
// mode and modification time.
func (a *applier) copyOut(src, tmp string, fi fs.FileInfo) error {
	o := a.o
	in, err := o.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := o.lower.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := o.lower.Chmod(tmp, fi.Mode()&vfs.ChmodBits); err != nil {
		return err
	}
	atime, mtime := times(fi)
	return o.lower.Chtimes(tmp, atime, mtime)
}

// tempName returns a fresh name beside p for a file about to replace it.
func tempName(p string) string {
	var b [6]byte
	rand.Read(b[:])
	dir, name := path.Split(p)
	if len(name) > 200 {
		name = name[:200]
	}
	return dir + ".sandsh-" + strings.TrimPrefix(name, ".") + "." + hex.EncodeToString(b[:])
}

// materialize copies into the upper layer every entry of the view that
// borrows a lower entry at another path (the contents of a renamed file or
// directory), so the view stays whole while Apply deletes or replaces
// those lower paths.
func (o *FS) materialize() error {
	changes, err := o.Changes()
	if err != nil {
		return err
	}
	for _, c := range changes {
		if c.Kind == Deleted {
			continue
		}
		if err := o.ownPath(c.Path); err != nil {
			return fmt.Errorf("apply: %s: %w", c.Path, err)
		}
	}
	return nil
}

// ownPath makes the entry at p independent of any lower path but its own.
func (o *FS) ownPath(p string) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	r, err := o.find(p, false)
	if err != nil {
		o.mu.Unlock()
		return err
	}
	l := r.Node
	borrowed := l.up == nil && l.low != p ||
		l.up != nil && l.meta != nil && l.mode().IsRegular() && l.meta.lower != "" && l.meta.lower != p
	if borrowed && l.up != nil && o.sameInode(l, l.meta.lower) {
		borrowed = false // a hard link to a lower file still in place
	}
	if !borrowed {
		o.mu.Unlock()
		return nil
	}
	mode := l.mode()
	if !mode.IsRegular() {
		if mode.IsDir() {
			_, err = o.upperDir(p)
		} else {
			_, err = o.copyUp(l)
		}
		o.mu.Unlock()
		return err
	}
	o.mu.Unlock()
	f, err := o.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	uf, ok := f.(*upperFile)
	if !ok {
		return nil
	}
	fi, err := uf.Stat()
	if err != nil {
		return err
	}
	uf.mu.Lock()
	defer uf.mu.Unlock()
	return uf.copyUp(fi.Size())
}

// sameInode reports whether the view's entry at the lower file's own path
// low is the inode of l: l is a new hard link to an unchanged lower file.
// The caller holds o.mu.
func (o *FS) sameInode(l loc, low string) bool {
	r, err := o.find(low, false)
	if err != nil || r.Node.up == nil {
		return false
	}
	return inoOf(r.Node.up) == inoOf(l.up)
}

// linkSource returns the lower file that the view's file p is a new hard
// link to, if it is one.
func (o *FS) linkSource(p string) (string, bool) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	r, err := o.find(p, false)
	if err != nil {
		return "", false
	}
	l := r.Node
	if l.up == nil || l.meta == nil || l.meta.origin == "" || l.meta.origin == p || !o.sameInode(l, l.meta.origin) {
		return "", false
	}
	return l.meta.origin, true
}

// linked reports whether the view's file p has other names.
func (a *applier) linked(p string) bool {
	fi, err := a.o.Lstat(p)
	if err != nil {
		return false
	}
	st := vfs.StatT(fi)
	return st != nil && st.Nlink > 1
}

// sameOnDisk reports whether the lower paths a and b are one inode.
func (a *applier) sameOnDisk(x, y string) bool {
	fx, err := a.o.lower.Lstat(x)
	if err != nil {
		return false
	}
	fy, err := a.o.lower.Lstat(y)
	return err == nil && os.SameFile(fx, fy)
}

// Package vfstest is a differential model test for vfs.FS implementations.
//
// It runs random sequences of filesystem operations against a vfs.FS under
// test and against a real directory, and compares the two after every step:
// the errno and results of each operation, then the whole tree (types, mode
// bits, sizes, contents, symlink targets, link counts of files, and
// modification times that were set explicitly).
//
// The real side runs in a helper process, a re-executed copy of the test
// binary that has chrooted into a fresh temporary directory, so that absolute
// symlink targets resolve against the tree's root on both sides. Packages
// that use the harness must therefore call Main from their TestMain, and the
// tests must run as root (CAP_SYS_CHROOT); when the chroot fails, the tests
// fail. Because the real side runs as root, permission bits are recorded and
// compared but never enforced: the FS under test must behave as root does.
//
// A sequence starts from a tree made by RandomTree: either written to a
// temporary directory that the FS under test is opened on (OnDisk), or
// created through the FS's own API (ViaAPI). The helper builds the same
// tree in its chroot. The starting trees have no hard links and no FIFOs,
// sockets or devices; hard links appear only through the link operation.
//
// A typical use:
//
//	func TestMain(m *testing.M) { vfstest.Main(m) }
//
//	func TestModel(t *testing.T) {
//		cfg := vfstest.Config{Setup: vfstest.ViaAPI, New: func(string) (vfs.FS, error) { return memory.New(), nil }}
//		for seed := int64(1); seed <= 100; seed++ {
//			vfstest.Run(t, cfg, seed)
//		}
//	}
//
//	func FuzzModel(f *testing.F) {
//		f.Fuzz(func(t *testing.T, data []byte) { vfstest.RunBytes(t, cfg, data) })
//	}
package vfstest

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/vfs"
)

// Setup says how the starting tree reaches the FS under test.
type Setup int

const (
	// OnDisk writes the starting tree into a temporary directory D with os
	// calls and opens the FS under test with Config.New(D); the FS must
	// show D as its root "/" and must never modify D, which is checked
	// after every step.
	OnDisk Setup = iota
	// ViaAPI opens the FS under test with Config.New("") (it must start
	// empty) and creates the starting tree through its API.
	ViaAPI
)

// String returns "OnDisk" or "ViaAPI".
func (s Setup) String() string {
	switch s {
	case OnDisk:
		return "OnDisk"
	case ViaAPI:
		return "ViaAPI"
	}
	return fmt.Sprintf("Setup(%d)", int(s))
}

// DefaultSteps is the number of operations of a sequence when
// Config.Steps is 0.
const DefaultSteps = 25

// Config describes the FS under test.
type Config struct {
	// Setup says how the starting tree is made.
	Setup Setup
	// New opens the FS under test: on the directory dir for OnDisk, empty
	// (dir is "") for ViaAPI. It is called once per sequence.
	New func(dir string) (vfs.FS, error)
	// Steps is the number of operations per sequence (DefaultSteps if 0).
	Steps int
	// AfterStep, if set, is called after each step whose comparison
	// succeeded (and once before the first step), with the FS under test,
	// the starting tree as the FS first saw it (in OnDisk mode the snapshot
	// of D, in ViaAPI mode SnapshotFS just after the tree was built), and
	// the real side's current snapshot. An error fails the sequence.
	AfterStep func(fsys vfs.FS, start, current Snapshot) error
	// AtEnd, if set, is called once the whole sequence compared equal,
	// with the FS under test, its directory (OnDisk; "" for ViaAPI) and the
	// real side's final snapshot. It may change the directory: nothing is
	// checked after it. An error fails the sequence.
	AtEnd func(fsys vfs.FS, dir string, current Snapshot) error
}

// Failure is the error Check and CheckBytes return when the FS under test
// disagrees with the real side, or fails a check.
type Failure struct {
	// Seed is the seed of the sequence (Check), and Input the fuzz input
	// (CheckBytes, nil otherwise).
	Seed  int64
	Input []byte
	// Step is the failing step, counted from 1; 0 means the failure came
	// while opening the FS or building and checking the starting tree.
	Step int
	// Ops are the operations run, the failing one last.
	Ops []Op
	// Report is the full readable report: seed, setup, starting tree,
	// every operation with its results, and the differences.
	Report string
}

// Error returns the report.
func (f *Failure) Error() string { return f.Report }

// Run runs the sequence of cfg.Steps random operations drawn from seed and
// fails t (with t.Fatal) at the first difference. The same seed gives the
// same sequence.
func Run(t testing.TB, cfg Config, seed int64) {
	t.Helper()
	if err := Check(cfg, seed); err != nil {
		t.Fatal(err)
	}
}

// RunBytes is like Run, but the starting tree and the operations are drawn
// from data (as for go test -fuzz) instead of a seeded generator; the
// sequence ends early when data runs out.
func RunBytes(t testing.TB, cfg Config, data []byte) {
	t.Helper()
	if err := CheckBytes(cfg, data); err != nil {
		t.Fatal(err)
	}
}

// Check runs the sequence of Run and returns a *Failure describing the
// first difference, another error if the harness itself failed (for instance
// when the chroot helper could not start), or nil.
func Check(cfg Config, seed int64) error {
	return check(cfg, rand.New(rand.NewSource(seed)), nil, &Failure{Seed: seed})
}

// CheckBytes is to RunBytes what Check is to Run.
func CheckBytes(cfg Config, data []byte) error {
	src := &byteSource{data: data}
	return check(cfg, rand.New(src), src, &Failure{Input: data})
}

// byteSource is a rand.Source that draws from fuzz input: every number
// uses one byte, scrambled together with its position, and 0 once the input
// is used up.
type byteSource struct {
	data []byte
	pos  int
}

func (s *byteSource) Seed(int64)      {}
func (s *byteSource) Int63() int64    { return int64(s.Uint64() >> 1) }
func (s *byteSource) exhausted() bool { return s.pos >= len(s.data) }

func (s *byteSource) Uint64() uint64 {
	if s.pos >= len(s.data) {
		return 0
	}
	x := uint64(s.data[s.pos]) | uint64(s.pos)<<8
	s.pos++
	// splitmix64's finalizer.
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// sequence is the state of one running sequence.
type sequence struct {
	cfg   Config
	f     *Failure
	tree  []TreeEntry
	steps int
	fsRes []Result
	reRes []Result
}

func check(cfg Config, r *rand.Rand, src *byteSource, f *Failure) (err error) {
	if cfg.New == nil {
		return errors.New("vfstest: Config.New is nil")
	}
	seq := &sequence{cfg: cfg, f: f, steps: cfg.Steps}
	if seq.steps <= 0 {
		seq.steps = DefaultSteps
	}
	seq.tree = RandomTree(r)

	h, err := acquireHelper()
	if err != nil {
		return err
	}
	defer releaseHelper(h)
	defer func() {
		if rec := recover(); rec != nil {
			hf, ok := rec.(helperFailure)
			if !ok {
				panic(rec)
			}
			err = hf.err
		}
	}()
	real := &remoteFS{h: h}

	var fsys vfs.FS
	var disk string
	var start, diskSnap Snapshot
	rootPerm := fs.FileMode(0o755)
	switch cfg.Setup {
	case OnDisk:
		disk, err = os.MkdirTemp("", "vfstest-disk-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(disk)
		if err := os.Chmod(disk, rootPerm); err != nil {
			return err
		}
		if err := BuildDir(disk, seq.tree); err != nil {
			return fmt.Errorf("vfstest: building the starting tree in %s: %w", disk, err)
		}
		diskSnap = SnapshotDir(disk)
		start = diskSnap
		fsys, err = newFS(cfg, disk)
		if err != nil {
			return seq.fail(0, "New(%q): %v", disk, err)
		}
	case ViaAPI:
		fsys, err = newFS(cfg, "")
		if err != nil {
			return seq.fail(0, "New(\"\"): %v", err)
		}
		fi, _, err := fsys.LstatIfPossible("/")
		if err != nil {
			return seq.fail(0, "LstatIfPossible(\"/\") on the new FS: %v", err)
		}
		rootPerm = fi.Mode() & vfs.ChmodBits
		if err := buildFS(fsys, seq.tree); err != nil {
			return seq.fail(0, "building the starting tree through the FS API: %v", err)
		}
		start = safeSnapshot(fsys)
	default:
		return fmt.Errorf("vfstest: unknown Setup %v", cfg.Setup)
	}
	if err := h.reset(seq.tree, rootPerm); err != nil {
		return fmt.Errorf("vfstest: building the starting tree in the chroot helper: %w", err)
	}

	// compare checks the whole state after a step.
	compare := func(step int) (Snapshot, error) {
		fsSnap, realSnap := safeSnapshot(fsys), h.snapshot()
		if d := Diff(fsSnap, realSnap); len(d) > 0 {
			return nil, seq.fail(step, "the trees differ (first: the FS under test, second: the real directory):\n  %s",
				strings.Join(d, "\n  "))
		}
		if disk != "" {
			if d := DiffExact(diskSnap, SnapshotDir(disk)); len(d) > 0 {
				return nil, seq.fail(step, "the FS under test modified its directory %s (first: before, second: now):\n  %s",
					disk, strings.Join(d, "\n  "))
			}
		}
		if cfg.AfterStep != nil {
			if err := cfg.AfterStep(fsys, start, realSnap); err != nil {
				return nil, seq.fail(step, "AfterStep: %v", err)
			}
		}
		return realSnap, nil
	}

	cur, err := compare(0)
	if err != nil {
		return err
	}
	g := &gen{r: r}
	for step := 1; step <= seq.steps; step++ {
		if src != nil && src.exhausted() {
			break
		}
		g.update(cur)
		op := g.next()
		fr := Apply(fsys, op)
		rr := Apply(real, op)
		f.Ops = append(f.Ops, op)
		seq.fsRes = append(seq.fsRes, fr)
		seq.reRes = append(seq.reRes, rr)
		if d := diffResult(fr, rr); d != "" {
			return seq.fail(step, "the results differ: %s", d)
		}
		if cur, err = compare(step); err != nil {
			return err
		}
	}
	if cfg.AtEnd != nil {
		if err := cfg.AtEnd(fsys, disk, cur); err != nil {
			return seq.fail(seq.steps, "AtEnd: %v", err)
		}
	}
	return nil
}

// newFS calls cfg.New, turning a panic into an error.
func newFS(cfg Config, dir string) (fsys vfs.FS, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	fsys, err = cfg.New(dir)
	if err == nil && fsys == nil {
		err = errors.New("New returned a nil FS")
	}
	return fsys, err
}

// buildFS calls BuildFS, turning a panic into an error.
func buildFS(fsys vfs.FS, tree []TreeEntry) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return BuildFS(fsys, tree)
}

// safeSnapshot calls SnapshotFS, turning a panic into an entry with an
// error.
func safeSnapshot(fsys vfs.FS) (s Snapshot) {
	defer func() {
		if r := recover(); r != nil {
			if hf, ok := r.(helperFailure); ok {
				panic(hf)
			}
			s = Snapshot{"/": {Type: TypeOther, Err: fmt.Sprintf("panic while taking a snapshot: %v\n%s", r, debug.Stack())}}
		}
	}()
	return SnapshotFS(fsys)
}

// fail fills in and returns the sequence's Failure.
func (seq *sequence) fail(step int, format string, args ...any) error {
	f := seq.f
	f.Step = step
	msg := fmt.Sprintf(format, args...)
	summary, _, _ := strings.Cut(msg, "\n")
	var b strings.Builder
	if f.Input != nil {
		fmt.Fprintf(&b, "vfstest: fuzz input %q, step %d of %d: %s\n", f.Input, step, seq.steps, summary)
		fmt.Fprintf(&b, "reproduce with: vfstest.RunBytes(t, cfg, []byte(%q))\n", f.Input)
	} else {
		fmt.Fprintf(&b, "vfstest: seed %d, step %d of %d: %s\n", f.Seed, step, seq.steps, summary)
		fmt.Fprintf(&b, "reproduce with: vfstest.Run(t, cfg, %d) (cfg.Steps=%d)\n", f.Seed, seq.steps)
	}
	fmt.Fprintf(&b, "setup: %v\nstarting tree:\n%s", seq.cfg.Setup, treeString(seq.tree))
	if len(f.Ops) == 0 {
		b.WriteString("no operations were run\n")
	} else {
		b.WriteString("operations, with the real side's results:\n")
	}
	for i, op := range f.Ops {
		fmt.Fprintf(&b, "  %3d. %s\n", i+1, op)
		if i == len(f.Ops)-1 && step == i+1 {
			fmt.Fprintf(&b, "       FS under test: %s\n       real:          %s\n", seq.fsRes[i], seq.reRes[i])
		} else {
			fmt.Fprintf(&b, "       => %s\n", seq.reRes[i])
		}
	}
	fmt.Fprintf(&b, "at step %d: %s\n", step, msg)
	f.Report = strings.TrimRight(b.String(), "\n")
	return f
}

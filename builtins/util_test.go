package builtins_test

// Tests of behaviours shared by the file commands that a differential test
// cannot show: cancellation, closed pipes, the EXDEV fallback of mv, the
// root guard of rm, and GNU's quoting of odd names in messages.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// newOverlay builds tree in a temporary directory and returns an overlay
// of it and the directory.
func newOverlay(t *testing.T, tree []bt.Entry) (*overlay.FS, string) {
	t.Helper()
	dir := t.TempDir()
	if err := bt.Build(dir, tree); err != nil {
		t.Fatal(err)
	}
	o, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o, dir
}

// endless is a stdin that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'y'
	}
	return len(p), nil
}

func TestCatStopsWhenCancelled(t *testing.T) {
	o, _ := newOverlay(t, nil)
	for _, args := range [][]string{{"cat"}, {"cat", "-n"}, {"cat", "-", "-"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		done := make(chan int, 1)
		go func() {
			status, err := bt.Exec(ctx, o, args, nil, endless{}, io.Discard, io.Discard)
			if err != nil {
				t.Error(err)
			}
			done <- status
		}()
		select {
		case status := <-done:
			if status == 0 {
				t.Errorf("%v: status 0 after cancellation", args)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: still running 5s after the context was cancelled", args)
		}
		cancel()
	}
}

func TestCpStopsWhenCancelled(t *testing.T) {
	o, _ := newOverlay(t, []bt.Entry{bt.File("d/a", "a"), bt.File("d/b", "b")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	status, err := bt.Exec(ctx, o, []string{"cp", "-r", "d", "e"}, nil, nil, io.Discard, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if status == 0 {
		t.Errorf("cp in a cancelled run: status 0")
	}
	if _, err := o.Stat("/e/a"); err == nil {
		t.Errorf("cp in a cancelled run copied files")
	}
}

// closedPipe fails every write as a pipe with no reader does.
type closedPipe struct{ err error }

func (p closedPipe) Write([]byte) (int, error) { return 0, p.err }

func TestClosedPipe(t *testing.T) {
	tree := []bt.Entry{bt.File("a", "alpha\n"), bt.File("b", "bee\n"), bt.Dir("d"), bt.File("d/x", "x")}
	cmds := [][]string{
		{"cat", "a", "b"},
		{"cat", "-n", "a"},
		{"echo", "hello"},
		{"ls"},
		{"ls", "-lR"},
		{"rm", "-v", "a", "b"},
		{"rm", "-rv", "d"},
		{"cp", "-v", "a", "c"},
		{"cp", "-rv", "d", "e"},
		{"mv", "-v", "a", "c"},
		{"mkdir", "-v", "x", "y"},
		{"cat", "--help"},
	}
	for _, perr := range []error{syscall.EPIPE, io.ErrClosedPipe, &os.PathError{Op: "write", Path: "|1", Err: syscall.EPIPE}} {
		for _, args := range cmds {
			o, _ := newOverlay(t, tree)
			var stderr bytes.Buffer
			status, err := bt.Exec(context.Background(), o, args, nil, strings.NewReader(""), closedPipe{perr}, &stderr)
			if err != nil {
				t.Fatal(err)
			}
			if status != 1 {
				t.Errorf("%v to a closed pipe (%v): status %d, want 1", args, perr, status)
			}
			if stderr.Len() != 0 {
				t.Errorf("%v to a closed pipe (%v): stderr %q, want nothing", args, perr, stderr.String())
			}
		}
	}
	// rm -v stops at the first failed write: b stays.
	o, _ := newOverlay(t, tree)
	bt.Exec(context.Background(), o, []string{"rm", "-v", "a", "b"}, nil, nil, closedPipe{syscall.EPIPE}, io.Discard)
	if _, err := o.Stat("/b"); err != nil {
		t.Errorf("rm -v went on after stdout was closed: %v", err)
	}
	// Other write errors are reported.
	var stderr bytes.Buffer
	status, _ := bt.Exec(context.Background(), o, []string{"cat", "b"}, nil, nil, closedPipe{syscall.ENOSPC}, &stderr)
	if status != 1 || stderr.String() != "cat: write error: No space left on device\n" {
		t.Errorf("cat to a full disk: status %d, stderr %q", status, stderr.String())
	}
}

// exdevFS is a filesystem whose renames always cross devices.
type exdevFS struct{ vfs.FS }

func (exdevFS) Rename(oldname, newname string) error {
	return vfs.LinkError("rename", oldname, newname, syscall.EXDEV)
}

func TestMvAcrossFilesystems(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	tree := []bt.Entry{
		bt.File("a", "alpha\n").WithMode(0o640).WithTime(old),
		bt.File("b", "bee\n"),
		bt.Dir("d").WithMode(0o750).WithTime(old),
		bt.File("d/x", "ex").WithMode(0o600).WithTime(old),
		bt.Symlink("d/l", "x"),
		bt.Dir("t"),
		bt.Dir("full/d"),
		bt.File("full/d/keep", "k"),
	}
	o, dir := newOverlay(t, tree)
	before, err := bt.SnapshotDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := exdevFS{o}
	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		status, err := bt.Exec(context.Background(), fsys, args, nil, nil, &stdout, &stderr)
		if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), status
	}
	if out, errs, st := run("mv", "-v", "a", "c"); st != 0 || errs != "" || out != "renamed 'a' -> 'c'\n" {
		t.Errorf("mv -v a c: %d %q %q", st, out, errs)
	}
	if _, err := o.Lstat("/a"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a still there after mv: %v", err)
	}
	fi, err := o.Stat("/c")
	if err != nil || fi.Mode().Perm() != 0o640 || !fi.ModTime().Equal(old) {
		t.Errorf("c after mv: %v %v", fi, err)
	}
	if _, errs, st := run("mv", "b", "c"); st != 0 || errs != "" {
		t.Errorf("mv b c over an existing file: %d %q", st, errs)
	}
	if _, errs, st := run("mv", "d", "t"); st != 0 || errs != "" {
		t.Errorf("mv d t: %d %q", st, errs)
	}
	if fi, err := o.Stat("/t/d"); err != nil || fi.Mode().Perm() != 0o750 || !fi.ModTime().Equal(old) {
		t.Errorf("t/d after mv: %v %v", fi, err)
	}
	if target, err := o.Readlink("/t/d/l"); err != nil || target != "x" {
		t.Errorf("t/d/l after mv: %q %v", target, err)
	}
	if _, err := o.Lstat("/d"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("d still there after mv: %v", err)
	}
	// A non-empty directory in the way is reported as rename(2) would.
	if _, errs, st := run("mv", "t/d", "full"); st != 1 || !strings.Contains(errs, "Directory not empty") {
		t.Errorf("mv t/d full: %d %q", st, errs)
	}
	after, err := bt.SnapshotDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != len(after) {
		t.Errorf("the directory under the overlay changed")
	}
}

func TestRmPreservesRoot(t *testing.T) {
	tree := []bt.Entry{bt.File("a", "a"), bt.File("d/x", "x"), bt.Symlink("root", "/")}
	for _, args := range [][]string{
		{"rm", "-rf", "/"},
		{"rm", "-r", "//"},
		{"rm", "-rf", "root/"},
		{"rm", "-rf", "--preserve-root", "/"},
	} {
		o, _ := newOverlay(t, tree)
		var stderr bytes.Buffer
		status, err := bt.Exec(context.Background(), o, args, nil, nil, io.Discard, &stderr)
		if err != nil {
			t.Fatal(err)
		}
		if status != 1 || !strings.Contains(stderr.String(), "dangerous to operate recursively") {
			t.Errorf("%v: status %d, stderr %q", args, status, stderr.String())
		}
		if _, err := o.Stat("/d/x"); err != nil {
			t.Errorf("%v removed files: %v", args, err)
		}
	}
	// With --no-preserve-root the overlay is emptied; the directory on
	// disk is not touched.
	o, dir := newOverlay(t, tree)
	var stderr bytes.Buffer
	status, _ := bt.Exec(context.Background(), o, []string{"rm", "-rf", "--no-preserve-root", "/"}, nil, nil, io.Discard, &stderr)
	entries, _ := o.ReadDir("/")
	if status != 1 || len(entries) != 0 {
		t.Errorf("rm -rf --no-preserve-root /: status %d (rmdir of the root fails), %d entries left, stderr %q", status, len(entries), stderr.String())
	}
	if _, err := os.Stat(dir + "/d/x"); err != nil {
		t.Errorf("the directory under the overlay changed: %v", err)
	}
}

// TestOddNames checks GNU's quoting of names in messages, and ls's literal
// output, against the real tools.
func TestOddNames(t *testing.T) {
	names := []string{"it's", "a b", "a\nb", "tab\there", "$x", "x\"y", "back\\slash", "#hash", "a#", "~t", "ctl\x01", "hi\xc3\xa9", "-dash", "it's $x", "q'\n", "{", "a{b", "x?y"}
	var tree []bt.Entry
	for _, n := range names {
		tree = append(tree, bt.File(n, n))
	}
	var cases []bt.Case
	for i, n := range names {
		missing := "no " + n
		cases = append(cases,
			bt.Case{Name: "rm " + strings.Repeat("x", i), Args: []string{"rm", "-v", "--", n, missing}},
			bt.Case{Name: "cat " + strings.Repeat("x", i), Args: []string{"cat", "--", missing, n}},
		)
	}
	cases = append(cases,
		bt.Case{Args: []string{"ls"}},
		bt.Case{Args: []string{"ls", "-l", "--", "it's", "a\nb", "-dash"}},
		bt.Case{Args: []string{"mkdir", "-v", "new 'dir'", "new\ndir"}},
		bt.Case{Args: []string{"cp", "-v", "it's", "a\nb", "-t", "."}},
		bt.Case{Args: []string{"cp", "-v", "--", "it's", "it is"}},
		bt.Case{Args: []string{"mv", "-v", "--", "$x", "a{b", "~t"}},
		bt.Case{Args: []string{"touch", "no dir/x", "no\tdir/y"}},
	)
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// rootDots masks what differs in a long listing of the fixture root: the
// root is the overlay's in-memory directory, whose link count and block
// count are its own (see the overlay notes in the report), and ".." of the
// root is the root itself in the sandbox, the parent directory on disk.
func rootDots(s string) string {
	s = regexp.MustCompile(`(?m)^total [0-9]+$`).ReplaceAllString(s, "total N")
	return regexp.MustCompile(`(?m)^(d[-rwxsStT]{9}) +[0-9]+ (.*) (\.\.?)$`).ReplaceAllString(s, "$1 N $2 $3")
}

func TestLsRoot(t *testing.T) {
	tree := []bt.Entry{bt.File("a", "x"), bt.Dir("d"), bt.Dir("d/s"), bt.Dir("e"), bt.File(".h", "h")}
	bt.RunAll(t, []bt.Case{
		{Tree: tree, Args: []string{"ls", "-la"}, Normalize: rootDots},
		{Tree: tree, Args: []string{"ls", "-ld", "."}, Normalize: rootDots},
		{Tree: tree, Args: []string{"ls", "-la", "d"}, Normalize: rootDots},
		{Tree: tree, Args: []string{"ls", "-a", "d/s"}},
	})
}

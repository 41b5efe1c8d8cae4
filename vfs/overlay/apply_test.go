package overlay

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// applyFixture makes a project with a few files and an overlay on it.
func applyFixture(t *testing.T) (string, *FS) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":     "alpha\n",
		"b.txt":     "beta\n",
		"src/x.go":  "package x\n",
		"src/y.go":  "package y\n",
		"doc/r.md":  "readme\n",
		"keep.conf": "k=1\n",
	}
	for p, data := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return dir, o
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readDisk(t *testing.T, dir, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, p))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

func TestApplyConflicts(t *testing.T) {
	tests := []struct {
		name  string
		disk  func(dir string) error // what happens on disk behind the sandbox
		want  string                 // the conflicting path
		about string
	}{
		{"edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "a.txt"), []byte("edited elsewhere\n"), 0o644)
		}, "/a.txt", "modified on disk"},
		{"deleted", func(dir string) error { return os.Remove(filepath.Join(dir, "a.txt")) }, "/a.txt", "deleted on disk"},
		{"symlinked", func(dir string) error {
			if err := os.Remove(filepath.Join(dir, "a.txt")); err != nil {
				return err
			}
			return os.Symlink("/etc/passwd", filepath.Join(dir, "a.txt"))
		}, "/a.txt", "replaced on disk by a symlink"},
		{"deleted file edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "b.txt"), []byte("more\n"), 0o644)
		}, "/b.txt", "modified on disk"},
		{"new file created", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "c.txt"), []byte("mine\n"), 0o644)
		}, "/c.txt", "created on disk"},
		{"dir gained a file", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "doc", "extra.md"), []byte("x\n"), 0o644)
		}, "/doc", "directory changed on disk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, o := applyFixture(t)
			// The sandbox reads, then changes, a.txt, b.txt, c.txt, doc.
			if _, err := afero.ReadFile(o, "/a.txt"); err != nil {
				t.Fatal(err)
			}
			mustDo(t, afero.WriteFile(o, "/a.txt", []byte("ALPHA\n"), 0o644))
			mustDo(t, o.Remove("/b.txt"))
			mustDo(t, afero.WriteFile(o, "/c.txt", []byte("new\n"), 0o644))
			mustDo(t, o.RemoveAll("/doc"))
			mustDo(t, afero.WriteFile(o, "/d.txt", []byte("d\n"), 0o600))
			mustDo(t, tt.disk(dir))
			before := snapshot(t, dir)

			res, err := o.Apply(ApplyOptions{})
			mustDo(t, err)
			if len(res.Applied) != 0 {
				t.Errorf("applied %v despite a conflict", res.Applied)
			}
			if !hasConflict(res, tt.want, tt.about) {
				t.Errorf("conflicts %v; want %s: %s", res.Conflicts, tt.want, tt.about)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("the project changed although nothing may be applied:\n%s\nvs\n%s", before, after)
			}

			// Partial applies the rest and leaves the conflict alone.
			res, err = o.Apply(ApplyOptions{Partial: true})
			mustDo(t, err)
			if !hasConflict(res, tt.want, tt.about) {
				t.Errorf("partial: conflicts %v; want %s", res.Conflicts, tt.want)
			}
			if got := readDisk(t, dir, "d.txt"); got != "d\n" {
				t.Errorf("partial apply did not write d.txt: %q", got)
			}
			if tt.want != "/a.txt" && readDisk(t, dir, "a.txt") != "ALPHA\n" {
				t.Errorf("partial apply did not write a.txt")
			}
		})
	}
}

func hasConflict(res ApplyResult, p, about string) bool {
	for _, c := range res.Conflicts {
		if c.Path == p && strings.Contains(c.Reason, about) {
			return true
		}
	}
	return false
}

// A file whose times changed on disk, but not its bytes, is no conflict.
func TestApplyTouchedIsNoConflict(t *testing.T) {
	dir, o := applyFixture(t)
	f, err := o.OpenFile("/a.txt", os.O_WRONLY|os.O_APPEND, 0)
	mustDo(t, err)
	_, err = f.Write([]byte("more\n"))
	mustDo(t, err)
	mustDo(t, f.Close())
	later := time.Now().Add(time.Hour)
	mustDo(t, os.Chtimes(filepath.Join(dir, "a.txt"), later, later))
	res, err := o.Apply(ApplyOptions{})
	mustDo(t, err)
	if len(res.Conflicts) > 0 {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	if got := readDisk(t, dir, "a.txt"); got != "alpha\nmore\n" {
		t.Errorf("a.txt = %q", got)
	}
}

// An interrupted Apply leaves every file wholly old or wholly new, and a
// second Apply finishes the job.
func TestApplyInterrupted(t *testing.T) {
	for n := 0; n < 8; n++ {
		dir, o := applyFixture(t)
		big := strings.Repeat("0123456789", 10000)
		mustDo(t, afero.WriteFile(o, "/a.txt", []byte(big), 0o644))
		mustDo(t, o.Remove("/b.txt"))
		mustDo(t, o.Rename("/src", "/lib"))
		mustDo(t, afero.WriteFile(o, "/lib/x.go", []byte("package x // edited\n"), 0o644))
		mustDo(t, o.Mkdir("/new", 0o755))
		mustDo(t, afero.WriteFile(o, "/new/n.txt", []byte("n\n"), 0o600))
		mustDo(t, o.Chmod("/keep.conf", 0o600))
		mustDo(t, o.Symlink("lib/y.go", "/y-link"))

		boom := errors.New("simulated crash")
		steps := 0
		_, err := o.Apply(ApplyOptions{step: func(string) error {
			if steps == n {
				return boom
			}
			steps++
			return nil
		}})
		if !errors.Is(err, boom) {
			if err == nil && steps < n {
				continue // fewer steps than n: nothing was interrupted
			}
			t.Fatalf("n=%d: Apply: %v", n, err)
		}
		// Every file is old or new, never partial.
		check := map[string][2]string{
			"a.txt":      {"alpha\n", big},
			"b.txt":      {"beta\n", "<missing>"},
			"src/x.go":   {"package x\n", "<missing>"},
			"lib/x.go":   {"<missing>", "package x // edited\n"},
			"lib/y.go":   {"<missing>", "package y\n"},
			"new/n.txt":  {"<missing>", "n\n"},
			"keep.conf":  {"k=1\n", "k=1\n"},
			"doc/r.md":   {"readme\n", "readme\n"},
			"src/y.go":   {"package y\n", "<missing>"},
			"y-link/../": {"", ""},
		}
		for p, states := range check {
			if strings.HasSuffix(p, "/") {
				continue
			}
			got := readDisk(t, dir, p)
			if strings.HasPrefix(got, "<") {
				got = "<missing>"
			}
			if got != states[0] && got != states[1] {
				t.Errorf("n=%d: %s is neither old nor new: %q", n, p, got)
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".sandsh-") {
				t.Errorf("n=%d: temporary file left: %s", n, e.Name())
			}
		}
		res, err := o.Apply(ApplyOptions{})
		mustDo(t, err)
		if len(res.Conflicts) > 0 {
			t.Fatalf("n=%d: second Apply found conflicts: %v", n, res.Conflicts)
		}
		want := map[string]string{
			"a.txt": big, "lib/x.go": "package x // edited\n", "lib/y.go": "package y\n",
			"new/n.txt": "n\n", "keep.conf": "k=1\n", "doc/r.md": "readme\n",
		}
		for p, data := range want {
			if got := readDisk(t, dir, p); got != data {
				t.Errorf("n=%d: after the second Apply %s = %.40q", n, p, got)
			}
		}
		for _, gone := range []string{"b.txt", "src"} {
			if _, err := os.Lstat(filepath.Join(dir, gone)); err == nil {
				t.Errorf("n=%d: %s still exists", n, gone)
			}
		}
		if fi, err := os.Stat(filepath.Join(dir, "keep.conf")); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("n=%d: keep.conf mode: %v %v", n, fi, err)
		}
		if target, err := os.Readlink(filepath.Join(dir, "y-link")); err != nil || target != "lib/y.go" {
			t.Errorf("n=%d: y-link: %q %v", n, target, err)
		}
	}
}

// Apply never writes through a symlink that appeared on disk, in or out
// of the project.
func TestApplyNoEscape(t *testing.T) {
	dir, o := applyFixture(t)
	outside := t.TempDir()
	mustDo(t, afero.WriteFile(o, "/doc/new.md", []byte("new\n"), 0o644))
	mustDo(t, afero.WriteFile(o, "/src/x.go", []byte("changed\n"), 0o644))
	// Behind the sandbox, doc becomes a symlink out of the project.
	mustDo(t, os.RemoveAll(filepath.Join(dir, "doc")))
	mustDo(t, os.Symlink(outside, filepath.Join(dir, "doc")))
	res, err := o.Apply(ApplyOptions{Partial: true})
	mustDo(t, err)
	if !hasConflict(res, "/doc/new.md", "") {
		t.Errorf("conflicts %v; want /doc/new.md", res.Conflicts)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Fatalf("Apply wrote outside the project: %v", entries)
	}
	if got := readDisk(t, dir, "src/x.go"); got != "changed\n" {
		t.Errorf("src/x.go = %q", got)
	}
}

// Reset drops the changes; Fork copies them; the two then go separate ways.
func TestResetAndFork(t *testing.T) {
	dir, o := applyFixture(t)
	mustDo(t, afero.WriteFile(o, "/a.txt", []byte("ALPHA\n"), 0o644))
	fork, err := o.Fork()
	mustDo(t, err)
	defer fork.Close()
	mustDo(t, afero.WriteFile(fork, "/a.txt", []byte("fork\n"), 0o644))
	mustDo(t, o.Reset())
	if got, _ := afero.ReadFile(o, "/a.txt"); string(got) != "alpha\n" {
		t.Errorf("after Reset a.txt = %q", got)
	}
	if ch, _ := o.Changes(); len(ch) != 0 {
		t.Errorf("after Reset: %v", ch)
	}
	if got, _ := afero.ReadFile(fork, "/a.txt"); string(got) != "fork\n" {
		t.Errorf("fork a.txt = %q", got)
	}
	if got := readDisk(t, dir, "a.txt"); got != "alpha\n" {
		t.Errorf("disk a.txt = %q", got)
	}
}

// Export writes the view; with Link, unchanged files share the inode.
func TestExport(t *testing.T) {
	_, o := applyFixture(t)
	mustDo(t, afero.WriteFile(o, "/a.txt", []byte("ALPHA\n"), 0o600))
	mustDo(t, o.Remove("/b.txt"))
	mustDo(t, o.Symlink("a.txt", "/link"))
	out := filepath.Join(t.TempDir(), "out")
	mustDo(t, o.Export(out, ExportOptions{Link: true}))
	if got := readDisk(t, out, "a.txt"); got != "ALPHA\n" {
		t.Errorf("a.txt = %q", got)
	}
	if _, err := os.Lstat(filepath.Join(out, "b.txt")); err == nil {
		t.Error("b.txt exported")
	}
	if target, _ := os.Readlink(filepath.Join(out, "link")); target != "a.txt" {
		t.Errorf("link -> %q", target)
	}
	a, _ := os.Stat(filepath.Join(out, "src/x.go"))
	b, _ := os.Stat(filepath.Join(o.Dir(), "src/x.go"))
	if !os.SameFile(a, b) {
		t.Error("an unchanged file was not hard-linked")
	}
	if err := o.Export(out, ExportOptions{}); err == nil {
		t.Error("Export into a non-empty directory succeeded")
	}
}

// snapshot lists every path under dir with its mode and content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		r, _ := filepath.Rel(dir, p)
		line := r + " " + fi.Mode().String()
		if fi.Mode().IsRegular() {
			b, _ := os.ReadFile(p)
			line += " " + string(b)
		}
		lines = append(lines, line)
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

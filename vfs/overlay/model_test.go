package overlay_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/overlay"
	"github.com/sandsh/sandsh/vfs/vfstest"
)

// modelConfig opens the overlay on the starting tree and, after every step,
// checks its change set against the difference between the starting tree
// and the real directory.
var modelConfig = vfstest.Config{
	Setup: vfstest.OnDisk,
	New: func(dir string) (vfs.FS, error) {
		o, err := overlay.New(dir)
		if err != nil {
			return nil, err
		}
		return o, nil
	},
	AfterStep: func(fsys vfs.FS, start, current vfstest.Snapshot) error {
		return checkChanges(fsys.(*overlay.FS), start, current)
	},
	AtEnd: checkKeep,
}

// checkKeep checks, at the end of a sequence, the ways of keeping the
// changes: a fork holds the same view, Export writes it out, and Apply
// makes the lower directory equal to the real one.
func checkKeep(fsys vfs.FS, dir string, current vfstest.Snapshot) error {
	o := fsys.(*overlay.FS)
	fork, err := o.Fork()
	if err != nil {
		return fmt.Errorf("Fork: %v", err)
	}
	defer fork.Close()
	if d := vfstest.Diff(vfstest.SnapshotFS(fork), current); len(d) > 0 {
		return fmt.Errorf("the fork differs from the real tree:\n  %s", strings.Join(d, "\n  "))
	}
	out, err := os.MkdirTemp("", "overlay-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	exp := filepath.Join(out, "x")
	if err := o.Export(exp, overlay.ExportOptions{}); err != nil {
		return fmt.Errorf("Export: %v", err)
	}
	if d := vfstest.Diff(vfstest.SnapshotDir(exp), current); len(d) > 0 {
		return fmt.Errorf("the export differs from the real tree:\n  %s", strings.Join(d, "\n  "))
	}
	res, err := o.Apply(overlay.ApplyOptions{})
	if err != nil {
		return fmt.Errorf("Apply: %v", err)
	}
	if len(res.Conflicts) > 0 {
		return fmt.Errorf("Apply found conflicts with nothing changed on disk: %v", res.Conflicts)
	}
	if d := withoutTimes(vfstest.Diff(vfstest.SnapshotDir(dir), current)); len(d) > 0 {
		return fmt.Errorf("after Apply the directory differs from the real tree:\n  %s", strings.Join(d, "\n  "))
	}
	if d := withoutTimes(vfstest.Diff(vfstest.SnapshotFS(o), current)); len(d) > 0 {
		return fmt.Errorf("after Apply the view differs from the real tree:\n  %s", strings.Join(d, "\n  "))
	}
	return nil
}

// TestModel runs random operation sequences against the overlay and
// against a real copy of the lower tree, comparing them after every step.
func TestModel(t *testing.T) {
	n := vfstest.Sequences(5000)
	for seed := int64(1); seed <= int64(n); seed++ {
		vfstest.Run(t, modelConfig, seed)
		if t.Failed() {
			return
		}
	}
}

// FuzzModel drives the same comparison from fuzz input.
func FuzzModel(f *testing.F) {
	f.Add([]byte("seed corpus: a short sequence"))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 200, 201, 202, 255, 254, 253})
	f.Fuzz(func(t *testing.T, data []byte) { vfstest.RunBytes(t, modelConfig, data) })
}

// expectedChanges derives the change set from two snapshots, in the same
// terms as overlay.Change.
func expectedChanges(start, current vfstest.Snapshot) []string {
	var out []string
	paths := map[string]bool{}
	for p := range start {
		paths[p] = true
	}
	for p := range current {
		paths[p] = true
	}
	for p := range paths {
		a, inA := start[p]
		b, inB := current[p]
		switch {
		case !inA:
			out = append(out, "A "+p)
		case !inB:
			out = append(out, "D "+p)
		case a.Type != b.Type:
			out = append(out, "M "+p+" type")
		default:
			var what []string
			if a.Type == vfstest.TypeFile && !bytes.Equal(a.Data, b.Data) {
				what = append(what, "content")
			}
			if a.Mode&vfs.ChmodBits != b.Mode&vfs.ChmodBits {
				what = append(what, "mode")
			}
			if a.Type == vfstest.TypeSymlink && a.Target != b.Target {
				what = append(what, "target")
			}
			if len(what) > 0 {
				out = append(out, "M "+p+" "+strings.Join(what, ","))
			}
		}
	}
	sort.Strings(out)
	return out
}

func describe(c overlay.Change) string {
	switch c.Kind {
	case overlay.Added:
		return "A " + c.Path
	case overlay.Deleted:
		return "D " + c.Path
	}
	if c.Type {
		return "M " + c.Path + " type"
	}
	var what []string
	if c.Content {
		what = append(what, "content")
	}
	if c.Mode {
		what = append(what, "mode")
	}
	if c.Target {
		what = append(what, "target")
	}
	return "M " + c.Path + " " + strings.Join(what, ",")
}

func checkChanges(o *overlay.FS, start, current vfstest.Snapshot) error {
	changes, err := o.Changes()
	if err != nil {
		return fmt.Errorf("Changes: %v", err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, describe(c))
	}
	sort.Strings(got)
	want := expectedChanges(start, current)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		return fmt.Errorf("Changes() disagrees with the real tree:\n got:\n  %s\n want:\n  %s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	return nil
}

// withoutTimes drops the differences of modification time: Apply carries
// times only with the changes it writes (a file changed only by touch is
// not a change).
func withoutTimes(d []string) []string {
	var out []string
	for _, l := range d {
		if !strings.Contains(l, ": mtime ") {
			out = append(out, l)
		}
	}
	return out
}

package builtins_test

import (
	"fmt"
	"math/rand"
	"path"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/vfs/vfstest"
)

// randomTree converts a vfstest random tree into a fixture. Symlinks whose
// targets are absolute or climb above the root are dropped: the real tools
// run on the host, where such links would lead out of the fixture copy.
func randomTree(seed int64) []bt.Entry {
	var out []bt.Entry
	for _, e := range vfstest.RandomTree(rand.New(rand.NewSource(seed))) {
		p := strings.TrimPrefix(e.Path, "/")
		var be bt.Entry
		switch e.Type {
		case vfstest.TypeDir:
			be = bt.Dir(p).WithMode(e.Perm)
		case vfstest.TypeFile:
			be = bt.File(p, string(e.Data)).WithMode(e.Perm)
		case vfstest.TypeSymlink:
			if strings.HasPrefix(e.Target, "/") || escapes(path.Dir(p), e.Target) {
				continue
			}
			be = bt.Symlink(p, e.Target)
		}
		if !e.ModTime.IsZero() {
			be = be.WithTime(e.ModTime)
		}
		out = append(out, be)
	}
	return out
}

// escapes reports whether the relative target, followed from dir, climbs
// above the root.
func escapes(dir, target string) bool {
	depth := 0
	if dir != "." {
		depth = strings.Count(dir, "/") + 1
	}
	for _, c := range strings.Split(target, "/") {
		switch c {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return true
			}
		default:
			depth++
		}
	}
	return false
}

// TestRandomTrees runs order-insensitive command lines against random
// trees with dangling, looping and directory symlinks, odd modes and old
// times.
func TestRandomTrees(t *testing.T) {
	names := []string{"a", "b", "c", "d1", "d2", "f1", "f2", "x"}
	with := func(args ...string) []string { return append(args, names...) }
	lines := []bt.Case{
		{Args: []string{"ls", "-lR"}},
		{Args: []string{"ls", "-laR"}, Normalize: rootDots},
		{Args: with("ls", "-lF")},
		{Args: with("ls", "-ld")},
		{Args: with("ls", "-a")},
		{Args: with("cat")},
		{Args: with("rm", "-rv"), SortStdout: true},
		{Args: with("rm", "-d")},
		{Args: []string{"cp", "-a", "d1", "new"}, Times: true, Links: true},
		{Args: []string{"cp", "-r", "d2", "new"}},
		{Args: []string{"cp", "-rL", "d1", "new"}, SortStderr: true},
		{Args: append(with("cp", "-r"), "new")},
		{Args: with("mv")},
		{Args: []string{"mv", "d1", "d2"}},
		{Args: with("touch", "-c", "-d", "2020-01-01 00:00")},
		{Args: []string{"mkdir", "-p", "d1/new/deep", "x/y", "d2/d1"}},
	}
	var cases []bt.Case
	for seed := int64(1); seed <= 40; seed++ {
		tree := randomTree(seed)
		for _, c := range lines {
			c.Tree = tree
			c.Name = fmt.Sprintf("seed%d/%s", seed, strings.Join(c.Args, " "))
			cases = append(cases, c)
		}
	}
	bt.RunAll(t, cases)
}

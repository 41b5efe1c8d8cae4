package builtins_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// runRenamed runs a differential case whose output and final tree hold
// random names: rename maps both sides' stdout, stderr and tree paths to
// stable ones before they are compared.
func runRenamed(t *testing.T, c bt.Case, rename func(string) string) {
	t.Helper()
	start := time.Now()
	base := t.TempDir()
	orig, realDir := filepath.Join(base, "orig"), filepath.Join(base, "real")
	if err := bt.Build(orig, c.Tree); err != nil {
		t.Fatal(err)
	}
	if err := bt.CopyTree(orig, realDir); err != nil {
		t.Fatal(err)
	}
	want := bt.RunReal(t, realDir, c)
	got := bt.RunBuiltin(t, orig, c)
	for _, r := range []*bt.Result{&want, &got} {
		r.Stdout, r.Stderr = rename(r.Stdout), rename(r.Stderr)
		snap := bt.Snapshot{}
		for p, n := range r.Tree {
			snap[rename(p)] = n
		}
		r.Tree = snap
	}
	bt.Compare(t, c, start, want, got)
}

func TestMktemp(t *testing.T) {
	tree := []bt.Entry{
		bt.Dir("d"),
		bt.File("file", "x"),
		bt.Symlink("ld", "d"),
	}
	random := regexp.MustCompile(`(tmp\.|foo\.|x|z|/)[A-Za-z0-9]{3,10}(\.txt|bar|\.bar|x)?(\n|$)`)
	rename := func(s string) string {
		var out []string
		for _, l := range strings.SplitAfter(s, "\n") {
			out = append(out, random.ReplaceAllString(l, "${1}RANDOM$2$3"))
		}
		return strings.Join(out, "")
	}
	cases := []bt.Case{
		{Args: []string{"mktemp", "-p", "."}},
		{Args: []string{"mktemp", "-p", "d"}},
		{Args: []string{"mktemp", "-d", "-p", "d"}},
		{Args: []string{"mktemp", "--tmpdir=d", "-d"}},
		{Args: []string{"mktemp", "--directory", "--tmpdir", "foo.XXX"}, Env: []string{"TMPDIR=d"}},
		{Args: []string{"mktemp"}, Env: []string{"TMPDIR=d"}},
		{Args: []string{"mktemp", "-t", "foo.XXX"}, Env: []string{"TMPDIR=d"}},
		{Args: []string{"mktemp", "-t", "-p", "d", "foo.XXX"}},
		{Args: []string{"mktemp", "-t", "-p", "d", "foo.XXX"}, Env: []string{"TMPDIR=ld"}},
		{Args: []string{"mktemp", "-p", "d", "foo.XXXXXX", "--suffix=.txt"}},
		{Args: []string{"mktemp", "d/xXXXbar"}},
		{Args: []string{"mktemp", "d/xXXX.bar"}},
		{Args: []string{"mktemp", "-p", "ld", "--suffix=x", "XXXX"}},
		{Args: []string{"mktemp", "zXXXXXXXX"}},
		{Args: []string{"mktemp", "-u", "-p", "d"}},
		{Args: []string{"mktemp", "-u"}},
		{Args: []string{"mktemp", "--dry-run", "-p", "nope"}},
		{Args: []string{"mktemp", "-u", "-p", "file"}},
		{Args: []string{"mktemp", "fooXX"}},
		{Args: []string{"mktemp", "-q", "fooXX"}},
		{Args: []string{"mktemp", "-p", "nope"}},
		{Args: []string{"mktemp", "-q", "-p", "nope"}},
		{Args: []string{"mktemp", "-d", "-p", "nope"}},
		{Args: []string{"mktemp", "-p", "file"}},
		{Args: []string{"mktemp", "-p", ".", "XXXa/XXX"}},
		{Args: []string{"mktemp", "-d", "d/x/XXX"}},
		{Args: []string{"mktemp", "--suffix=.c", "d/aXXX.b"}},
		{Args: []string{"mktemp", "--suffix", "x/y", "d/aXXX"}},
		{Args: []string{"mktemp", "-t", "d/aXXX"}, Env: []string{"TMPDIR=d"}},
		{Args: []string{"mktemp", "a", "b"}},
		{Args: []string{"mktemp", ""}},
		{Args: []string{"mktemp", "-p", ".", ""}},
		{Args: []string{"mktemp", "-x"}},
		{Args: []string{"mktemp", "--help"}, HelpOnly: true},
	}
	for _, c := range cases {
		c.Tree = tree
		t.Run(strings.Join(c.Args, " ")+strings.Join(c.Env, " "), func(t *testing.T) {
			t.Parallel()
			runRenamed(t, c, rename)
		})
	}
}

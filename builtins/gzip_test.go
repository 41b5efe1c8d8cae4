package builtins_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/vfs/overlay"
	"github.com/spf13/afero"
)

// gz compresses data as a gzip member recording name and mtime.
func gz(data, name string, mtime time.Time) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Name = name
	w.ModTime = mtime
	w.Header.OS = 3
	w.Write([]byte(data))
	w.Close()
	return b.String()
}

// gunzipText replaces gzip data by what it holds: the recorded name and
// the decompressed text, so that Go's and GNU's deflate compare equal.
func gunzipText(s string) string {
	r, err := gzip.NewReader(strings.NewReader(s))
	if err != nil {
		return "not gzip: " + err.Error()
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return "bad gzip: " + err.Error()
	}
	return fmt.Sprintf("name=%q\n%s", r.Name, data)
}

func TestGzip(t *testing.T) {
	old := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	big := strings.Repeat("the quick brown fox jumps over the lazy dog\n", 500)
	tree := []bt.Entry{
		bt.File("a", "hello\n"),
		bt.File("big", big),
		bt.File("a.gz", gz("hello\n", "a", old)).WithTime(old).WithMode(0o600),
		bt.File("big.gz", gz(big, "big", old)).WithTime(old),
		bt.File("two.gz", gz("one\n", "", old)+gz("two\n", "", old)).WithTime(old),
		bt.File("garbage.gz", gz("data\n", "x", old)+"junk"),
		bt.File("zeros.gz", gz("data\n", "x", old)+"\x00\x00\x00"),
		bt.File("bad.gz", "not gzip data here\n"),
		bt.File("short.gz", "x"),
		bt.File("empty.gz", ""),
		bt.File("trunc.gz", gz(big, "big", old)[:100]),
		bt.File("named.z", gz("renamed\n", "orig.txt", old)).WithTime(old),
		bt.File("arch.tgz", gz("tarish\n", "", old)),
		bt.File("other.gz", gz("other\n", "", old)),
		bt.File("other", "already here\n"),
		bt.File("plain", "plain\n"),
		bt.Hardlink("plainlink", "plain"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"gunzip", "a.gz"}, Times: true},
		{Args: []string{"gunzip", "-k", "a.gz", "big.gz"}, Times: true},
		{Args: []string{"gunzip", "a"}, Times: true},
		{Args: []string{"gzip", "-d", "two.gz"}},
		{Args: []string{"gzip", "-dc", "two.gz", "a.gz"}},
		{Args: []string{"gunzip", "-c", "big.gz"}},
		{Args: []string{"gunzip", "--stdout", "a.gz"}},
		{Args: []string{"zcat", "a.gz", "two.gz"}},
		{Args: []string{"zcat", "a"}},
		{Args: []string{"zcat"}, Stdin: gz("from stdin\n", "", old)},
		{Args: []string{"gunzip"}, Stdin: gz("from stdin\n", "", old)},
		{Args: []string{"gzip", "-d", "-"}, Stdin: gz("dash\n", "", old)},
		{Args: []string{"gunzip", "garbage.gz"}},
		{Args: []string{"gunzip", "-c", "zeros.gz"}},
		{Args: []string{"gunzip", "bad.gz"}},
		{Args: []string{"gunzip", "short.gz"}},
		{Args: []string{"gunzip", "empty.gz"}},
		{Args: []string{"gunzip", "trunc.gz"}, Normalize: func(s string) string { return "" }},
		{Args: []string{"gunzip"}, Stdin: "plain text\n"},
		{Args: []string{"gunzip", "plain"}},
		{Args: []string{"gunzip", "missing.gz"}},
		{Args: []string{"gunzip", "d"}},
		{Args: []string{"gunzip", "other.gz"}},
		{Args: []string{"gunzip", "-f", "other.gz"}},
		{Args: []string{"gunzip", "named.z"}, Times: true},
		{Args: []string{"gunzip", "-N", "named.z"}, Times: true},
		{Args: []string{"gunzip", "-S", ".z", "named.z"}},
		{Args: []string{"gunzip", "arch.tgz"}},
		{Args: []string{"gunzip", "a.gz", "bad.gz", "big.gz"}},
		{Args: []string{"gzip", "-t", "a.gz", "two.gz"}},
		{Args: []string{"gzip", "-t", "bad.gz"}},
		{Args: []string{"gzip", "-t", "trunc.gz"}},
		{Args: []string{"gzip", "-l", "a.gz"}},
		{Args: []string{"gzip", "-l", "a.gz", "big.gz"}},
		{Args: []string{"gzip", "-lN", "named.z"}},
		{Args: []string{"gzip", "-l", "bad.gz"}},
		{Args: []string{"gzip", "-c", "a"}, Normalize: gunzipText},
		{Args: []string{"gzip", "-c", "-n", "a"}, Normalize: gunzipText},
		{Args: []string{"gzip", "-9c", "big"}, Normalize: gunzipText},
		{Args: []string{"gzip", "--fast", "--stdout", "big"}, Normalize: gunzipText},
		{Args: []string{"gzip"}, Stdin: "compress me\n", Normalize: gunzipText},
		{Args: []string{"gzip", "-1"}, Stdin: big, Normalize: gunzipText},
		{Args: []string{"gzip", "a.gz"}},
		{Args: []string{"gzip", "d"}},
		{Args: []string{"gzip", "missing"}},
		{Args: []string{"gzip", "plain"}},
		{Args: []string{"gzip", "a"}, Name: "gzip a with a.gz present"},
		{Args: []string{"gzip", "-q", "d", "a.gz"}},
		{Args: []string{"gzip", "-x"}},
		{Args: []string{"gzip", "--bogus"}},
		{Args: []string{"gzip", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// Compressing in place cannot be compared with GNU's bytes: check the
// round trip, the mode and the time instead.
func TestGzipRoundTrip(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	data := strings.Repeat("round trip\n", 100)
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte(data), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "f"), 0o640)
	os.Chtimes(filepath.Join(dir, "f"), old, old)
	o, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		st, err := bt.Exec(context.Background(), o, args, nil, strings.NewReader(""), &out, &errb)
		if err != nil {
			t.Fatal(err)
		}
		return st, out.String() + errb.String()
	}
	if st, msg := run("gzip", "f"); st != 0 {
		t.Fatalf("gzip f: %d %s", st, msg)
	}
	if _, err := o.Stat("/f"); err == nil {
		t.Error("gzip f kept f")
	}
	fi, err := o.Stat("/f.gz")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 || !fi.ModTime().Equal(old) {
		t.Errorf("f.gz: mode %v time %v", fi.Mode(), fi.ModTime())
	}
	if st, msg := run("gzip", "-l", "f.gz"); st != 0 || !strings.Contains(msg, " 1100 ") || !strings.Contains(msg, "% f\n") {
		t.Errorf("gzip -l: %d %q", st, msg)
	}
	if st, msg := run("gunzip", "f.gz"); st != 0 {
		t.Fatalf("gunzip: %d %s", st, msg)
	}
	b, err := readFile(o, "/f")
	if err != nil || b != data {
		t.Fatalf("round trip: %v %q", err, b)
	}
	fi, _ = o.Stat("/f")
	if fi.Mode().Perm() != 0o640 || !fi.ModTime().Equal(old) {
		t.Errorf("f: mode %v time %v", fi.Mode(), fi.ModTime())
	}
	if st, msg := run("gzip", "-k", "-5", "f"); st != 0 {
		t.Fatalf("gzip -k: %d %s", st, msg)
	}
	if _, err := o.Stat("/f"); err != nil {
		t.Error("gzip -k removed f")
	}
	if st, msg := run("zcat", "f.gz"); st != 0 || msg != data {
		t.Errorf("zcat: %d %q", st, msg)
	}
}

func readFile(fsys interface {
	Open(string) (afero.File, error)
}, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return string(b), err
}

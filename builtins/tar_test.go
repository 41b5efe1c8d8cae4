package builtins_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/internal/hostrun"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// tarEntry is one member of a test archive.
type tarEntry struct {
	name, data, link string
	typ              byte
	mode             int64
	uid              int
	uname            string
}

var tarTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// mkTar builds a GNU-format archive, gzip-compressed if gz.
func mkTar(gz bool, entries ...tarEntry) string {
	var b bytes.Buffer
	var w io.Writer = &b
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&b)
		w = zw
	}
	tw := tar.NewWriter(w)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typ, Mode: e.mode, ModTime: tarTime,
			Uid: e.uid, Gid: e.uid, Uname: e.uname, Gname: e.uname, Linkname: e.link, Format: tar.FormatGNU}
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
		}
		if h.Mode == 0 {
			h.Mode = 0o644
			if h.Typeflag == tar.TypeDir {
				h.Mode = 0o755
			}
			if h.Typeflag == tar.TypeSymlink {
				h.Mode = 0o777
			}
		}
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(e.data))
		}
		if h.Uname == "" && h.Uid == 0 {
			h.Uname, h.Gname = "root", "root"
		}
		tw.WriteHeader(h)
		tw.Write([]byte(e.data))
	}
	tw.Close()
	if zw != nil {
		zw.Close()
	}
	return b.String()
}

// tarListing replaces a tar stream (gzip-compressed or not) by a sorted
// description of its members, so that archives made by GNU tar and by the
// builtin compare equal when they hold the same files: a hard link is
// described as the file it links to.
func tarListing(s string) string {
	var r io.Reader = strings.NewReader(s)
	if strings.HasPrefix(s, "\x1f\x8b") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return "bad gzip: " + err.Error()
		}
		r = zr
	}
	tr := tar.NewReader(r)
	data := map[string]string{}
	var lines []string
	var links [][2]string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			lines = append(lines, "error: "+err.Error())
			break
		}
		b, _ := io.ReadAll(tr)
		desc := fmt.Sprintf("%c %o %d/%d %s/%s %s", h.Typeflag, h.Mode, h.Uid, h.Gid, h.Uname, h.Gname, h.ModTime.UTC().Format(time.RFC3339))
		switch h.Typeflag {
		case tar.TypeReg:
			data[h.Name] = fmt.Sprintf("%x", sha256.Sum256(b))[:12]
			lines = append(lines, h.Name+" "+desc+" "+data[h.Name])
		case tar.TypeLink:
			links = append(links, [2]string{h.Name, h.Linkname})
		case tar.TypeSymlink:
			lines = append(lines, h.Name+" l "+fmt.Sprintf("%d/%d", h.Uid, h.Gid)+" -> "+h.Linkname)
		default:
			lines = append(lines, h.Name+" "+desc)
		}
	}
	for _, l := range links {
		lines = append(lines, l[0]+" hard link to content "+data[l[1]])
	}
	for i, l := range lines {
		// Which of two hard links is stored as the file depends on the
		// directory order: describe both by content.
		if name, _, ok := strings.Cut(l, " "); ok {
			for _, k := range links {
				if k[1] == name {
					lines[i] = name + " hard link to content " + data[name]
				}
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

func tarFixture() []bt.Entry {
	old := time.Date(2023, 5, 6, 7, 8, 9, 0, time.UTC)
	base := []tarEntry{
		{name: "d/", typ: tar.TypeDir},
		{name: "d/a.txt", data: "hello\n"},
		{name: "d/sub/", typ: tar.TypeDir, mode: 0o750},
		{name: "d/sub/b.txt", data: "world\n", mode: 0o600},
		{name: "d/sub/run.sh", data: "#!/bin/sh\necho hi\n", mode: 0o755},
		{name: "d/link", typ: tar.TypeSymlink, link: "a.txt"},
		{name: "d/hard", typ: tar.TypeLink, link: "d/a.txt"},
		{name: "d/empty/", typ: tar.TypeDir},
	}
	return []bt.Entry{
		bt.Dir("src").WithTime(old),
		bt.Dir("src/sub").WithTime(old),
		bt.Dir("src/sub/deeper").WithTime(old),
		bt.File("src/a.txt", "hello\n").WithTime(old),
		bt.File("src/notes.md", "# notes\n").WithTime(old),
		bt.File("src/sub/b.txt", "world\n").WithMode(0o600).WithTime(old),
		bt.File("src/sub/run.sh", "#!/bin/sh\n").WithMode(0o755).WithTime(old),
		bt.File("arch.tar", mkTar(false, base...)),
		bt.File("arch.tgz", mkTar(true, base...)),
		bt.File("owned.tar", mkTar(false, tarEntry{name: "o.txt", data: "x\n", uid: 1000, uname: "user"},
			tarEntry{name: "n.txt", data: "y\n", uid: 1234})),
		bt.File("abs.tar", mkTar(false, tarEntry{name: "/abs/f.txt", data: "abs\n"}, tarEntry{name: "/top.txt", data: "t\n"})),
		bt.File("dotdot.tar", mkTar(false, tarEntry{name: "ok.txt", data: "ok\n"}, tarEntry{name: "../evil.txt", data: "evil\n"},
			tarEntry{name: "x/../../evil2.txt", data: "evil\n"})),
		bt.File("weird.tar", mkTar(false, tarEntry{name: "tab\there.txt", data: "t\n"}, tarEntry{name: "back\\slash", data: "b\n"},
			tarEntry{name: "big.bin", data: strings.Repeat("0123456789", 20000)})),
		bt.File("modes.tar", mkTar(false, tarEntry{name: "suid", data: "s\n", mode: 0o4755}, tarEntry{name: "sticky/", typ: tar.TypeDir, mode: 0o1777},
			tarEntry{name: "ro", data: "r\n", mode: 0o444})),
		bt.File("list.txt", "d/a.txt\nd/sub/b.txt\n"),
		bt.File("notar.txt", strings.Repeat("this is not a tar archive\n", 40)),
		bt.File("empty.tar", ""),
		bt.File("short.tar", mkTar(false, base...)[:700]),
		bt.Dir("out"),
		bt.Dir("adir"),
	}
}

func TestTar(t *testing.T) {
	tree := tarFixture()
	cases := []bt.Case{
		// Listing.
		{Args: []string{"tar", "tf", "arch.tar"}},
		{Args: []string{"tar", "-tf", "arch.tar"}},
		{Args: []string{"tar", "tvf", "arch.tar"}},
		{Args: []string{"tar", "--list", "--verbose", "--file=arch.tar"}},
		{Args: []string{"tar", "-tvf", "arch.tar", "d/sub"}},
		{Args: []string{"tar", "-tf", "arch.tar", "d/a.txt", "nothere"}},
		{Args: []string{"tar", "tzf", "arch.tgz"}},
		{Args: []string{"tar", "tf", "arch.tgz"}},
		{Args: []string{"tar", "tvzf", "-"}, Stdin: mkTar(true, tarEntry{name: "in.txt", data: "stdin\n"})},
		{Args: []string{"tar", "tf", "-"}, Stdin: mkTar(true, tarEntry{name: "in.txt", data: "stdin\n"})},
		{Args: []string{"tar", "t"}, Stdin: mkTar(false, tarEntry{name: "dflt.txt", data: "x\n"})},
		{Args: []string{"tar", "tvf", "owned.tar"}},
		{Args: []string{"tar", "tvf", "abs.tar"}},
		{Args: []string{"tar", "tvf", "weird.tar"}},
		{Args: []string{"tar", "tvf", "modes.tar"}},
		{Args: []string{"tar", "tf", "arch.tar", "--exclude=*.txt"}},
		{Args: []string{"tar", "tf", "arch.tar", "--exclude", "sub"}},
		{Args: []string{"tar", "tf", "notar.txt"}},
		{Args: []string{"tar", "tf", "empty.tar"}},
		{Args: []string{"tar", "tf", "missing.tar"}},
		{Args: []string{"tar", "tf", "adir"}},
		{Args: []string{"tar", "tzf", "arch.tar"}},
		// Extraction: the trees are compared, with times.
		{Args: []string{"tar", "xf", "arch.tar"}, Times: true, Links: true},
		{Args: []string{"tar", "-xvf", "arch.tar"}, Times: true},
		{Args: []string{"tar", "-xzf", "arch.tgz"}, Times: true},
		{Args: []string{"tar", "xzvf", "arch.tgz"}, Times: true},
		{Args: []string{"tar", "xf", "arch.tgz"}, Times: true},
		{Args: []string{"tar", "-xf", "arch.tar", "-C", "out"}, Times: true},
		{Args: []string{"tar", "-C", "out", "-xf", "arch.tar"}, Times: true},
		{Args: []string{"tar", "--extract", "--file", "arch.tar", "--directory=out"}, Times: true},
		{Args: []string{"tar", "-xf", "arch.tar", "-C", "nodir"}},
		{Args: []string{"tar", "xf", "arch.tar", "d/sub"}, Times: true},
		{Args: []string{"tar", "xf", "arch.tar", "d/sub/b.txt", "nothere"}},
		{Args: []string{"tar", "xf", "arch.tar", "--strip-components=1"}, Times: true},
		{Args: []string{"tar", "xf", "arch.tar", "--strip-components", "2"}, Times: true},
		{Args: []string{"tar", "xf", "arch.tar", "--exclude=*.txt"}},
		{Args: []string{"tar", "xf", "arch.tar", "--exclude=sub"}},
		{Args: []string{"tar", "-xf", "arch.tar", "-T", "list.txt"}},
		{Args: []string{"tar", "xOf", "arch.tar", "d/a.txt"}},
		{Args: []string{"tar", "-xO", "-f", "arch.tar"}},
		{Args: []string{"tar", "--to-stdout", "-xvf", "arch.tar", "d/sub"}},
		{Args: []string{"tar", "xpf", "modes.tar"}, Times: true},
		{Args: []string{"tar", "xf", "owned.tar"}},
		{Args: []string{"tar", "xf", "abs.tar"}},
		{Args: []string{"tar", "xf", "dotdot.tar"}},
		{Args: []string{"tar", "xf", "weird.tar"}},
		{Args: []string{"tar", "xf", "-"}, Stdin: mkTar(false, tarEntry{name: "from-stdin.txt", data: "in\n"})},
		{Args: []string{"tar", "xzf", "-"}, Stdin: mkTar(true, tarEntry{name: "from-stdin.txt", data: "in\n"})},
		{Args: []string{"tar", "xf", "notar.txt"}},
		{Args: []string{"tar", "xf", "short.tar"}, IgnoreStderr: true},
		{Args: []string{"tar", "xf", "missing.tar"}},
		{Args: []string{"tar", "xf", "arch.tar"}, Name: "overwrite", Tree: append(tarFixture(), bt.File("d/a.txt", "old\n"), bt.File("d/link", "was a file\n")), Times: true},
		{Args: []string{"tar", "xkf", "arch.tar"}, Name: "keep old", Tree: append(tarFixture(), bt.File("d/a.txt", "old\n"))},
		{Args: []string{"tar", "xf", "arch.tar"}, Name: "file in the way of a dir", Tree: append(tarFixture(), bt.File("d/sub", "file\n"))},
		// Creation: archives are compared by their members.
		{Args: []string{"tar", "cf", "-", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "-cf", "-", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "czf", "-", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "-czf", "-", "src/sub", "src/a.txt"}, Normalize: tarListing},
		{Args: []string{"tar", "--create", "--gzip", "--file=-", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "c", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "src/"}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "--exclude=*.txt", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "--exclude=sub", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "--exclude", "src/sub/*.sh", "src"}, Normalize: tarListing},
		{Args: []string{"tar", "-C", "src", "-cf", "-", "."}, Normalize: tarListing},
		{Args: []string{"tar", "-cf", "-", "-C", "src", "sub", "a.txt"}, Normalize: tarListing},
		{Args: []string{"tar", "-cf", "-", "-C", "src", "a.txt", "-C", "sub", "b.txt"}, Normalize: tarListing},
		{Args: []string{"tar", "-cf", "-", "-T", "list.txt"}, Name: "create -T", Tree: append(tarFixture(), bt.File("d/a.txt", "a\n"), bt.File("d/sub/b.txt", "b\n")), Normalize: tarListing},
		{Args: []string{"tar", "cvf", "-", "src"}, Normalize: tarListing, SortStderr: true},
		{Args: []string{"tar", "cvvf", "-", "src/sub"}, Normalize: tarListing, SortStderr: true},
		{Args: []string{"tar", "cf", "-", "src", "missing"}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "d/link"}, Name: "symlink operand", Tree: []bt.Entry{bt.File("d/a", "a\n"), bt.Symlink("d/link", "a")}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "-", "h"}, Name: "hard links", Tree: []bt.Entry{bt.File("h/a", "a\n"), bt.Hardlink("h/b", "h/a"), bt.File("h/c", "c\n")}, Normalize: tarListing},
		{Args: []string{"tar", "cf", "x.tar"}},
		{Args: []string{"tar", "cf", "nodir/x.tar", "src"}},
		// Usage errors.
		{Args: []string{"tar"}},
		{Args: []string{"tar", "-f", "arch.tar"}},
		{Args: []string{"tar", "-cx", "-f", "arch.tar"}},
		{Args: []string{"tar", "--bogus"}},
		{Args: []string{"tar", "-q"}},
		{Args: []string{"tar", "-tf"}},
		{Args: []string{"tar", "xf", "arch.tar", "--strip-components=x"}},
		{Args: []string{"tar", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		if cases[i].Tree == nil {
			cases[i].Tree = tree
		}
	}
	bt.RunAll(t, cases)
}

// TestTarRoundTrip archives the same tree with GNU tar and with the
// builtin, and extracts each archive with the other tool: the trees must
// come out the same.
func TestTarRoundTrip(t *testing.T) {
	if why := gnuTarMissing(t.TempDir()); why != "" {
		t.Fatal(why)
	}
	old := time.Date(2022, 2, 3, 4, 5, 6, 0, time.UTC)
	tree := []bt.Entry{
		bt.Dir("p"),
		bt.Dir("p/x"),
		bt.Dir("p/x/y"),
		bt.File("p/a.txt", "alpha\n"),
		bt.File("p/x/y/z.txt", strings.Repeat("z", 5000)),
		bt.File("p/exec.sh", "#!/bin/sh\n").WithMode(0o755),
		bt.File("p/secret", "s\n").WithMode(0o600),
		bt.Symlink("p/l", "a.txt"),
		bt.Hardlink("p/h", "p/a.txt"),
		bt.Dir("p/emptydir").WithMode(0o700),
		bt.File("p/"+strings.Repeat("long-name-", 12)+".txt", "long\n"),
	}
	for i := range tree {
		if tree[i].Type != bt.TypeSymlink {
			tree[i] = tree[i].WithTime(old)
		}
	}
	base := t.TempDir()
	src := filepath.Join(base, "src")
	if err := bt.Build(src, tree); err != nil {
		t.Fatal(err)
	}
	// GNU tar archives the tree.
	gnuArchive := runHost(t, src, "tar", "czf", "-", "p")
	// The builtin archives the same tree.
	o, err := overlay.New(src)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	var ours, errb bytes.Buffer
	if st, _ := bt.Exec(context.Background(), o, []string{"tar", "czf", "-", "p"}, nil, strings.NewReader(""), &ours, &errb); st != 0 {
		t.Fatalf("builtin tar czf: %d %s", st, errb.String())
	}
	if a, b := tarListing(gnuArchive), tarListing(ours.String()); a != b {
		t.Errorf("archives differ:\nGNU:\n%s\nbuiltin:\n%s", a, b)
	}
	// GNU tar extracts both archives.
	snap := func(dir string) bt.Snapshot {
		s, err := bt.SnapshotDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for k, n := range s {
			n.Atime = time.Time{}
			if n.Type == "symlink" || n.Type == "dir" && k == "." {
				n.Mtime = time.Time{}
			}
			s[k] = n
		}
		return s
	}
	extractHost := func(name, archive string) bt.Snapshot {
		dir := filepath.Join(base, name)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "a.tgz"), []byte(archive), 0o644)
		runHost(t, dir, "tar", "xzf", "a.tgz")
		os.Remove(filepath.Join(dir, "a.tgz"))
		return snap(dir)
	}
	fromGNU := extractHost("gnu-gnu", gnuArchive)
	fromOurs := extractHost("gnu-ours", ours.String())
	// The builtin extracts GNU's archive.
	dir := filepath.Join(base, "ours-gnu")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.tgz"), []byte(gnuArchive), 0o644)
	o2, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o2.Close()
	errb.Reset()
	if st, _ := bt.Exec(context.Background(), o2, []string{"tar", "xzf", "a.tgz"}, nil, strings.NewReader(""), io.Discard, &errb); st != 0 {
		t.Fatalf("builtin tar xzf: %d %s", st, errb.String())
	}
	o2.Remove("/a.tgz")
	s, err := bt.SnapshotFS(o2)
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range s {
		n.Atime = time.Time{}
		if n.Type == "symlink" || n.Type == "dir" && k == "." {
			n.Mtime = time.Time{}
		}
		s[k] = n
	}
	for name, got := range map[string]bt.Snapshot{"GNU tar x of the builtin's archive": fromOurs, "builtin x of GNU's archive": s} {
		if d := describeSnapshotDiff(fromGNU, got); d != "" {
			t.Errorf("%s differs from GNU tar's own round trip:\n%s", name, d)
		}
	}
}

func describeSnapshotDiff(want, got bt.Snapshot) string {
	var b strings.Builder
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var list []string
	for k := range keys {
		list = append(list, k)
	}
	sort.Strings(list)
	for _, k := range list {
		w, g := want[k], got[k]
		w.Data, g.Data = fmt.Sprintf("%x", sha256.Sum256([]byte(w.Data))), fmt.Sprintf("%x", sha256.Sum256([]byte(g.Data)))
		if fmt.Sprint(w) != fmt.Sprint(g) {
			fmt.Fprintf(&b, "\t%s:\n\t\twant %+v\n\t\tgot  %+v\n", k, w, g)
		}
	}
	return b.String()
}

func gnuTarMissing(dir string) string {
	out, err := runHostErr(dir, "tar", "--version")
	if err != nil || !strings.Contains(out, "GNU tar") {
		return "TestTarRoundTrip needs GNU tar"
	}
	return ""
}

// runHost runs a host tool confined to dir (see hostrun) and returns its
// stdout.
func runHost(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	out, err := runHostErr(dir, name, args...)
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}

func runHostErr(dir string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := hostrun.Command(ctx, dir, name, args...)
	cmd.Env = append(cmd.Env, "PATH="+os.Getenv("PATH"), "LC_ALL=C", "TZ=UTC")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("%v: %s", err, errb.String())
	}
	return out.String(), nil
}

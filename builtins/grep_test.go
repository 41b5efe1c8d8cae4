package builtins_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func grepTree() []bt.Entry {
	return []bt.Entry{
		bt.File("a", "foo\nbar\nfoo bar\nbaz\nqux\nfoo\n"),
		bt.File("b", "one\nFoo\ntwo\n"),
		bt.File("nonl", "first\nlast foo"),
		bt.File("empty", ""),
		bt.File("words", "foo foo foofoo foo_ -foo-\nfood\nthe foo.\n"),
		bt.File("nums", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"),
		bt.File("bin", "x\x00y\nfoo\n"),
		bt.File("zdata", "a\x00foo\x00b\nfoo\x00"),
		bt.File("pats", "foo\nb.z\n"),
		bt.File("nopats", ""),
		bt.File("a b", "foo in a spaced name\n"),
		bt.File("tabs", "foo\tbar\n\tfoo\n"),
		bt.File("d/f.txt", "foo\n"),
		bt.File("d/h.c", "foo\nbar\n"),
		bt.File("d/e/g.c", "foo\n"),
		bt.File("d/e/.hidden", "foo\n"),
		bt.File("d/x/y.txt", "nothing\n"),
		bt.Symlink("d/link", "../a"),
		bt.Symlink("dlink", "d"),
		bt.Symlink("dangling", "nowhere"),
	}
}

func TestGrep(t *testing.T) {
	cases := []bt.Case{
		// Basics.
		{Args: []string{"grep", "foo", "a"}},
		{Args: []string{"grep", "zzz", "a"}},
		{Args: []string{"grep", "foo", "a", "b", "nonl"}},
		{Args: []string{"grep", "foo"}, Stdin: "foo\nbar\nfood"},
		{Args: []string{"grep", "foo", "-"}, Stdin: "x\nfoo\n"},
		{Args: []string{"grep", "-H", "foo", "-"}, Stdin: "x\nfoo\n"},
		{Args: []string{"grep", "--label=in", "-H", "foo"}, Stdin: "foo\n"},
		{Args: []string{"grep", "-c", "foo", "-", "a"}, Stdin: "foo\n"},
		{Args: []string{"grep", "foo", "empty"}},
		{Args: []string{"grep", "foo", "a b"}},
		{Args: []string{"grep", "last", "nonl"}},
		{Args: []string{"grep", "", "a"}},
		{Args: []string{"grep", "-e", "", "-c", "a"}},
		// Pattern syntaxes.
		{Args: []string{"grep", "fo*", "a"}},
		{Args: []string{"grep", "b\\(a\\|u\\)", "a"}},
		{Args: []string{"grep", "-E", "b(a|u)r?", "a"}},
		{Args: []string{"egrep", "ba[rz]$", "a"}},
		{Args: []string{"fgrep", "b.z", "a", "pats"}},
		{Args: []string{"grep", "-F", "-x", "b.z", "pats"}},
		{Args: []string{"grep", "-G", "a\\{1,\\}", "a"}},
		{Args: []string{"grep", "-E", "o{2}", "a"}},
		{Args: []string{"grep", "[[:upper:]]", "b"}},
		{Args: []string{"grep", "-E", "*foo", "a"}},
		{Args: []string{"grep", "x\\(", "a"}},
		{Args: []string{"grep", "-E", "(a", "a"}},
		{Args: []string{"grep", "[a", "a"}},
		{Args: []string{"grep", "-P", "\\d+", "nums"}},
		{Args: []string{"grep", "-Po", "f.+?o", "a"}},
		{Args: []string{"grep", "-P", "(?i)FOO\\s", "a"}},
		{Args: []string{"grep", "-P", "\\bba\\w\\b", "a"}},
		{Args: []string{"grep", "a\\t", "tabs", "a"}},
		// -e, -f and newlines in patterns.
		{Args: []string{"grep", "-e", "bar", "-e", "qux", "a"}},
		{Args: []string{"grep", "-e", "bar\nqux", "a"}},
		{Args: []string{"grep", "bar\nqux", "a"}},
		{Args: []string{"grep", "-f", "pats", "a"}},
		{Args: []string{"grep", "-f", "nopats", "a"}},
		{Args: []string{"grep", "-v", "-f", "nopats", "a"}},
		{Args: []string{"grep", "-f", "missing", "a"}},
		{Args: []string{"grep", "-f", "-", "a"}, Stdin: "qux\n"},
		{Args: []string{"grep", "-F", "-f", "pats", "a", "pats"}},
		{Args: []string{"grep", "-e", "foo", "-f", "pats", "-c", "a"}},
		// Case.
		{Args: []string{"grep", "-i", "FOO", "a", "b"}},
		{Args: []string{"grep", "-y", "foo", "b"}},
		{Args: []string{"grep", "-i", "--no-ignore-case", "foo", "b"}},
		{Args: []string{"grep", "-iF", "FOO B", "a"}},
		// -v -w -x.
		{Args: []string{"grep", "-v", "foo", "a"}},
		{Args: []string{"grep", "-w", "foo", "words", "a"}},
		{Args: []string{"grep", "-wo", "foo", "words"}},
		{Args: []string{"grep", "-wn", "fo*", "words"}},
		{Args: []string{"grep", "-w", "o*", "words"}},
		{Args: []string{"grep", "-x", "foo", "a"}},
		{Args: []string{"grep", "-x", "-e", "foo", "-e", "foo bar", "a"}},
		{Args: []string{"grep", "-xv", "foo", "a"}},
		{Args: []string{"grep", "-wc", "foo.", "words"}},
		{Args: []string{"grep", "-Fw", "foo", "words"}},
		// Output modes.
		{Args: []string{"grep", "-c", "foo", "a", "b", "empty"}},
		{Args: []string{"grep", "-cv", "foo", "a"}},
		{Args: []string{"grep", "-l", "foo", "a", "b", "nonl", "empty"}},
		{Args: []string{"grep", "-L", "foo", "a", "b", "nonl", "empty"}},
		{Args: []string{"grep", "-L", "foo", "a"}},
		{Args: []string{"grep", "-lv", "foo", "a"}},
		{Args: []string{"grep", "-q", "foo", "a"}},
		{Args: []string{"grep", "-q", "zzz", "a"}},
		{Args: []string{"grep", "-q", "foo", "missing", "a"}},
		{Args: []string{"grep", "-q", "foo", "a", "missing"}},
		{Args: []string{"grep", "-s", "foo", "missing", "a"}},
		{Args: []string{"grep", "-o", "o", "a"}},
		{Args: []string{"grep", "-ob", "o", "a"}},
		{Args: []string{"grep", "-on", "b..", "a"}},
		{Args: []string{"grep", "-o", "x*", "a"}},
		{Args: []string{"grep", "-ov", "foo", "a"}},
		{Args: []string{"grep", "-n", "foo", "a", "nonl"}},
		{Args: []string{"grep", "-b", "foo", "a"}},
		{Args: []string{"grep", "-nb", "-H", "ba", "a"}},
		{Args: []string{"grep", "-h", "foo", "a", "b"}},
		{Args: []string{"grep", "-H", "foo", "a"}},
		{Args: []string{"grep", "-T", "-n", "foo", "a"}},
		{Args: []string{"grep", "-T", "-H", "-b", "foo", "a", "tabs"}},
		{Args: []string{"grep", "-Tn", "foo"}, Stdin: "foo\n"},
		{Args: []string{"grep", "-Tc", "foo", "a", "b"}},
		{Args: []string{"grep", "-Z", "foo", "a", "b"}},
		{Args: []string{"grep", "-lZ", "foo", "a", "b", "nonl"}},
		{Args: []string{"grep", "-cZ", "foo", "a", "b"}},
		{Args: []string{"grep", "-z", "foo", "zdata"}},
		{Args: []string{"grep", "-zc", "b", "zdata"}},
		{Args: []string{"grep", "-zv", "foo", "zdata"}},
		// -m.
		{Args: []string{"grep", "-m", "2", "foo", "a"}},
		{Args: []string{"grep", "-m1", "-c", "foo", "a"}},
		{Args: []string{"grep", "-m1", "-A3", "-n", "foo", "a"}},
		{Args: []string{"grep", "-m2", "-v", "foo", "a"}},
		{Args: []string{"grep", "-m", "0", "foo", "a", "missing"}},
		{Args: []string{"grep", "-m", "x", "foo", "a"}},
		{Args: []string{"grep", "--max-count=1", "foo", "a", "b", "nonl"}},
		// Context.
		{Args: []string{"grep", "-A1", "foo", "a"}},
		{Args: []string{"grep", "-B2", "-n", "qux", "a"}},
		{Args: []string{"grep", "-C1", "-n", "^[37]$", "nums"}},
		{Args: []string{"grep", "-C1", "^[26]$", "nums"}},
		{Args: []string{"grep", "-2", "-n", "1[24]", "nums"}},
		{Args: []string{"grep", "-12", "-c", "1", "nums"}},
		{Args: []string{"grep", "-1", "-2", "^9", "nums"}},
		{Args: []string{"grep", "-n1", "^9", "nums"}},
		{Args: []string{"grep", "-A0", "foo", "a"}},
		{Args: []string{"grep", "-o", "-A0", "-n", "foo", "a"}},
		{Args: []string{"grep", "-C1", "foo", "a", "b"}},
		{Args: []string{"grep", "-A1", "-B0", "-C5", "^1[0-2]$", "nums"}},
		{Args: []string{"grep", "-nA1", "--group-separator=XX", "foo", "a"}},
		{Args: []string{"grep", "-nA1", "--no-group-separator", "foo", "a"}},
		{Args: []string{"grep", "-vn", "-C1", "[1-9]", "nums"}},
		{Args: []string{"grep", "-ov", "-C1", "ba", "a"}},
		{Args: []string{"grep", "-A", "x", "foo", "a"}},
		{Args: []string{"grep", "--context", "foo", "a"}},
		{Args: []string{"grep", "-bA1", "-H", "baz", "a"}},
		// Binary files.
		{Args: []string{"grep", "foo", "bin"}},
		{Args: []string{"grep", "foo", "bin", "a"}},
		{Args: []string{"grep", "-c", "foo", "bin"}},
		{Args: []string{"grep", "-l", "foo", "bin"}},
		{Args: []string{"grep", "-v", "zzz", "bin"}},
		{Args: []string{"grep", "-o", "foo", "bin"}},
		{Args: []string{"grep", "zzz", "bin"}},
		{Args: []string{"grep", "-a", "-n", "foo", "bin"}},
		{Args: []string{"grep", "--binary-files=text", "y", "bin"}},
		{Args: []string{"grep", "-I", "foo", "bin", "a"}},
		{Args: []string{"grep", "--binary-files=without-match", "-c", "foo", "bin"}},
		{Args: []string{"grep", "--binary-files=bogus", "foo", "bin"}},
		{Args: []string{"grep", "-U", "foo", "a"}},
		{Args: []string{"grep", "foo"}, Stdin: "a\x00\nfoo\n"},
		// Errors and directories.
		{Args: []string{"grep", "foo", "missing"}},
		{Args: []string{"grep", "foo", "a", "missing"}},
		{Args: []string{"grep", "foo", "d"}},
		{Args: []string{"grep", "foo", "d", "a"}},
		{Args: []string{"grep", "-d", "skip", "foo", "d", "a"}},
		{Args: []string{"grep", "--directories=recurse", "-h", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "foo", "dangling"}},
		{Args: []string{"grep", "-s", "foo", "d", "dangling"}},
		{Args: []string{"grep"}},
		{Args: []string{"grep", "-k", "foo", "a"}},
		{Args: []string{"grep", "--bogus", "foo", "a"}},
		{Args: []string{"grep", "-e"}},
		{Args: []string{"grep", "--help"}, HelpOnly: true},
		{Args: []string{"egrep", "--help"}, HelpOnly: true},
		{Args: []string{"grep", "--color=bad", "foo", "a"}, HelpOnly: true},
		{Args: []string{"grep", "-u", "foo", "a"}},
		{Args: []string{"grep", "--line-buffered", "foo", "a"}},
		// Recursion.
		{Args: []string{"grep", "-r", "foo"}, SortStdout: true},
		{Args: []string{"grep", "-r", "foo", "."}, SortStdout: true},
		{Args: []string{"grep", "-r", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "foo", "d/"}, SortStdout: true},
		{Args: []string{"grep", "-R", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "foo", "dlink"}, SortStdout: true},
		{Args: []string{"grep", "-r", "foo", "a"}},
		{Args: []string{"grep", "-rl", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-rL", "foo", "d", "b"}, SortStdout: true},
		{Args: []string{"grep", "-rc", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-rn", "--include=*.c", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--exclude=*.c", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--include=*.c", "--exclude=g*", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--exclude=g*", "--include=*.c", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "--include=*.c", "foo", "a", "d/f.txt", "d/h.c"}},
		{Args: []string{"grep", "--exclude=f.txt", "foo", "d/f.txt", "a"}},
		{Args: []string{"grep", "--exclude=d", "foo", "d/f.txt"}},
		{Args: []string{"grep", "-r", "--exclude-dir=e", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--exclude-dir=d", "foo", "d"}},
		{Args: []string{"grep", "-r", "--exclude-dir=d", "foo"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--exclude-dir=.", "foo"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--include=.*", "foo", "d"}, SortStdout: true},
		{Args: []string{"grep", "-r", "--exclude-from=pats", "o", "."}, SortStdout: true},
		{Args: []string{"grep", "-rZl", "foo", "d/e"}, SortStdout: true},
		{Args: []string{"grep", "-r", "-h", "-c", "nothing", "d"}, SortStdout: true},
		// Combinations.
		{Args: []string{"grep", "-c", "-l", "foo", "a", "b"}},
		{Args: []string{"grep", "-c", "-L", "foo", "a", "b"}},
		{Args: []string{"grep", "-l", "-L", "foo", "a", "b"}},
		{Args: []string{"grep", "-L", "-m0", "foo", "a"}},
		{Args: []string{"grep", "-c", "-o", "o", "a"}},
		{Args: []string{"grep", "-q", "-l", "foo", "a"}},
		{Args: []string{"grep", "-oi", "-e", "F", "-e", "", "b"}},
		{Args: []string{"grep", "-wx", "foo", "a"}},
		{Args: []string{"grep", "-hn", "-C1", "-r", "bar", "d"}, SortStdout: true},
		{Args: []string{"grep", "-n", "-e", "^", "nonl", "empty", "-"}, Stdin: "x"},
		// Colours.
		{Args: []string{"grep", "--color=always", "-n", "-H", "foo", "a"}},
		{Args: []string{"grep", "--color=always", "-C1", "-v", "foo", "a"}},
		{Args: []string{"grep", "--color=always", "-c", "foo", "a", "b"}},
		{Args: []string{"grep", "--color=always", "-l", "foo", "a"}},
		{Args: []string{"grep", "--color=always", "-ob", "fo", "a"}},
		{Args: []string{"grep", "--colour=always", "-A1", "-n", "ba", "a", "nums"}},
		{Args: []string{"grep", "--color=always", "-iw", "FOO", "words"}},
		{Args: []string{"grep", "--color=auto", "foo", "a"}},
		{Args: []string{"grep", "--color", "foo", "a"}},
		{Args: []string{"grep", "--color=never", "foo", "a"}},
	}
	for i := range cases {
		cases[i].Tree = grepTree()
		// Directory order differs between filesystems.
		cases[i].SortStderr = cases[i].SortStdout
	}
	bt.RunAll(t, cases)
}

// TestGrepRefusals checks what sandsh's grep cannot do the GNU way: it
// says so and exits 2 rather than matching differently.
func TestGrepRefusals(t *testing.T) {
	for _, args := range [][]string{
		{"grep", `\(a\)\1`, "f"},
		{"grep", "-E", `(a)\1`, "f"},
		{"grep", "-P", `a(?=b)`, "f"},
		{"grep", "-P", `(a)\1`, "f"},
	} {
		res := runOnly(t, []bt.Entry{bt.File("f", "aa\nab\n")}, args, "")
		if res.Status != 2 || res.Stdout != "" || !strings.Contains(res.Stderr, "not supported") {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want a refusal", args, res.Status, res.Stdout, res.Stderr)
		}
	}
}

// runOnly runs a builtin on an overlay of tree, without the real tool.
func runOnly(t *testing.T, tree []bt.Entry, args []string, stdin string) bt.Result {
	t.Helper()
	o, _ := newOverlay(t, tree)
	var stdout, stderr bytes.Buffer
	status, err := bt.Exec(context.Background(), o, args, nil, strings.NewReader(stdin), &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	return bt.Result{Stdout: stdout.String(), Stderr: stderr.String(), Status: status}
}

// stopsWhenCancelled runs args on an endless stdin and checks that the
// command returns soon after its context is cancelled.
func stopsWhenCancelled(t *testing.T, args []string, stdin io.Reader) {
	t.Helper()
	o, _ := newOverlay(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		status, _ := bt.Exec(ctx, o, args, nil, stdin, io.Discard, io.Discard)
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
}

func TestGrepStops(t *testing.T) {
	stopsWhenCancelled(t, []string{"grep", "y"}, endless{})
	stopsWhenCancelled(t, []string{"grep", "-c", "y"}, endless{})
	// A closed pipe ends grep quietly with status 1.
	o, _ := newOverlay(t, nil)
	var stderr bytes.Buffer
	status, _ := bt.Exec(context.Background(), o, []string{"grep", "y"}, nil, endlessLines{}, closedPipe{syscall.EPIPE}, &stderr)
	if status != 1 || stderr.Len() != 0 {
		t.Errorf("grep to a closed pipe: status %d, stderr %q", status, stderr.String())
	}
}

// endlessLines is a stdin of endless "y" lines.
type endlessLines struct{}

func (endlessLines) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p) &^ 1, nil
}

package builtins_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// findTree is the fixture of the find tests.
func findTree() []bt.Entry {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	older := time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC)
	now := time.Now()
	return []bt.Entry{
		bt.File("a", "hello\n").WithTime(old),
		bt.File("b.txt", "").WithTime(older),
		bt.File("C.TXT", "x").WithTime(now.Add(-90 * time.Minute)),
		bt.File("exe", "#!/bin/sh\n").WithMode(0o755).WithTime(now.Add(-3 * 24 * time.Hour)),
		bt.File("suid", "s").WithMode(0o4755).WithTime(now.Add(-10 * time.Minute)),
		bt.File("ro", "r").WithMode(0o444),
		bt.File("big", string(make([]byte, 5000))),
		bt.File("sp ace", "s p\n"),
		bt.File(".hidden", "h"),
		bt.File("owned", "o").WithOwner(4242, 4343),
		bt.Dir("d"),
		bt.File("d/f1", "one\n"),
		bt.File("d/sub/f2", "two two\n"),
		bt.File("d/sub/deep/f3.txt", "three\n"),
		bt.Dir("empty"),
		bt.Symlink("l", "a"),
		bt.Symlink("dl", "nowhere"),
		bt.Symlink("ld", "d"),
		bt.Hardlink("hard", "a"),
	}
}

func TestFind(t *testing.T) {
	tree := findTree()
	sorted := func(args ...string) bt.Case { return bt.Case{Args: args, SortStdout: true} }
	// The inode and block columns of -ls differ between the overlay and
	// the host's copy.
	lsNorm := func(s string) string {
		return regexp.MustCompile(`(?m)^ *[0-9]+ +[0-9]+ `).ReplaceAllString(s, "")
	}
	cases := []bt.Case{
		sorted("find"),
		sorted("find", "."),
		sorted("find", "d"),
		sorted("find", "d/"),
		sorted("find", "d//", "-name", "f*"),
		sorted("find", "./d", "a", "ld"),
		sorted("find", "-L", "ld"),
		sorted("find", "-H", "ld"),
		sorted("find", "-P", "ld"),
		sorted("find", "ld/"),
		{Args: []string{"find", "missing"}},
		{Args: []string{"find", "a", "missing", "b.txt"}},
		{Args: []string{"find", ""}},
		{Args: []string{"find", "a/"}},
		sorted("find", ".", "-name", "*.txt"),
		sorted("find", ".", "-name", "*.TXT"),
		sorted("find", ".", "-iname", "*.txt"),
		sorted("find", ".", "-name", ".*"),
		sorted("find", ".", "-name", "[ab]*"),
		sorted("find", ".", "-name", "[!ab]*"),
		sorted("find", ".", "-name", "f?"),
		sorted("find", ".", "-name", "sp\\ ace"),
		sorted("find", "d/", "-name", "d"),
		sorted("find", ".", "-path", "./d/*"),
		sorted("find", ".", "-path", "*sub*"),
		sorted("find", ".", "-ipath", "./D/SUB"),
		sorted("find", ".", "-wholename", "./d/sub/deep"),
		sorted("find", ".", "-regex", ".*f[0-9]"),
		sorted("find", ".", "-regex", `\./d/\(f1\|sub\)`),
		sorted("find", ".", "-regex", `.*/f[0-9]+.*`),
		sorted("find", ".", "-regextype", "posix-extended", "-regex", `.*/(f1|f2)`),
		sorted("find", ".", "-regextype", "posix-basic", "-regex", `.*/f[12]\{1\}`),
		sorted("find", ".", "-iregex", `.*\.txt`),
		sorted("find", ".", "-regex", "d"),
		{Args: []string{"find", ".", "-regextype", "perl"}},
		{Args: []string{"find", ".", "-regex", `\(`}},
		sorted("find", ".", "-type", "f"),
		sorted("find", ".", "-type", "d"),
		sorted("find", ".", "-type", "l"),
		sorted("find", ".", "-type", "f,l"),
		sorted("find", "-L", ".", "-type", "l"),
		sorted("find", "-L", ".", "-type", "d"),
		sorted("find", ".", "-xtype", "l"),
		sorted("find", ".", "-xtype", "d"),
		sorted("find", "-L", ".", "-xtype", "l"),
		{Args: []string{"find", ".", "-type", "x"}},
		{Args: []string{"find", ".", "-type", "f,"}},
		{Args: []string{"find", ".", "-type", "fd"}},
		{Args: []string{"find", ".", "-type", "f,f"}},
		{Args: []string{"find", ".", "-type", ""}},
		{Args: []string{"find", ".", "-type"}},
		sorted("find", ".", "-type", "f", "-size", "0"),
		sorted("find", ".", "-type", "f", "-size", "1"),
		sorted("find", ".", "-type", "f", "-size", "+1"),
		sorted("find", ".", "-type", "f", "-size", "-2"),
		sorted("find", ".", "-type", "f", "-size", "5000c"),
		sorted("find", ".", "-type", "f", "-size", "+4k"),
		sorted("find", ".", "-type", "f", "-size", "-1k"),
		sorted("find", ".", "-type", "f", "-size", "-1M"),
		sorted("find", ".", "-type", "f", "-size", "3w"),
		sorted("find", ".", "-type", "f", "-size", "1G"),
		{Args: []string{"find", ".", "-size", "3x"}},
		{Args: []string{"find", ".", "-size", "1.5k"}},
		{Args: []string{"find", ".", "-size", ""}},
		sorted("find", ".", "-empty"),
		sorted("find", ".", "-not", "-empty", "-type", "d"),
		sorted("find", ".", "-perm", "644"),
		sorted("find", ".", "-perm", "-644"),
		sorted("find", ".", "-perm", "-u+s"),
		sorted("find", ".", "-perm", "u=rwx,go=rx"),
		sorted("find", ".", "-perm", "-4000"),
		{Args: []string{"find", ".", "-perm", "999"}},
		{Args: []string{"find", ".", "-perm", "+644"}},
		sorted("find", ".", "-user", "root"),
		sorted("find", ".", "-uid", "4242"),
		sorted("find", ".", "-gid", "+4000"),
		sorted("find", ".", "-group", "4343"),
		sorted("find", ".", "-nouser"),
		sorted("find", ".", "-nogroup"),
		{Args: []string{"find", ".", "-user", "nosuchuserzz"}},
		{Args: []string{"find", ".", "-group", "nosuchgroupzz"}},
		{Args: []string{"find", ".", "-uid", "x"}},
		sorted("find", ".", "-type", "f", "-links", "2"),
		sorted("find", ".", "-type", "f", "-links", "+1"),
		{Args: []string{"find", ".", "-links", "x"}},
		{Args: []string{"find", ".", "-inum", "1x"}},
		sorted("find", ".", "-inum", "+0"),
		sorted("find", ".", "-samefile", "a"),
		sorted("find", "-L", ".", "-samefile", "a"),
		{Args: []string{"find", ".", "-samefile", "nope"}},
		sorted("find", ".", "-newer", "b.txt", "-type", "f"),
		sorted("find", ".", "-newer", "a", "-type", "f"),
		sorted("find", ".", "-type", "f", "-anewer", "a"),
		sorted("find", ".", "-type", "f", "-newermm", "a"),
		sorted("find", ".", "-type", "f", "-newermt", "2000-06-01"),
		{Args: []string{"find", ".", "-newer", "nope"}},
		{Args: []string{"find", ".", "-newerXY", "a"}},
		sorted("find", ".", "-type", "f", "-mtime", "+365"),
		sorted("find", ".", "-type", "f", "-mtime", "-1"),
		sorted("find", ".", "-type", "f", "-mtime", "0"),
		sorted("find", ".", "-type", "f", "-mtime", "3"),
		sorted("find", ".", "-type", "f", "-mtime", "+2"),
		sorted("find", ".", "-type", "f", "-mmin", "-30"),
		sorted("find", ".", "-type", "f", "-mmin", "+60"),
		sorted("find", ".", "-type", "f", "-mmin", "-120", "-mmin", "+60"),
		sorted("find", ".", "-type", "f", "-atime", "+1000"),
		sorted("find", ".", "-type", "f", "-amin", "-5"),
		sorted("find", ".", "-type", "f", "-ctime", "-1"),
		sorted("find", ".", "-type", "f", "-cmin", "+5"),
		sorted("find", ".", "-daystart", "-type", "f", "-mtime", "+1000"),
		{Args: []string{"find", ".", "-mtime", "x"}},
		{Args: []string{"find", ".", "-mmin", "1x"}},
		sorted("find", ".", "-maxdepth", "1"),
		sorted("find", ".", "-maxdepth", "0"),
		sorted("find", ".", "-mindepth", "2"),
		sorted("find", ".", "-mindepth", "1", "-maxdepth", "2", "-type", "d"),
		{Args: []string{"find", ".", "-maxdepth", "x"}},
		{Args: []string{"find", ".", "-maxdepth", "-1"}},
		{Args: []string{"find", ".", "-name", "a", "-maxdepth", "1"}},
		{Args: []string{"find", ".", "-warn", "-name", "a", "-maxdepth", "1"}},
		sorted("find", "d", "-depth"),
		sorted("find", ".", "-readable", "-type", "f"),
		sorted("find", ".", "-writable", "-name", "ro"),
		sorted("find", ".", "-executable", "-type", "f"),
		sorted("find", ".", "-name", "d", "-prune", "-o", "-print"),
		sorted("find", ".", "-path", "./d/sub", "-prune", "-o", "-type", "f", "-print"),
		sorted("find", ".", "-depth", "-name", "d", "-prune"),
		{Args: []string{"find", ".", "-name", "d", "-prune", "-delete"}},
		{Args: []string{"find", "a", "b.txt", "-quit"}},
		{Args: []string{"find", "a", "b.txt", "-print", "-quit"}},
		sorted("find", ".", "!", "-type", "f"),
		sorted("find", ".", "-not", "-type", "d", "-not", "-type", "f"),
		sorted("find", ".", "-type", "d", "-o", "-name", "a"),
		sorted("find", ".", "-type", "d", "-or", "-name", "a", "-print"),
		sorted("find", ".", "-type", "d", "-a", "-name", "e*"),
		sorted("find", ".", "-type", "d", "-and", "-name", "e*", "-print"),
		sorted("find", ".", "(", "-name", "a", "-o", "-name", "f1", ")", "-print"),
		sorted("find", ".", "-name", "a", "-o", "-name", "f1", "-print"),
		sorted("find", ".", "-name", "a", "-printf", "A %p\n", ",", "-name", "f1", "-printf", "F %p\n"),
		sorted("find", ".", "-true"),
		sorted("find", ".", "-false"),
		sorted("find", ".", "-false", "-o", "-true", "-name", "a"),
		{Args: []string{"find", ".", "("}},
		{Args: []string{"find", ".", "(", "-name", "a"}},
		{Args: []string{"find", ".", "(", ")"}},
		{Args: []string{"find", ".", "-name", "a", ")"}},
		{Args: []string{"find", ".", "-o"}},
		{Args: []string{"find", ".", "-name", "a", "-o"}},
		{Args: []string{"find", ".", "!"}},
		{Args: []string{"find", ".", "-not"}},
		{Args: []string{"find", ".", "(", "-not", ")"}},
		{Args: []string{"find", ".", "-name", "a", "-a", "-o", "-print"}},
		{Args: []string{"find", ".", "-bogus"}},
		{Args: []string{"find", ".", "-name"}},
		{Args: []string{"find", "-name", "a", "b.txt"}},
		{Args: []string{"find", "-name", "a", "nosuchfile"}},
		{Args: []string{"find", ".", "-name", "a", "-print0"}},
		sorted("find", "d", "-print", "-print"),
		{Args: []string{"find", ".", "-name", "a", "-ls"}, Normalize: lsNorm},
		{Args: []string{"find", "a", "l", "ld", "empty", "sp ace", "owned", "suid", "-ls"}, Normalize: lsNorm},
		sorted("find", "d", "a", "l", "dl", "-printf", "%p|%f|%h|%P|%H|%d|%y|%Y|%l\n"),
		sorted("find", "d/", "d//", "-printf", "%p|%f|%h|%P|%H\n"),
		sorted("find", ".", "-type", "f", "-printf", "%s %m %M %n %u %g %U %G %k %b %p\n"),
		sorted("find", ".", "-maxdepth", "1", "-printf", "[%10p][%-10f][%5s][%-4d][%.2f][%05m][%#o]\n"),
		{Args: []string{"find", "a", "b.txt", "-printf", "%t|%a\n%T@|%TS|%T+|%TT|%TX\n%Ta %Tb %Td %Te %TH %TI %Tj %Tk %Tl %Tm %TM %Tp %Ty %TY %Tz %TZ %TD %TF %Tr %TR %Tc %Tx %Ts %Tu %Tw %TU %TW %TV %TG %Tg %TC\n"}},
		{Args: []string{"find", "a", "-printf", "x\\ty\\101\\0z\\\\\\c after\n"}},
		{Args: []string{"find", "a", "-printf", "%Q|\\q|%Tq|%A\n"}},
		{Args: []string{"find", "a", "-printf", "%"}},
		{Args: []string{"find", "a", "-printf", "%T"}},
		{Args: []string{"find", "a", "-printf", "100%%\n"}},
		{Args: []string{"find", "a", "-printf"}},
		sorted("find", "d", "-maxdepth", "1", "-name", "f*", "-fprint", "out"),
		sorted("find", "d/sub/deep", "-fprintf", "out", "%f\n", "-fprint0", "out0"),
		sorted("find", "d/sub/deep", "-fprint", "out", "-fprint", "out"),
		sorted("find", ".", "-type", "f", "-name", "*.txt", "-exec", "cat", "{}", ";"),
		sorted("find", "d", "-exec", "echo", "x{}y", "{}", ";"),
		{Args: []string{"find", "d", "-type", "f", "-exec", "echo", "{}", "+"}, SortStdout: false, Normalize: sortWords},
		sorted("find", "d", "-type", "f", "-execdir", "echo", "{}", ";"),
		sorted("find", ".", "-maxdepth", "0", "-execdir", "echo", "{}", ";"),
		sorted("find", "d", "-type", "f", "-execdir", "echo", "{}", "+"),
		sorted("find", ".", "-name", "a", "-exec", "nosuchcmd", "{}", ";"),
		{Args: []string{"find", ".", "-name", "a", "-exec", "nosuchcmd", "{}", "+"}},
		{Args: []string{"find", ".", "-name", "a", "-exec", "cat", "{}/nope", ";"}},
		{Args: []string{"find", ".", "-name", "a", "-exec", "cat", "nope", "{}", "+"}},
		sorted("find", ".", "-name", "a", "-exec", "cat", "nope", ";", "-o", "-name", "a", "-print"),
		{Args: []string{"find", ".", "-exec", "echo", "{}", "{}", "+"}},
		{Args: []string{"find", ".", "-exec", "echo", "x{}", "+"}},
		{Args: []string{"find", ".", "-exec", "echo"}},
		{Args: []string{"find", ".", "-exec"}},
		{Args: []string{"find", ".", "-ok", "echo", "{}", "+"}},
		{Name: "find -ok yes", Args: []string{"find", "d/sub/deep", "-ok", "echo", "run", "{}", ";"}, Stdin: "y\nyes\n"},
		{Name: "find -ok no", Args: []string{"find", "d/sub/deep", "-okdir", "echo", "run", "{}", ";", "-o", "-print"}, Stdin: "no\nY\n"},
		{Name: "find -ok eof", Args: []string{"find", "d/sub/deep", "-ok", "echo", "{}", ";"}},
		{Args: []string{"find", "d", "-delete"}},
		{Args: []string{"find", ".", "-name", "*.txt", "-delete", "-print"}, SortStdout: true},
		{Args: []string{"find", ".", "-path", "./d", "-delete"}},
		{Args: []string{"find", ".", "-type", "d", "-name", "sub", "-exec", "rm", "-r", "{}", "+"}},
		{Args: []string{"find", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// sortWords sorts the lines of s and the words of each line, for output
// whose order depends on readdir.
func sortWords(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		w := strings.Fields(l)
		sort.Strings(w)
		lines[i] = strings.Join(w, " ")
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestFindLoop(t *testing.T) {
	tree := []bt.Entry{
		bt.File("d/a", "a"),
		bt.Symlink("d/e/up", ".."),
		bt.Symlink("d/self", "self"),
	}
	cases := []bt.Case{
		{Args: []string{"find", "-L", "d"}, SortStdout: true, SortStderr: true},
		{Args: []string{"find", "d"}, SortStdout: true},
		{Args: []string{"find", "d", "-printf", "%p %Y\n"}, SortStdout: true},
		{Args: []string{"find", "-L", "d", "-maxdepth", "1", "-type", "f"}, SortStdout: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// TestFindPermSlash covers -perm /MODE, which the differential tests
// cannot pass to the real tool (builtintest refuses arguments starting
// with a slash).
func TestFindPermSlash(t *testing.T) {
	o, _ := newOverlay(t, []bt.Entry{
		bt.File("a", "").WithMode(0o644),
		bt.File("x", "").WithMode(0o710),
		bt.File("w", "").WithMode(0o620),
	})
	for _, c := range []struct {
		args   []string
		stdout string
		stderr string
	}{
		{[]string{"find", "a", "x", "w", "-perm", "/111"}, "x\n", ""},
		{[]string{"find", "a", "x", "w", "-perm", "/g=w,o=w"}, "w\n", ""},
		{[]string{"find", "a", "x", "-perm", "/000"}, "a\nx\n", "find: warning: you have specified a mode pattern /000 (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.\n"},
	} {
		var stdout, stderr bytes.Buffer
		status, err := bt.Exec(context.Background(), o, c.args, nil, nil, &stdout, &stderr)
		if err != nil || status != 0 || stdout.String() != c.stdout || stderr.String() != c.stderr {
			t.Errorf("%v: status %d, stdout %q, stderr %q, err %v", c.args, status, stdout.String(), stderr.String(), err)
		}
	}
}

// TestFindFamilyStops checks that find, du, tree and xargs end quietly
// with status 1 on a closed stdout, and stop when the run is cancelled.
func TestFindFamilyStops(t *testing.T) {
	var tree []bt.Entry
	for i := 0; i < 300; i++ {
		tree = append(tree, bt.File(fmt.Sprintf("d/sub%d/file%d", i%7, i), "x"))
	}
	for _, args := range [][]string{
		{"find", "d"},
		{"find", "d", "-printf", "%p %s\n"},
		{"find", "d", "-ls"},
		{"find", "--help"},
		{"du", "-a", "d"},
		{"tree", "d"},
		{"tree", "--help"},
		{"xargs", "--help"},
	} {
		o, _ := newOverlay(t, tree)
		var stderr bytes.Buffer
		status, err := bt.Exec(context.Background(), o, args, nil, strings.NewReader(""), closedPipe{syscall.EPIPE}, &stderr)
		if err != nil {
			t.Fatal(err)
		}
		if status != 1 || stderr.Len() != 0 {
			t.Errorf("%v to a closed pipe: status %d, stderr %q; want 1 and nothing", args, status, stderr.String())
		}
	}
	o, _ := newOverlay(t, tree)
	for _, args := range [][]string{{"xargs", "echo"}, {"xargs", "-n1", "echo"}, {"xargs", "-I{}", "echo", "{}"}, {"find", "d"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		done := make(chan int, 1)
		go func() {
			status, _ := bt.Exec(ctx, o, args, nil, endless{}, io.Discard, io.Discard)
			done <- status
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: still running 5s after the context was cancelled", args)
		}
		cancel()
	}
}

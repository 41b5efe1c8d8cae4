package builtins_test

import (
	"regexp"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestLs(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	older := time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC)
	future := time.Now().Add(400 * 24 * time.Hour)
	tree := []bt.Entry{
		bt.File("a", "alpha\n").WithTime(old),
		bt.File("B", "bee bee bee\n").WithTime(older),
		bt.File(".hidden", "h"),
		bt.File("-dash", ""),
		bt.File("exe", "#!/bin/sh\n").WithMode(0o755),
		bt.File("big", string(make([]byte, 5000))),
		bt.File("huge", string(make([]byte, 1536*1024))),
		bt.File("suid", "s").WithMode(0o4755),
		bt.File("sticky", "").WithMode(0o1644),
		bt.File("future", "f").WithTime(future),
		bt.File("owned", "o").WithOwner(4242, 4343),
		bt.Dir("d"),
		bt.File("d/x", "x"),
		bt.File("d/.y", "y"),
		bt.Dir("d/sub"),
		bt.File("d/sub/deep", "deep"),
		bt.Dir("d/sub/empty"),
		bt.Dir("e"),
		bt.Dir("t").WithMode(0o1777),
		bt.Symlink("ld", "d"),
		bt.Symlink("lf", "a"),
		bt.Symlink("dangling", "nowhere"),
	}
	// Long listings of the fixture root's "." and ".." show the overlay's
	// root directory, whose link count and block count come from its
	// in-memory inode: TestLsRoot covers them with a normalisation; here
	// the long listings name operands or subdirectories.
	cases := []bt.Case{
		{Args: []string{"ls"}},
		{Args: []string{"ls", "-a"}},
		{Args: []string{"ls", "-A"}},
		{Args: []string{"ls", "-1", "d"}},
		{Args: []string{"ls", "d", "e", "a", "missing", "ld"}},
		{Args: []string{"ls", "-l", "a", "B", "exe", "suid", "sticky", "owned", "lf", "dangling", "ld", "t", "future"}},
		{Args: []string{"ls", "-l", "d"}},
		{Args: []string{"ls", "-la", "d/sub"}},
		{Args: []string{"ls", "-lA", "d"}},
		{Args: []string{"ls", "-R", "d"}},
		{Args: []string{"ls", "-R"}},
		{Args: []string{"ls", "-lR", "d"}},
		{Args: []string{"ls", "-aR", "d"}},
		{Args: []string{"ls", "-d", "d", "e", "a"}},
		{Args: []string{"ls", "-ld", "d", "ld", "a"}},
		{Args: []string{"ls", "-d"}},
		{Args: []string{"ls", "-t", "a", "B", "future", "exe"}},
		{Args: []string{"ls", "-tr", "a", "B", "future"}},
		{Args: []string{"ls", "-S"}},
		{Args: []string{"ls", "-Sr"}},
		{Args: []string{"ls", "-r"}},
		{Args: []string{"ls", "-lh", "a", "big", "huge", "d"}},
		{Args: []string{"ls", "-lhS", "a", "big", "huge"}},
		{Args: []string{"ls", "-F"}},
		{Args: []string{"ls", "-p"}},
		{Args: []string{"ls", "-lF", "ld", "lf", "exe", "d", "dangling"}},
		{Args: []string{"ls", "-n", "owned", "a"}},
		{Args: []string{"ls", "-go", "owned", "a"}},
		{Args: []string{"ls", "-lG", "owned"}},
		{Args: []string{"ls", "-s", "big", "a", "huge"}},
		{Args: []string{"ls", "-sh", "d"}},
		{Args: []string{"ls", "-i", "a", "d/x"}, Normalize: inodes},
		{Args: []string{"ls", "-li", "d"}, Normalize: inodes},
		{Args: []string{"ls", "--color=never", "d"}},
		{Args: []string{"ls", "--color=always", "d"}},
		{Args: []string{"ls", "--color=auto", "-l", "d"}},
		{Args: []string{"ls", "--color", "d"}},
		{Args: []string{"ls", "--color=rainbow", "d"}},
		{Args: []string{"ls", "--color=n", "d"}},
		{Args: []string{"ls", "--classify=never", "d"}},
		{Args: []string{"ls", "--classify=a", "ld", "exe"}},
		{Args: []string{"ls", "--sort=time", "a", "B", "future"}},
		{Args: []string{"ls", "--sort=si", "a", "big", "huge"}},
		{Args: []string{"ls", "--sort=bogus"}},
		{Args: []string{"ls", "--sort"}},
		{Args: []string{"ls", "--indicator-style=slash", "ld", "d"}},
		{Args: []string{"ls", "-U", "d"}, SortStdout: true},
		{Args: []string{"ls", "--full-time", "a", "B"}},
		{Args: []string{"ls", "missing"}},
		{Args: []string{"ls", "missing", "d"}},
		{Args: []string{"ls", "-l", "missing", "a"}},
		{Args: []string{"ls", "ld"}},
		{Args: []string{"ls", "ld/"}},
		{Args: []string{"ls", "-l", "ld/"}},
		{Args: []string{"ls", "d/"}},
		{Args: []string{"ls", "-R", "d/"}},
		{Args: []string{"ls", "e"}},
		{Args: []string{"ls", "-l", "e"}},
		{Args: []string{"ls", "e", "d"}},
		{Args: []string{"ls", "-z"}},
		{Args: []string{"ls", "--bogus"}},
		{Args: []string{"ls", "--help"}, HelpOnly: true},
		{Args: []string{"ls", "--", "-dash"}},
		{Args: []string{"ls", "-l", "--", "-dash", "a"}},
		{Args: []string{"ls", "d", "-a"}},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// inodes replaces the inode numbers at the start of lines: the real tool
// runs on a copy of the fixture, whose files have inode numbers of their
// own.
func inodes(s string) string {
	return regexp.MustCompile(`(?m)^ *[0-9]+ `).ReplaceAllString(s, "INO ")
}

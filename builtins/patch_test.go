package builtins_test

import (
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// Patch texts as diff -u, diff -c, diff and git diff write them.
const (
	patchU = `--- a/f	2024-01-01 00:00:00.000000000 +0000
+++ b/f	2024-01-02 00:00:00.000000000 +0000
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
@@ -12,7 +12,7 @@
 12
 13
 14
-15
+fifteen
 16
 17
 18
`
	patchC = `*** a/f	2024-01-01 00:00:00.000000000 +0000
--- b/f	2024-01-02 00:00:00.000000000 +0000
***************
*** 2,8 ****
  2
  3
  4
! 5
  6
  7
  8
--- 2,8 ----
  2
  3
  4
! five
  6
  7
  8
***************
*** 12,18 ****
  12
  13
  14
! 15
  16
  17
  18
--- 12,19 ----
  12
  13
  14
! fifteen
  16
  17
+ 17.5
  18
`
	patchN = `5c5
< 5
---
> five
15d14
< 15
`
	patchGit = `diff --git a/x b/x
index 1111111..2222222 100644
Binary files a/x and b/x differ
diff --git a/gone b/gone
deleted file mode 100644
index 3333333..0000000
--- a/gone
+++ /dev/null
@@ -1 +0,0 @@
-old
diff --git a/new/n b/new/n
new file mode 100755
index 0000000..4444444
--- /dev/null
+++ b/new/n
@@ -0,0 +1,2 @@
+n1
+n2
diff --git a/k b/k
old mode 100644
new mode 100755
diff --git a/x b/y
similarity index 100%
rename from x
rename to y
diff --git a/d/m b/d/m
index 5555555..6666666 100644
--- a/d/m
+++ b/d/m
@@ -1,2 +1,2 @@
 keep
-m
+M
`
	patchBin = `diff --git a/x b/x
index 1111111..2222222 100644
GIT binary patch
literal 3
Kcmc~P;sO8wA^-pY

literal 4
LcmYdcP+$N60l@%F

diff --git a/k b/k
index 1111111..2222222 100644
--- a/k
+++ b/k
@@ -1 +1 @@
-keep
+kept
`
	patchNoNL = `--- a/nonl
+++ b/nonl
@@ -1,2 +1,2 @@
 x
-y
\ No newline at end of file
+y
`
	patchToNoNL = `--- a/nl
+++ b/nl
@@ -1,2 +1,2 @@
 x
-y
+z
\ No newline at end of file
`
	patchCreate = `--- /dev/null	1970-01-01 00:00:00.000000000 +0000
+++ b/sub/dir/new	2024-01-01 00:00:00.000000000 +0000
@@ -0,0 +1,2 @@
+hello
+world
`
	patchDelete = `--- a/sub/del	2024-01-01 00:00:00.000000000 +0000
+++ /dev/null	1970-01-01 00:00:00.000000000 +0000
@@ -1,2 +0,0 @@
-a
-b
`
	patchEmpty = `--- a/e1	2024-01-01 00:00:00.000000000 +0000
+++ b/e1	2024-01-01 00:00:00.000000000 +0000
@@ -1 +0,0 @@
-only
`
	patchMissing = `--- a/missing	2024-01-01 00:00:00.000000000 +0000
+++ b/missing	2024-01-01 00:00:00.000000000 +0000
@@ -1 +1 @@
-x
+y
`
	patchTwo = `Index: f
--- f
+++ f
@@ -1,3 +1,3 @@
-1
+one
 2
 3
--- g
+++ g
@@ -1,3 +1,4 @@
 a
+a2
 b
 c
`
	patchFunc = `--- a/f
+++ b/f
@@ -9,7 +9,7 @@ int main(void)
 9
 10
 11
-12
+twelve
 13
 14
 15
`
	patchCRLF = "--- a/crlf\r\n+++ b/crlf\r\n@@ -1,2 +1,2 @@\r\n one\r\n-two\r\n+TWO\r\n"
)

// numberedLines returns the lines from..to, one number a line, with changes.
func numberedLines(from, to int, change map[int]string) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteString(itoa(i) + "\n")
	}
	return b.String()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func TestPatch(t *testing.T) {
	seq := numberedLines(1, 20, nil)
	applied := numberedLines(1, 20, map[int]string{5: "five\n", 15: "fifteen\n"})
	shifted := "0\n00\n" + seq
	fuzzy := numberedLines(1, 20, map[int]string{2: "TWO\n", 18: "EIGHTEEN\n"})
	failing := numberedLines(1, 20, map[int]string{4: "FOUR\n", 16: "X\n"})
	half := numberedLines(1, 20, map[int]string{13: "THIRTEEN\n"})
	tmp := []string{"TMPDIR=."}
	base := []bt.Entry{
		bt.File("pu", patchU),
		bt.File("pc", patchC),
		bt.File("pn", patchN),
	}
	tree := func(f string, extra ...bt.Entry) []bt.Entry {
		t := append([]bt.Entry{}, base...)
		t = append(t, bt.File("f", f))
		return append(t, extra...)
	}
	cases := []bt.Case{
		// Plain application, the three formats, stdin and -i.
		{Name: "unified stdin", Tree: tree(seq), Args: []string{"patch"}, Stdin: patchU},
		{Name: "unified -i", Tree: tree(seq), Args: []string{"patch", "-i", "pu"}},
		{Name: "unified -p1", Tree: tree(seq), Args: []string{"patch", "-p1", "-i", "pu"}},
		{Name: "unified --strip=0", Tree: tree(seq, bt.File("a/f", seq)), Args: []string{"patch", "--strip=0", "-i", "pu"}},
		{Name: "unified -p2 missing", Tree: tree(seq), Args: []string{"patch", "-p2", "-i", "pu"}},
		{Name: "context", Tree: tree(seq), Args: []string{"patch", "-i", "pc"}},
		{Name: "normal with file", Tree: tree(seq), Args: []string{"patch", "f", "pn"}},
		{Name: "normal -n", Tree: tree(seq), Args: []string{"patch", "-n", "f", "-i", "pn"}},
		{Name: "normal no header", Tree: tree(seq), Args: []string{"patch", "-i", "pn"}},
		{Name: "origfile operand", Tree: tree(seq, bt.File("other", seq)), Args: []string{"patch", "other", "pu"}},
		{Name: "two files with Index", Tree: tree("1\n2\n3\n", bt.File("g", "a\nb\nc\n")), Args: []string{"patch"}, Stdin: patchTwo},
		// Offsets, fuzz, failures and rejects.
		{Name: "offset", Tree: tree(shifted), Args: []string{"patch", "-i", "pu"}},
		{Name: "fuzz", Tree: tree(fuzzy), Args: []string{"patch", "-i", "pu"}},
		{Name: "fuzz 0", Tree: tree(fuzzy), Args: []string{"patch", "-F0", "-i", "pu"}},
		{Name: "fuzz 1 long", Tree: tree(fuzzy), Args: []string{"patch", "--fuzz=1", "-i", "pu"}},
		{Name: "failed", Tree: tree(failing), Args: []string{"patch", "-i", "pu"}},
		{Name: "failed context rejects", Tree: tree(failing), Args: []string{"patch", "-i", "pc"}},
		{Name: "failed unified reject-format", Tree: tree(failing), Args: []string{"patch", "--reject-format=unified", "-i", "pc"}},
		{Name: "failed context reject-format", Tree: tree(failing), Args: []string{"patch", "--reject-format=context", "-i", "pu"}},
		{Name: "partly failed", Tree: tree(numberedLines(1, 20, map[int]string{16: "X\n"})), Args: []string{"patch", "-i", "pu"}},
		{Name: "failed -r file", Tree: tree(failing), Args: []string{"patch", "-r", "rej/out", "-i", "pu"}},
		{Name: "failed -r -", Tree: tree(failing), Args: []string{"patch", "-r", "-", "-i", "pu"}},
		{Name: "failed no backup", Tree: tree(failing), Args: []string{"patch", "--no-backup-if-mismatch", "-i", "pu"}},
		{Name: "failed dry-run", Tree: tree(failing), Args: []string{"patch", "--dry-run", "-i", "pu"}},
		{Name: "failed silent", Tree: tree(failing), Args: []string{"patch", "-s", "-i", "pu"}},
		{Name: "function in hunk", Tree: tree(numberedLines(1, 20, map[int]string{11: "X\n", 13: "Y\n"})), Args: []string{"patch", "-i", "pf"}},
		{Name: "function offset", Tree: tree("a\nb\n" + seq), Args: []string{"patch", "-i", "pf"}},
		// Reversed patches.
		{Name: "reversed default", Tree: tree(applied), Args: []string{"patch", "-i", "pu"}},
		{Name: "reversed -N", Tree: tree(applied), Args: []string{"patch", "-N", "-i", "pu"}},
		{Name: "reversed -t", Tree: tree(applied), Args: []string{"patch", "-t", "-i", "pu"}},
		{Name: "reversed -f", Tree: tree(applied), Args: []string{"patch", "-f", "-i", "pu"}},
		{Name: "reversed -fs", Tree: tree(applied), Args: []string{"patch", "-f", "-s", "-i", "pu"}},
		{Name: "-R", Tree: tree(applied), Args: []string{"patch", "-R", "-i", "pu"}},
		{Name: "-R context", Tree: tree(numberedLines(1, 20, map[int]string{5: "five\n", 15: "fifteen\n17: 17\n17.5\n"})), Args: []string{"patch", "-R", "-i", "pc"}},
		{Name: "-R on unreversed", Tree: tree(seq), Args: []string{"patch", "-R", "-i", "pu"}},
		{Name: "-R -t on unreversed", Tree: tree(seq), Args: []string{"patch", "--reverse", "--batch", "-i", "pu"}},
		{Name: "half applied", Tree: tree(half), Args: []string{"patch", "-i", "pu"}},
		// Options.
		{Name: "dry-run", Tree: tree(seq), Args: []string{"patch", "--dry-run", "-i", "pu"}},
		{Name: "silent", Tree: tree(shifted), Args: []string{"patch", "--silent", "-i", "pu"}},
		{Name: "backup", Tree: tree(seq), Args: []string{"patch", "-b", "-i", "pu"}},
		{Name: "backup suffix", Tree: tree(seq), Args: []string{"patch", "-b", "-z", ".bak", "-i", "pu"}},
		{Name: "backup prefix", Tree: tree(seq), Args: []string{"patch", "-b", "-B", "old/", "-i", "pu"}},
		{Name: "backup basename prefix", Tree: tree(seq), Args: []string{"patch", "-b", "-Y", "x-", "-i", "pu"}},
		{Name: "output file", Tree: tree(seq), Args: []string{"patch", "-o", "out", "-i", "pu"}},
		{Name: "output stdout", Tree: tree(seq), Args: []string{"patch", "-o", "-", "-i", "pu"}},
		{Name: "output failed", Tree: tree(failing), Args: []string{"patch", "-o", "out", "-i", "pu"}},
		{Name: "directory", Tree: []bt.Entry{bt.File("w/f", seq), bt.File("pu", patchU)}, Args: []string{"patch", "-d", "w", "-i", "../pu"}},
		{Name: "directory missing", Tree: tree(seq), Args: []string{"patch", "-d", "nope", "-i", "pu"}},
		{Name: "ignore whitespace", Tree: tree(numberedLines(1, 20, map[int]string{3: "3  \n", 4: " 4\n"})), Args: []string{"patch", "-l", "-i", "pu"}},
		// Creation and deletion.
		{Name: "create", Tree: tree(seq), Args: []string{"patch", "-p1"}, Stdin: patchCreate},
		{Name: "create default strip", Tree: tree(seq), Args: []string{"patch"}, Stdin: patchCreate},
		{Name: "create backup", Tree: tree(seq), Args: []string{"patch", "-b", "-p1"}, Stdin: patchCreate},
		{Name: "create existing", Tree: tree(seq, bt.File("sub/dir/new", "hello\nworld\n")), Args: []string{"patch", "-p1"}, Stdin: patchCreate},
		{Name: "create existing -t", Tree: tree(seq, bt.File("sub/dir/new", "other\n")), Args: []string{"patch", "-t", "-p1"}, Stdin: patchCreate},
		{Name: "create existing -f", Tree: tree(seq, bt.File("sub/dir/new", "other\n")), Args: []string{"patch", "-f", "-p1"}, Stdin: patchCreate},
		{Name: "delete", Tree: tree(seq, bt.File("sub/del", "a\nb\n")), Args: []string{"patch", "-p1"}, Stdin: patchDelete},
		{Name: "delete differs", Tree: tree(seq, bt.File("sub/del", "a\nb\nc\n")), Args: []string{"patch", "-p1"}, Stdin: patchDelete},
		{Name: "delete missing", Tree: tree(seq), Args: []string{"patch", "-p1"}, Stdin: patchDelete},
		{Name: "delete -R creates", Tree: tree(seq), Args: []string{"patch", "-R", "-p1"}, Stdin: patchDelete},
		{Name: "empty kept", Tree: tree(seq, bt.File("e1", "only\n")), Args: []string{"patch", "-p1"}, Stdin: patchEmpty},
		{Name: "empty -E", Tree: tree(seq, bt.File("e1", "only\n")), Args: []string{"patch", "-E", "-p1"}, Stdin: patchEmpty},
		// Missing newlines.
		{Name: "no newline removed", Tree: tree(seq, bt.File("nonl", "x\ny")), Args: []string{"patch", "-p1"}, Stdin: patchNoNL},
		{Name: "no newline added", Tree: tree(seq, bt.File("nl", "x\ny\n")), Args: []string{"patch", "-p1"}, Stdin: patchToNoNL},
		{Name: "no newline -R", Tree: tree(seq, bt.File("nl", "x\nz")), Args: []string{"patch", "-R", "-p1"}, Stdin: patchToNoNL},
		{Name: "crlf patch", Tree: tree(seq, bt.File("crlf", "one\ntwo\n")), Args: []string{"patch", "-p1"}, Stdin: patchCRLF},
		// Git.
		{Name: "git", Tree: tree(seq, bt.File("x", "a\nb\n"), bt.File("gone", "old\n"), bt.File("k", "keep\n"), bt.File("d/m", "keep\nm\n")), Args: []string{"patch", "-p1"}, Stdin: patchGit},
		{Name: "git default strip", Tree: tree(seq, bt.File("x", "a\nb\n"), bt.File("gone", "old\n"), bt.File("k", "keep\n"), bt.File("m", "keep\nm\n")), Args: []string{"patch"}, Stdin: patchGit},
		{Name: "git binary", Tree: tree(seq, bt.File("x", "a\nb\n"), bt.File("k", "keep\n")), Args: []string{"patch", "-p1"}, Stdin: patchBin},
		// Errors.
		{Name: "missing file", Tree: tree(seq), Args: []string{"patch", "-p1"}, Stdin: patchMissing},
		{Name: "missing file -t", Tree: tree(seq), Args: []string{"patch", "-t", "-p1"}, Stdin: patchMissing},
		{Name: "directory target", Tree: tree(seq, bt.Dir("missing")), Args: []string{"patch", "-p1"}, Stdin: patchMissing},
		{Name: "garbage", Tree: tree(seq), Args: []string{"patch"}, Stdin: "hello\nworld\n"},
		{Name: "empty patch", Tree: tree(seq), Args: []string{"patch"}, Stdin: ""},
		{Name: "malformed", Tree: tree(seq), Args: []string{"patch"}, Stdin: "--- f\n+++ f\n@@ -1,2 +1,2 @@\n 1\n?2\n"},
		{Name: "truncated", Tree: tree(seq), Args: []string{"patch"}, Stdin: "--- f\n+++ f\n@@ -1,9 +1,9 @@\n 1\n"},
		{Name: "missing patch file", Tree: tree(seq), Args: []string{"patch", "-i", "nope"}},
		{Name: "bad option", Tree: tree(seq), Args: []string{"patch", "-y"}},
		{Name: "bad long option", Tree: tree(seq), Args: []string{"patch", "--bogus"}},
		{Name: "bad strip", Tree: tree(seq), Args: []string{"patch", "-p", "x", "-i", "pu"}},
		{Name: "extra operand", Tree: tree(seq), Args: []string{"patch", "a", "b", "c"}},
		{Name: "help", Tree: tree(seq), Args: []string{"patch", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = append(cases[i].Tree, bt.File("pf", patchFunc))
		// GNU patch keeps a copy of a piped patch (and its output in a
		// dry run) in $TMPDIR; /tmp is read-only where the real one runs.
		cases[i].Env = tmp
	}
	bt.RunAll(t, cases)
}

const (
	patchCOmit = `*** a/f	2024-01-01 00:00:00.000000000 +0000
--- b/f	2024-01-02 00:00:00.000000000 +0000
***************
*** 1,7 ****
  1
  2
- 3
- 4
  5
  6
  7
--- 1,5 ----
***************
*** 14,19 ****
--- 12,19 ----
  14
  15
  16
+ new1
+ new2
  17
  18
  19
`
	patchNAppend = `2a3,4
> new1
> new2
4d5
< 4
`
	patchSpaces = `diff -u "x/my file" "y/my file"
--- "x/my file"	2024-01-01 00:00:00.000000000 +0000
+++ "y/my file"	2024-01-01 00:00:00.000000000 +0000
@@ -1 +1 @@
-q
+Q
`
	patchTabName = `--- a/my file	2024-01-01 00:00:00.000000000 +0000
+++ b/my file	2024-01-01 00:00:00.000000000 +0000
@@ -1 +1 @@
-q
+Q
`
	patchEpoch = `--- newfile	1970-01-01 00:00:00.000000000 +0000
+++ newfile	2024-01-01 00:00:00.000000000 +0000
@@ -0,0 +1 @@
+created
`
	patchGarbage = "From: someone\nSubject: [PATCH] fix\n\nSome text.\n---\n f | 2 +-\n\n" + `--- a/f
+++ b/f
@@ -1,3 +1,3 @@
 1
-2
+two
 3
-- 
2.40.0
`
	patchTwice = `--- a/f
+++ b/f
@@ -1,3 +1,3 @@
-1
+one
 2
 3
--- a/f
+++ b/f
@@ -8,3 +8,3 @@
 8
-9
+nine
 10
`
	patchSymlink = `diff --git a/l b/l
index 1111111..2222222 120000
--- a/l
+++ b/l
@@ -1 +1 @@
-target1
\ No newline at end of file
+target2
\ No newline at end of file
diff --git a/nl b/nl
new file mode 120000
index 0000000..3333333
--- /dev/null
+++ b/nl
@@ -0,0 +1 @@
+somewhere
\ No newline at end of file
`
	patchCopy = `diff --git a/src/a b/src/a2
similarity index 80%
copy from src/a
copy to src/a2
index 1111111..2222222 100644
--- a/src/a
+++ b/src/a2
@@ -1,3 +1,3 @@
 1
-2
+two
 3
diff --git a/src/b b/dst/b2
similarity index 70%
rename from src/b
rename to dst/b2
index 3333333..4444444 100644
--- a/src/b
+++ b/dst/b2
@@ -1,2 +1,2 @@
 x
-y
+Y
`
	patchMisordered = `--- a/f
+++ b/f
@@ -10,3 +10,3 @@
 10
-11
+eleven
 12
@@ -2,3 +2,3 @@
 2
-3
+three
 4
`
)

func TestPatchMore(t *testing.T) {
	seq := numberedLines(1, 20, nil)
	tmp := []string{"TMPDIR=."}
	cases := []bt.Case{
		{Name: "verbose", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "--verbose"}, Stdin: patchGarbage},
		{Name: "verbose failing", Tree: []bt.Entry{bt.File("f", numberedLines(1, 20, map[int]string{2: "X\n"}))}, Args: []string{"patch", "--verbose"}, Stdin: patchGarbage},
		{Name: "mail garbage", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p1"}, Stdin: patchGarbage},
		{Name: "context omitted lines", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch"}, Stdin: patchCOmit},
		{Name: "context omitted -R", Tree: []bt.Entry{bt.File("f", numberedLines(1, 20, map[int]string{3: "", 4: "", 16: "16\nnew1\nnew2\n"}))}, Args: []string{"patch", "-R"}, Stdin: patchCOmit},
		{Name: "context omitted failing", Tree: []bt.Entry{bt.File("f", numberedLines(1, 20, map[int]string{6: "X\n", 15: "Y\n"}))}, Args: []string{"patch"}, Stdin: patchCOmit},
		{Name: "normal append", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "f"}, Stdin: patchNAppend},
		{Name: "normal failing", Tree: []bt.Entry{bt.File("f", "a\nb\nc\nd\ne\n")}, Args: []string{"patch", "f"}, Stdin: patchNAppend},
		{Name: "quoted names", Tree: []bt.Entry{bt.File("x/my file", "q\n")}, Args: []string{"patch", "-p1"}, Stdin: patchSpaces},
		{Name: "names with spaces", Tree: []bt.Entry{bt.File("my file", "q\n")}, Args: []string{"patch", "-p1"}, Stdin: patchTabName},
		{Name: "epoch creates", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch"}, Stdin: patchEpoch},
		{Name: "epoch existing -N", Tree: []bt.Entry{bt.File("newfile", "x\n")}, Args: []string{"patch", "-N"}, Stdin: patchEpoch},
		{Name: "epoch dry-run", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "--dry-run", "-p0"}, Stdin: patchCreate},
		{Name: "same file twice", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-b"}, Stdin: patchTwice},
		{Name: "same file twice failing", Tree: []bt.Entry{bt.File("f", "x\n")}, Args: []string{"patch"}, Stdin: patchTwice},
		{Name: "misordered", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch"}, Stdin: patchMisordered},
		{Name: "explicit missing file", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "nothere"}, Stdin: patchTwice},
		{Name: "explicit file -o", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-o", "out", "f"}, Stdin: patchTwice},
		{Name: "posix", Tree: []bt.Entry{bt.File("f", seq), bt.File("sub/del", "a\nb\n")}, Args: []string{"patch", "--posix", "-p1"}, Stdin: patchDelete},
		{Name: "dangerous name", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p0"}, Stdin: "--- ../f\n+++ ../f\n@@ -1 +1 @@\n-1\n+one\n"},
		{Name: "only garbage after patch", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p1"}, Stdin: patchTwice + "trailing\ngarbage\n"},
		{Name: "incomplete last line", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p1"}, Stdin: strings.TrimSuffix(patchTwice, "\n")},
		{Name: "symlink target", Tree: []bt.Entry{bt.File("real", seq), bt.Symlink("f", "real")}, Args: []string{"patch", "-p1"}, Stdin: patchTwice},
		{Name: "hard link broken", Tree: []bt.Entry{bt.File("f", seq), bt.Hardlink("g", "f")}, Args: []string{"patch", "-p1"}, Stdin: patchTwice}, // Links: the overlay keeps nlink 2 after rm too
		{Name: "mode kept", Tree: []bt.Entry{bt.File("f", seq).WithMode(0o751)}, Args: []string{"patch", "-p1"}, Stdin: patchTwice},
		{Name: "dot slash names", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p1"}, Stdin: strings.ReplaceAll(patchTwice, "a/f", "./f")},
		{Name: "crlf file", Tree: []bt.Entry{bt.File("f", "1\r\n2\r\n3\r\n")}, Args: []string{"patch", "-p1"}, Stdin: patchTwice},
		{Name: "output two files", Tree: []bt.Entry{bt.File("f", "1\n2\n3\n"), bt.File("g", "a\nb\nc\n")}, Args: []string{"patch", "-o", "out"}, Stdin: patchTwo},
		{Name: "git symlinks", Tree: []bt.Entry{bt.Symlink("l", "target1"), bt.File("reg", "x\n")}, Args: []string{"patch", "-p1"}, Stdin: patchSymlink},
		{Name: "git symlink on regular file", Tree: []bt.Entry{bt.File("l", "target1")}, Args: []string{"patch", "-p1"}, Stdin: patchSymlink},
		{Name: "git copy and rename with changes", Tree: []bt.Entry{bt.File("src/a", "1\n2\n3\n"), bt.File("src/b", "x\ny\n")}, Args: []string{"patch", "-p1"}, Stdin: patchCopy},
		{Name: "git rename -R", Tree: []bt.Entry{bt.File("dst/b2", "x\nY\n"), bt.File("src/a", "1\n2\n3\n")}, Args: []string{"patch", "-R", "-p1"}, Stdin: patchCopy},
		{Name: "delete then create", Tree: []bt.Entry{bt.File("f", "a\n")}, Args: []string{"patch", "-b"}, Stdin: "--- f\t2024-01-01 00:00:00.000000000 +0000\n+++ /dev/null\t1970-01-01 00:00:00.000000000 +0000\n@@ -1 +0,0 @@\n-a\n--- /dev/null\t1970-01-01 00:00:00.000000000 +0000\n+++ f\t2024-01-01 00:00:00.000000000 +0000\n@@ -0,0 +1 @@\n+b\n"},
		{Name: "short hunk at eof", Tree: []bt.Entry{bt.File("f", seq)}, Args: []string{"patch", "-p1"}, Stdin: "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n-1\n+one\n 2\n"},
	}
	for i := range cases {
		cases[i].Env = tmp
	}
	bt.RunAll(t, cases)
}

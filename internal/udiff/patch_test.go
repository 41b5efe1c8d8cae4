package udiff

import (
	"bytes"
	"strings"
	"testing"
)

// applyAll reads every file patch of text and applies it to in, with
// fuzz up to 2, returning the output and the failed hunk count.
func applyAll(t *testing.T, text, in string, strip int, reverse bool) (string, int) {
	t.Helper()
	p := NewParser(text)
	p.Strip = strip
	fp, err := p.Next(true)
	if err != nil || fp == nil {
		t.Fatalf("Next: %v, %v", fp, err)
	}
	a := NewApplier(Split(in))
	failed := 0
	for {
		h, err := p.NextHunk(reverse)
		if err != nil {
			t.Fatal(err)
		}
		if h == nil {
			break
		}
		where := 0
		for fuzz := 0; fuzz <= min(2, max(h.PrefixContext, h.SuffixContext)) && where == 0; fuzz++ {
			where = a.Locate(h, fuzz)
		}
		if where == 0 {
			failed++
			continue
		}
		if err := a.Apply(h, where); err != nil {
			t.Fatal(err)
		}
	}
	out, err := a.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return out, failed
}

func TestParseHeaders(t *testing.T) {
	for _, c := range []struct {
		name, text string
		strip      int
		format     Format
		names      [3]string
		nonexist   [2]int
		git        bool
		mode       [2]uint32
		rename     bool
	}{
		{"unified", "--- a/x/f\t2024-01-01 00:00:00 +0000\n+++ b/x/f\t2024-01-01 00:00:00 +0000\n@@ -1 +1 @@\n-a\n+b\n",
			-1, UnifiedDiff, [3]string{"f", "f", ""}, [2]int{}, false, [2]uint32{}, false},
		{"strip 1", "--- a/x/f\n+++ b/x/f\n@@ -1 +1 @@\n-a\n+b\n",
			1, UnifiedDiff, [3]string{"x/f", "x/f", ""}, [2]int{}, false, [2]uint32{}, false},
		{"strip too far", "--- a/x/f\n+++ b/x/f\n@@ -1 +1 @@\n-a\n+b\n",
			3, UnifiedDiff, [3]string{"", "", ""}, [2]int{}, false, [2]uint32{}, false},
		{"creation", "--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+b\n",
			1, UnifiedDiff, [3]string{"", "f", ""}, [2]int{2, 0}, false, [2]uint32{}, false},
		{"epoch deletion", "--- f\t2024-01-01 10:00:00 +0000\n+++ f\t1970-01-01 00:00:00 +0000\n@@ -1 +0,0 @@\n-b\n",
			0, UnifiedDiff, [3]string{"f", "f", ""}, [2]int{0, 2}, false, [2]uint32{}, false},
		{"emptied", "--- f\n+++ f\n@@ -1 +0,0 @@\n-b\n",
			0, UnifiedDiff, [3]string{"f", "f", ""}, [2]int{0, 1}, false, [2]uint32{}, false},
		{"context", "*** f.orig\n--- f\n***************\n*** 1 ****\n! a\n--- 1 ----\n! b\n",
			0, NewContextDiff, [3]string{"f.orig", "f", ""}, [2]int{}, false, [2]uint32{}, false},
		{"index", "Index: d/f\n@@ -1 +1 @@\n-a\n+b\n",
			0, UnifiedDiff, [3]string{"", "", "d/f"}, [2]int{}, false, [2]uint32{}, false},
		{"git mode", "diff --git a/k b/k\nold mode 100644\nnew mode 100755\n",
			1, UnifiedDiff, [3]string{"k", "k", ""}, [2]int{}, true, [2]uint32{0o100644, 0o100755}, false},
		{"git rename", "diff --git a/x b/y\nsimilarity index 100%\nrename from x\nrename to y\n",
			1, UnifiedDiff, [3]string{"x", "y", ""}, [2]int{}, true, [2]uint32{}, true},
		{"git new", "diff --git a/n b/n\nnew file mode 100755\nindex 0000000..e69de29\n",
			1, UnifiedDiff, [3]string{"n", "n", ""}, [2]int{2, 1}, true, [2]uint32{0, 0o100755}, false},
		{"quoted", "--- \"a/my file\"\n+++ \"b/my\\tfile\"\n@@ -1 +1 @@\n-a\n+b\n",
			1, UnifiedDiff, [3]string{"my file", "my\tfile", ""}, [2]int{}, false, [2]uint32{}, false},
		{"normal", "1c1\n< a\n---\n> b\n",
			0, NormalDiff, [3]string{}, [2]int{}, false, [2]uint32{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewParser(c.text)
			p.Strip = c.strip
			fp, err := p.Next(c.format != NormalDiff)
			if err != nil || fp == nil {
				t.Fatalf("Next: %v %v", fp, err)
			}
			if fp.Format != c.format || fp.Names != c.names || fp.Nonexistent != c.nonexist ||
				fp.Git != c.git || fp.Mode != c.mode || fp.Rename != c.rename {
				t.Errorf("got format %d names %q nonexistent %v git %v mode %o rename %v",
					fp.Format, fp.Names, fp.Nonexistent, fp.Git, fp.Mode, fp.Rename)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"hello\n", "Only garbage was found in the patch input."},
		{"--- f\n+++ f\n@@ -1,2 +1,2 @@\n 1\n?2\n", "malformed patch at line 5: ?2\n"},
		{"--- f\n+++ f\n@@ -1,9 +1,9 @@\n 1\n", "unexpected end of file in patch"},
		{"--- f\n+++ f\n@@ -x +1 @@\n", "missing line number at line 3: @@ -x +1 @@\n"},
		{"1c1\n< a\nxx\n> b\n", "'---' expected at line 3 of patch"},
	} {
		p := NewParser(c.text)
		fp, err := p.Next(false)
		if err == nil && fp != nil {
			_, err = p.NextHunk(false)
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}

func TestApply(t *testing.T) {
	seq := func(from, to int, change map[int]string) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			if s, ok := change[i]; ok {
				b.WriteString(s)
				continue
			}
			b.WriteString(strings.Repeat("x", i%3) + string(rune('a'+i%26)) + "\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		name     string
		old, new string
		in, want string
		reverse  bool
		failed   int
	}{
		{name: "exact", old: seq(1, 30, nil), new: seq(1, 30, map[int]string{5: "five\n", 25: ""})},
		{name: "offset", old: seq(1, 30, nil), new: seq(1, 30, map[int]string{5: "five\n"}),
			in: "top\n" + seq(1, 30, nil), want: "top\n" + seq(1, 30, map[int]string{5: "five\n"})},
		{name: "fuzz", old: seq(1, 30, nil), new: seq(1, 30, map[int]string{10: "ten\n"}),
			in: seq(1, 30, map[int]string{7: "SEVEN\n"}), want: seq(1, 30, map[int]string{7: "SEVEN\n", 10: "ten\n"})},
		{name: "fail", old: seq(1, 30, nil), new: seq(1, 30, map[int]string{10: "ten\n"}),
			in: seq(1, 30, map[int]string{10: "TEN\n"}), want: seq(1, 30, map[int]string{10: "TEN\n"}), failed: 1},
		{name: "reverse", old: seq(1, 30, nil), new: seq(1, 30, map[int]string{3: "", 20: "new\n20\n"}), reverse: true},
		{name: "no newline", old: "a\nb", new: "a\nc\n"},
		{name: "to no newline", old: "a\nb\n", new: "a\nb"},
		{name: "create", old: "", new: "a\nb\n"},
		{name: "empty out", old: "a\nb\n", new: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			buf.WriteString("--- f\n+++ f\n")
			a, b := Split(c.old), Split(c.new)
			WriteUnifiedHunks(&buf, a, b, Diff(a, b, &Options{Horizon: 3}), 3)
			in, want := c.in, c.want
			if in == "" && want == "" {
				in, want = c.old, c.new
				if c.reverse {
					in, want = c.new, c.old
				}
			}
			got, failed := applyAll(t, buf.String(), in, 0, c.reverse)
			if got != want || failed != c.failed {
				t.Errorf("patch:\n%s\ngot %q (failed %d), want %q (failed %d)", buf.String(), got, failed, want, c.failed)
			}
		})
	}
}

func TestRejects(t *testing.T) {
	text := "--- a/f\t2024\n+++ b/f\t2025\n@@ -1,3 +1,3 @@ fn\n a\n-b\n+c\n d\n"
	p := NewParser(text)
	fp, _ := p.Next(true)
	h, err := p.NextHunk(false)
	if err != nil || h == nil {
		t.Fatal(err)
	}
	var u, c bytes.Buffer
	hdr := &RejectHeader{Old: fp.Names[0], New: fp.Names[1], OldTime: fp.TimeStr[0], NewTime: fp.TimeStr[1]}
	WriteRejectUnified(&u, h, hdr, 2)
	if want := "--- f\t2024\n+++ f\t2025\n@@ -3,3 +3,3 @@ fn\n a\n-b\n+c\n d\n"; u.String() != want {
		t.Errorf("unified reject %q, want %q", u.String(), want)
	}
	WriteRejectContext(&c, h, hdr, 0, true)
	if want := "*** f\t2024\n--- f\t2025\n*************** fn\n*** 1,3 ****\n  a\n! b\n  d\n--- 1,3 ----\n  a\n! c\n  d\n"; c.String() != want {
		t.Errorf("context reject %q, want %q", c.String(), want)
	}
}

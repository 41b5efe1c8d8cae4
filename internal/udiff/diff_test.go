package udiff

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/internal/hostrun"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b"}},
		{"\n\n", []string{"\n", "\n"}},
	} {
		if got := Split(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLines(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want []Change
	}{
		{"", "", nil},
		{"a\n", "a\n", nil},
		{"", "a\nb\n", []Change{{0, 0, 0, 2}}},
		{"a\nb\n", "", []Change{{0, 0, 2, 0}}},
		{"a\nb\nc\n", "a\nx\nc\n", []Change{{1, 1, 1, 1}}},
		{"a\nb\nc\n", "a\nc\n", []Change{{1, 1, 1, 0}}},
		// GNU slides an insertion of a repeated line to the end.
		{"x\nx\n", "x\nx\nx\n", []Change{{2, 2, 0, 1}}},
		{"a\nb", "a\nb\n", []Change{{1, 1, 1, 1}}},
	} {
		if got := Lines(Split(c.a), Split(c.b)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lines(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	a := Split("one\ntwo\nthree\n")
	b := Split("one\nTWO\nthree\nfour")
	ch := Lines(a, b)
	var n, u, c bytes.Buffer
	WriteNormal(&n, a, b, ch)
	WriteUnifiedHunks(&u, a, b, ch, 3)
	WriteContextHunks(&c, a, b, ch, 1)
	wantN := "2c2\n< two\n---\n> TWO\n3a4\n> four\n\\ No newline at end of file\n"
	if n.String() != wantN {
		t.Errorf("normal:\n%s\nwant:\n%s", n.String(), wantN)
	}
	wantU := "@@ -1,3 +1,4 @@\n one\n-two\n+TWO\n three\n+four\n\\ No newline at end of file\n"
	if u.String() != wantU {
		t.Errorf("unified:\n%s\nwant:\n%s", u.String(), wantU)
	}
	wantC := "***************\n*** 1,3 ****\n  one\n! two\n  three\n--- 1,4 ----\n  one\n! TWO\n  three\n+ four\n\\ No newline at end of file\n"
	if c.String() != wantC {
		t.Errorf("context:\n%s\nwant:\n%s", c.String(), wantC)
	}
	var whole bytes.Buffer
	Unified(&whole, "a/f", "b/f", Split("x\n"), Split("y\n"), 3)
	if want := "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n"; whole.String() != want {
		t.Errorf("Unified:\n%s\nwant:\n%s", whole.String(), want)
	}
	whole.Reset()
	Unified(&whole, "a", "b", Split("x\n"), Split("x\n"), 3)
	if whole.Len() != 0 {
		t.Errorf("Unified of equal texts wrote %q", whole.String())
	}
}

func TestHunks(t *testing.T) {
	ch := []Change{{A: 2, B: 2, Del: 1, Ins: 1}, {A: 9, B: 9, Del: 1}, {A: 20, B: 19, Ins: 2}}
	if got := Hunks(ch, 3); len(got) != 2 || len(got[0]) != 2 {
		t.Errorf("Hunks(3) = %v", got)
	}
	if got := Hunks(ch, 2); len(got) != 3 {
		t.Errorf("Hunks(2) = %v", got)
	}
}

// TestAgainstGNU compares random diffs with the host's GNU diff (which
// runs in hostrun's read-only namespace).
func TestAgainstGNU(t *testing.T) {
	if _, err := exec.LookPath("diff"); err != nil {
		t.Fatal("GNU diff is needed (diffutils)")
	}
	dir := t.TempDir()
	r := rand.New(rand.NewSource(1))
	gen := func(n, alpha int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%c\n", 'a'+r.Intn(alpha))
		}
		return b.String()
	}
	n := 300
	if testing.Short() {
		n = 50
	}
	for it := 0; it < n; it++ {
		size := []int{10, 40, 300}[it%3]
		alpha := 2 + r.Intn(20)
		a := gen(r.Intn(size), alpha)
		var b string
		if it%2 == 0 {
			b = gen(r.Intn(size), alpha)
		} else {
			var out []string
			for _, l := range Split(a) {
				switch r.Intn(6) {
				case 0:
				case 1:
					out = append(out, l, fmt.Sprintf("%c\n", 'a'+r.Intn(alpha)))
				case 2:
					out = append(out, fmt.Sprintf("%c\n", 'a'+r.Intn(alpha+3)))
				default:
					out = append(out, l)
				}
			}
			b = strings.Join(out, "")
		}
		ctx := it % 4
		os.WriteFile(filepath.Join(dir, "a"), []byte(a), 0o644)
		os.WriteFile(filepath.Join(dir, "b"), []byte(b), 0o644)
		args := []string{"a", "b"}
		if ctx > 0 {
			args = []string{fmt.Sprintf("-U%d", ctx), "a", "b"}
		}
		cmd := hostrun.Command(context.Background(), dir, "diff", args...)
		cmd.Env = append(cmd.Env, "PATH="+os.Getenv("PATH"), "LC_ALL=C")
		out, _ := cmd.Output()
		want := string(out)
		if ctx > 0 && want != "" {
			want = want[strings.Index(want, "@@"):]
		}
		la, lb := Split(a), Split(b)
		changes := Diff(la, lb, &Options{Horizon: ctx})
		var got bytes.Buffer
		if ctx == 0 {
			WriteNormal(&got, la, lb, changes)
		} else {
			WriteUnifiedHunks(&got, la, lb, changes, ctx)
		}
		if got.String() != want {
			t.Fatalf("-U%d differs from GNU diff\na=%q\nb=%q\nGNU:\n%s\nudiff:\n%s", ctx, a, b, want, got.String())
		}
	}
}

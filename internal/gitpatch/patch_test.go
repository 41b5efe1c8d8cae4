package gitpatch

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sandsh/sandsh/internal/hostrun"
)

// The edit script rebuilds both inputs, and is as short as the longest
// common subsequence allows on small inputs.
func TestDiffLines(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		a := randLines(r, r.Intn(12))
		b := randLines(r, r.Intn(12))
		script := diffLines(a, b)
		var gotA, gotB []string
		kept := 0
		for _, e := range script {
			switch e.kind {
			case ' ':
				gotA, gotB = append(gotA, a[e.a]), append(gotB, b[e.b])
				kept++
			case '-':
				gotA = append(gotA, a[e.a])
			case '+':
				gotB = append(gotB, b[e.b])
			}
		}
		if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
			t.Fatalf("script does not rebuild the inputs: %q %q", a, b)
		}
		if want := lcs(a, b); kept != want {
			t.Fatalf("kept %d lines, the LCS has %d: %q %q", kept, want, a, b)
		}
	}
}

func randLines(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a'+r.Intn(4))) + "\n"
	}
	return out
}

func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// Random trees, changed at random: git apply of the patch on the old tree
// gives the new one.
func TestGitApplyRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for round := 0; round < 40; round++ {
		dir := t.TempDir()
		old := map[string]Side{}
		for i := 0; i < 8; i++ {
			old[fmt.Sprintf("d%d/f%d", i%3, i)] = randSide(r)
		}
		cur := map[string]Side{}
		for p, s := range old {
			switch r.Intn(6) {
			case 0: // deleted
			case 1:
				cur[p] = randSide(r)
			case 2:
				c := s
				if c.Mode.IsRegular() {
					c.Data = mutate(r, s.Data)
				}
				cur[p] = c
			case 3:
				c := s
				if c.Mode.IsRegular() {
					c.Mode ^= 0o111
				}
				cur[p] = c
			case 4: // renamed
				cur["moved/"+filepath.Base(p)] = s
			default:
				cur[p] = s
			}
		}
		cur[fmt.Sprintf("new/n%d", round)] = randSide(r)
		writeTree(t, filepath.Join(dir, "tree"), old)
		var files []File
		for p, s := range old {
			if c, ok := cur[p]; !ok || !same(s, c) {
				files = append(files, File{Path: p, Old: s, New: c})
			}
		}
		for p, c := range cur {
			if _, ok := old[p]; !ok {
				files = append(files, File{Path: p, New: c})
			}
		}
		var patch bytes.Buffer
		if err := Write(&patch, files, Options{Binary: true}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "p.diff"), patch.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := hostrun.Command(ctx, dir, "git", "-C", "tree", "apply", "--whitespace=nowarn", "../p.diff")
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("round %d: git apply: %v\n%s\npatch:\n%s", round, err, out, patch.String())
		}
		got := readTree(t, filepath.Join(dir, "tree"))
		for p, c := range cur {
			g, ok := got[p]
			if !ok || !same(g, c) {
				t.Fatalf("round %d: %s: got %+v, want %+v\npatch:\n%s", round, p, g, c, patch.String())
			}
		}
		for p := range got {
			if _, ok := cur[p]; !ok {
				t.Fatalf("round %d: %s left behind\npatch:\n%s", round, p, patch.String())
			}
		}
	}
}

func same(a, b Side) bool {
	return a.Exists == b.Exists && gitMode(a.Mode) == gitMode(b.Mode) && bytes.Equal(a.Data, b.Data)
}

func randSide(r *rand.Rand) Side {
	switch r.Intn(6) {
	case 0:
		return Side{Exists: true, Mode: fs.ModeSymlink | 0o777, Data: []byte(fmt.Sprintf("target%d", r.Intn(5)))}
	case 1:
		b := make([]byte, r.Intn(300))
		r.Read(b)
		return Side{Exists: true, Mode: 0o644, Data: b}
	}
	var lines []string
	for i := r.Intn(30); i > 0; i-- {
		lines = append(lines, fmt.Sprintf("line %d", r.Intn(10)))
	}
	data := strings.Join(lines, "\n")
	if r.Intn(3) > 0 && data != "" {
		data += "\n"
	}
	mode := fs.FileMode(0o644)
	if r.Intn(3) == 0 {
		mode = 0o755
	}
	return Side{Exists: true, Mode: mode, Data: []byte(data)}
}

func mutate(r *rand.Rand, data []byte) []byte {
	lines := splitLines(data)
	for i := r.Intn(4); i >= 0; i-- {
		switch {
		case len(lines) > 0 && r.Intn(2) == 0:
			k := r.Intn(len(lines))
			lines = append(lines[:k], lines[k+1:]...)
		default:
			k := r.Intn(len(lines) + 1)
			lines = append(lines[:k], append([]string{fmt.Sprintf("ins %d\n", r.Intn(9))}, lines[k:]...)...)
		}
	}
	return []byte(strings.Join(lines, ""))
}

func writeTree(t *testing.T, root string, tree map[string]Side) {
	t.Helper()
	for p, s := range tree {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if s.Mode&fs.ModeSymlink != 0 {
			err = os.Symlink(string(s.Data), full)
		} else {
			err = os.WriteFile(full, s.Data, s.Mode)
			if err == nil {
				err = os.Chmod(full, s.Mode)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func readTree(t *testing.T, root string) map[string]Side {
	t.Helper()
	out := map[string]Side{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		fi, _ := os.Lstat(p)
		s := Side{Exists: true, Mode: fi.Mode()}
		if fi.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			s.Data = []byte(target)
		} else {
			s.Data, _ = os.ReadFile(p)
		}
		out[filepath.ToSlash(rel)] = s
		return nil
	})
	return out
}

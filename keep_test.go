package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sandsh/sandsh/internal/hostrun"
)

// keepProject makes a small project for the review-flag tests.
func keepProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "proj")
	for name, data := range map[string]string{"a.txt": "alpha\n", "b.txt": "beta\n", "sub/c.txt": "gamma\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const editScript = `echo more >> a.txt; rm b.txt; mkdir -p new; printf 'n\n' > new/n.txt; chmod +x sub/c.txt; ln -s a.txt link; echo done`

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestChangesAndDiff(t *testing.T) {
	proj := keepProject(t)
	code, out, errs := runCLI(t, "-C", proj, "--changes", "--diff", "-c", editScript)
	if code != 0 || out != "done\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, want := range []string{
		`(?m)^M a\.txt$`, `(?m)^D b\.txt$`, `(?m)^A new/$`, `(?m)^A new/n\.txt$`,
		`(?m)^M sub/c\.txt \(mode 0644 -> 0755\)$`, `(?m)^A link$`,
		`(?m)^diff --git a/a\.txt b/a\.txt$`, `(?m)^\+more$`, `(?m)^deleted file mode 100644$`,
		`(?m)^old mode 100644\nnew mode 100755$`, `(?m)^new file mode 120000$`,
	} {
		if !regexp.MustCompile(want).MatchString(errs) {
			t.Errorf("stderr lacks %s:\n%s", want, errs)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "a.txt")); string(b) != "alpha\n" {
		t.Errorf("the project changed without --apply: %q", b)
	}
}

func TestJSON(t *testing.T) {
	proj := keepProject(t)
	code, out, _ := runCLI(t, "-C", proj, "--json", "-c", editScript+"; echo oops >&2; exit 4")
	if code != 4 {
		t.Errorf("exit %d, want the script's 4", code)
	}
	var rep struct {
		ExitCode   int    `json:"exitCode"`
		Stdout     string `json:"stdout"`
		Stderr     string `json:"stderr"`
		Diff       string `json:"diff"`
		DurationMs *int64 `json:"durationMs"`
		Limit      *string
		Truncated  map[string]bool
		Changes    []struct {
			Path, Kind, Type string
			OldMode, NewMode *string
			Size             *int64
			Target           string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	if rep.ExitCode != 4 || rep.Stdout != "done\n" || rep.Stderr != "oops\n" || rep.Limit != nil || rep.DurationMs == nil {
		t.Errorf("report: %+v", rep)
	}
	if !strings.Contains(rep.Diff, "+more") || rep.Truncated["stdout"] {
		t.Errorf("diff %q truncated %v", rep.Diff, rep.Truncated)
	}
	kinds := map[string]string{}
	for _, c := range rep.Changes {
		kinds[c.Path] = c.Kind + " " + c.Type
		if c.Path == "link" && c.Target != "a.txt" {
			t.Errorf("link target %q", c.Target)
		}
		if c.Path == "sub/c.txt" && (c.OldMode == nil || *c.OldMode != "0644" || *c.NewMode != "0755") {
			t.Errorf("modes of sub/c.txt: %v %v", c.OldMode, c.NewMode)
		}
	}
	want := map[string]string{"a.txt": "modified file", "b.txt": "deleted file", "new": "added dir", "new/n.txt": "added file", "sub/c.txt": "modified file", "link": "added symlink"}
	for p, k := range want {
		if kinds[p] != k {
			t.Errorf("%s: %q, want %q", p, kinds[p], k)
		}
	}
	// A limit shows in the report.
	_, out, _ = runCLI(t, "-C", proj, "--json", "--timeout", "0.1", "-c", "while :; do :; done")
	if !strings.Contains(out, `"limit": "timeout"`) {
		t.Errorf("no limit in %s", out)
	}
}

func TestPatchExportApply(t *testing.T) {
	proj := keepProject(t)
	root := filepath.Dir(proj)
	patch := filepath.Join(root, "run.patch")
	export := filepath.Join(root, "export")
	code, _, errs := runCLI(t, "-C", proj, "--patch", patch, "--export", export, "-c", editScript)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// git apply on a fresh copy gives the exported tree.
	clean := filepath.Join(root, "clean")
	copyProject(t, keepProject(t), clean)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if out, err := hostrun.Command(ctx, clean, "git", "apply", patch).CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	for _, p := range []string{"a.txt", "new/n.txt", "sub/c.txt"} {
		want, _ := os.ReadFile(filepath.Join(export, p))
		got, _ := os.ReadFile(filepath.Join(clean, p))
		if string(want) != string(got) || len(want) == 0 {
			t.Errorf("%s: export %q, patched %q", p, want, got)
		}
	}
	if target, err := os.Readlink(filepath.Join(export, "link")); err != nil || target != "a.txt" {
		t.Errorf("exported link: %q %v", target, err)
	}
	// --apply writes the changes.
	code, _, errs = runCLI(t, "-C", proj, "--apply", "-c", editScript)
	if code != 0 || !strings.Contains(errs, "applied") {
		t.Fatalf("apply: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "a.txt")); string(b) != "alpha\nmore\n" {
		t.Errorf("a.txt = %q", b)
	}
	if _, err := os.Stat(filepath.Join(proj, "b.txt")); err == nil {
		t.Error("b.txt still there")
	}
	// A failed script is not applied.
	code, _, errs = runCLI(t, "-C", proj, "--apply", "-c", "echo x > a.txt; false")
	if code != 1 || !strings.Contains(errs, "not applying") {
		t.Errorf("failed script: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "a.txt")); string(b) != "alpha\nmore\n" {
		t.Errorf("a failed script was applied: %q", b)
	}
}

// A file edited on disk while the script runs is a conflict: nothing is
// applied, exit 3; --apply=partial applies the rest.
func TestApplyConflictCLI(t *testing.T) {
	proj := keepProject(t)
	// The script waits until the edit on disk shows through (a.txt is read
	// from disk until the script writes it), then writes a.txt itself.
	edit := `cat a.txt >/dev/null; while [ "$(<a.txt)" = alpha ]; do :; done; echo mine > a.txt; echo other > sub/c.txt`
	go func() {
		time.Sleep(100 * time.Millisecond)
		os.WriteFile(filepath.Join(proj, "a.txt"), []byte("edited on disk\n"), 0o644)
	}()
	code, _, errs := runCLI(t, "-C", proj, "--apply", "-c", edit)
	if code != 3 || !strings.Contains(errs, "conflict: a.txt: modified on disk") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "sub/c.txt")); string(b) != "gamma\n" {
		t.Errorf("something was applied despite the conflict: %q", b)
	}
	os.WriteFile(filepath.Join(proj, "a.txt"), []byte("alpha\n"), 0o644)
	go func() {
		time.Sleep(100 * time.Millisecond)
		os.WriteFile(filepath.Join(proj, "a.txt"), []byte("edited again\n"), 0o644)
	}()
	code, _, errs = runCLI(t, "-C", proj, "--apply=partial", "-c", edit)
	if code != 3 {
		t.Fatalf("partial: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "sub/c.txt")); string(b) != "other\n" {
		t.Errorf("partial did not apply sub/c.txt: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(proj, "a.txt")); string(b) != "edited again\n" {
		t.Errorf("partial overwrote the conflict: %q", b)
	}
	if code, _, errs := runCLI(t, "-C", proj, "--apply=yes", "-c", "true"); code != 2 || !strings.Contains(errs, "partial") {
		t.Errorf("--apply=yes: exit %d: %s", code, errs)
	}
}

func copyProject(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

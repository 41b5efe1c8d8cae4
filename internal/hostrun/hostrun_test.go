package hostrun

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A guarded command can write its directory and nothing else.
func TestCommandIsConfined(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "work")
	outside := filepath.Join(root, "outside")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(root, "keep.txt")
	if err := os.WriteFile(keep, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := Command(context.Background(), dir, "/bin/bash", "-c",
		`echo in > inside.txt && echo ok; echo out > `+outside+` 2>&1 || echo refused; rm -f `+keep+` 2>/dev/null || echo kept`)
	cmd.Env = append(cmd.Env, "PATH=/usr/bin:/bin")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "ok") || !strings.Contains(string(out), "refused") || !strings.Contains(string(out), "kept") {
		t.Errorf("output %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "inside.txt")); err != nil {
		t.Errorf("the working directory was not writable: %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file outside the working directory was removed")
	}
	if _, err := os.Stat(outside); err == nil {
		t.Errorf("a file was written outside the working directory")
	}
}

package shell_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sandsh/sandsh/shell"
)

// A program that gives an LLM a "bash" tool keeps one session per
// conversation and calls Run for every tool call. Files persist across
// runs; variables do not. The project on disk is never modified.
func Example() {
	dir, _ := os.MkdirTemp("", "example-project-")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("first\n"), 0o644)

	sess, err := shell.New(shell.Options{Dir: dir, MountAt: "/workspace"})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	sess.Run(ctx, shell.Request{Script: `echo second >> notes.txt; x=kept-only-in-this-run`, Stdout: os.Stdout})
	res := sess.Run(ctx, shell.Request{Script: `pwd; echo "[$x]"; while read -r l; do echo "$l"; done < notes.txt`, Stdout: os.Stdout})
	fmt.Println("exit:", res.ExitCode)

	onDisk, _ := os.ReadFile(filepath.Join(dir, "notes.txt"))
	fmt.Printf("on disk: %q\n", onDisk)
	// Output:
	// /workspace
	// []
	// first
	// second
	// exit: 0
	// on disk: "first\n"
}

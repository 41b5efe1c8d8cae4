package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCLI runs the sandsh command's entry point with table-driven
// arguments: flags, exit statuses and messages.
func TestCLI(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "proj")
	files := map[string]string{
		"proj/file.txt":     "original\n",
		"proj/sub/keep.txt": "keep\n",
		"proj/tool.py":      "#!/usr/bin/env python3\nprint('hi')\n",
		"script.sh":         "echo \"$0 $1 $2\"\n",
		"bad.sh":            "echo before\nif then fi\necho after\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(filepath.Join(proj, "tool.py"), 0o755)
	t.Setenv("SECRET_TOKEN", "abc123")
	cases := []struct {
		name      string
		args      []string
		stdin     string
		code      int
		stdout    string // regexp, multiline mode
		stderr    string // regexp
		notStdout string
		notStderr string
	}{
		{name: "exit status is the script's", args: []string{"-C", proj, "-c", "echo hi; exit 3"}, code: 3, stdout: `^hi$`},
		{name: "script file with arguments", args: []string{"-C", proj, filepath.Join(dir, "script.sh"), "one", "two"}, stdout: `script.sh one two$`},
		{name: "-c with name and arguments", args: []string{"-C", proj, "-c", `echo "$0 $1"`, "nm", "arg"}, stdout: `^nm arg$`},
		{name: "script on stdin", args: []string{"-C", proj}, stdin: "echo from stdin\n", stdout: `^from stdin$`},
		{name: "help", args: []string{"--help"}, stdout: `usage: sandsh`},
		{name: "unknown flag", args: []string{"--no-such-flag"}, code: 2, stderr: `unknown flag --no-such-flag`},
		{name: "flag without value", args: []string{"--timeout"}, code: 2, stderr: `needs a value`},
		{name: "bad duration", args: []string{"--timeout", "soon", "-c", "true"}, code: 2, stderr: `invalid duration`},
		{name: "syntax error", args: []string{"-C", proj, filepath.Join(dir, "bad.sh")}, code: 2, stdout: `^before$`, stderr: `bad.sh:2:`, notStdout: "after"},
		{name: "missing project", args: []string{"-C", filepath.Join(dir, "nope"), "-c", "echo hi"}, code: 2, stderr: `project directory`, notStdout: "hi"},
		{name: "unknown command", args: []string{"-C", proj, "-c", "nosuchcmd arg"}, code: 127, stderr: `(?m)^sandsh: nosuchcmd: command not found$`},
		{name: "other interpreters", args: []string{"-C", proj, "-c", "./tool.py"}, code: 126, stderr: `python3 is not available in the sandbox`},
		{name: "-e", args: []string{"-C", proj, "-e", "-c", "echo one; false; echo two"}, code: 1, stdout: `^one$`, notStdout: "two"},
		{name: "combined -eu", args: []string{"-C", proj, "-eu", "-c", `echo "$undefined"; echo two`}, code: 1, notStdout: "two"},
		{name: "-o pipefail", args: []string{"-C", proj, "-o", "pipefail", "-c", "false | true"}, code: 1},
		{name: "-x", args: []string{"-C", proj, "-x", "-c", "echo traced"}, stdout: `^traced$`, stderr: `echo traced`},
		{name: "--timeout", args: []string{"-C", proj, "--timeout", "0.2", "-c", "while :; do :; done"}, code: 124, stderr: `timeout`},
		{name: "--max-output", args: []string{"-C", proj, "--max-output", "1K", "-c", "while :; do echo yyyyyyyy; done"}, code: 1, stderr: `max-output`},
		{name: "--max-commands", args: []string{"-C", proj, "--max-commands", "100", "-c", "while :; do :; done"}, code: 1, stderr: `max-commands`},
		{name: "--max-depth", args: []string{"-C", proj, "--max-depth", "50", "-c", "f(){ f; }; f"}, code: 1, stderr: `max-call-depth`},
		{name: "--max-memory", args: []string{"-C", proj, "--max-memory", "1K", "-c", `s=xxxxxxxxxxxxxxxx; for i in 1 2 3 4 5 6 7; do s=$s$s; done; echo "$s" > f; echo done`}, stdout: `^done$`, stderr: `No space left on device`},
		{name: "--mount-at --cwd --env", args: []string{"-C", proj, "--mount-at", "/workspace", "--cwd", "sub", "--env", "GREETING=hello", "-c", `pwd; echo "$GREETING"`}, stdout: `^/workspace/sub\nhello$`},
		{name: "no host variables", args: []string{"-C", proj, "-c", `echo "[$SECRET_TOKEN]"`}, stdout: `^\[\]$`},
		{name: "--inherit-env", args: []string{"-C", proj, "--inherit-env", "SECRET_TOKEN", "-c", `echo "[$SECRET_TOKEN]"`}, stdout: `^\[abc123\]$`},
		{name: "changes stay in memory", args: []string{"-C", proj, "-c", "echo changed > file.txt; echo new > new.txt; echo \"$(<file.txt)\""}, stdout: `^changed$`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.args, strings.NewReader(c.stdin), &out, &errb)
			if code != c.code {
				t.Errorf("exit %d, want %d (stdout %q, stderr %q)", code, c.code, out.String(), errb.String())
			}
			check := func(what, got, re string, want bool) {
				if re == "" {
					return
				}
				if regexp.MustCompile("(?m)"+re).MatchString(got) != want {
					t.Errorf("%s %q: match %q = %v", what, got, re, !want)
				}
			}
			check("stdout", out.String(), c.stdout, true)
			check("stderr", errb.String(), c.stderr, true)
			check("stdout", out.String(), regexp.QuoteMeta(c.notStdout), false)
		})
	}
	// The project on disk never changed.
	if b, _ := os.ReadFile(filepath.Join(proj, "file.txt")); string(b) != "original\n" {
		t.Errorf("file.txt on disk is %q", b)
	}
	if _, err := os.Stat(filepath.Join(proj, "new.txt")); err == nil {
		t.Errorf("new.txt was created on disk")
	}
}

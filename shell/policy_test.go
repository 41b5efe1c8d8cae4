package shell_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

// policyProject has secrets to hide and paths to protect.
func policyProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "proj")
	files := map[string]string{
		".env":             "TOKEN=SECRET-ROOT\n",
		"app/.env":         "TOKEN=SECRET-APP\n",
		"app/main.sh":      "echo main\n",
		"keys/server.pem":  "SECRET-PEM\n",
		"secrets/db.txt":   "SECRET-DB\n",
		".git/HEAD":        "ref: refs/heads/main\n",
		".git/config":      "[core]\n",
		"vendor/lib/x.go":  "package lib\n",
		"vendor/keep.txt":  "keep\n",
		"docs/readme.md":   "readme\n",
		"docs/lock.txt":    "locked\n",
		"docs/free.txt":    "free\n",
		"secret-source.sh": "echo SECRET-SOURCED\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(data), 0o644))
	}
	return dir
}

func policySession(t *testing.T, dir string) *shell.Session {
	t.Helper()
	sess, err := shell.New(shell.Options{Dir: dir,
		Hide:    []string{".env", "*.pem", "/secrets", "secret-source.sh"},
		Protect: []string{".git", "/vendor/lib", "docs/lock.txt"}})
	must(t, err)
	return sess
}

// A hidden path cannot be reached, whatever the route.
func TestHiddenUnreachable(t *testing.T) {
	dir := policyProject(t)
	scripts := map[string]string{
		"cat":          `cat .env app/.env keys/server.pem secrets/db.txt`,
		"redirect":     `cat < .env; cat < secrets/db.txt`,
		"cmdsubst":     `x=$(<app/.env); echo "$x"`,
		"glob":         `shopt -s nullglob; echo * .* app/* app/.* keys/* secrets/*`,
		"globstar":     `shopt -s globstar dotglob; echo **`,
		"find":         `find . -name '*env*' -o -name '*.pem' -o -path '*secrets*'; find .`,
		"grep -r":      `grep -r SECRET .; grep -rl TOKEN .`,
		"ls -a":        `ls -aR`,
		"tar":          `tar cf /tmp/all.tar . && tar tf /tmp/all.tar && tar xOf /tmp/all.tar`,
		"cp -r parent": `cp -r app /tmp/app && ls -A /tmp/app && cat /tmp/app/.env`,
		"symlink":      `ln -s .env link && cat link; ln -s ../secrets/db.txt app/l2 && cat app/l2`,
		"hard link":    `ln .env hl && cat hl`,
		"dotdot":       `cat app/../.env docs/../secrets/db.txt; cd app && cat ../.env ./.env`,
		"absolute":     `cat "$PWD/.env" "$PWD/secrets/db.txt"`,
		"source":       `source secret-source.sh; . ./secret-source.sh`,
		"test":         `[ -e .env ] && echo EXISTS-SECRET; [ -d secrets ] && echo EXISTS-SECRETS; test -f keys/server.pem && echo EXISTS-PEM`,
		"bash script":  `bash secret-source.sh`,
		"stat":         `stat .env secrets`,
		"cd":           `cd secrets && ls`,
		"mv parent":    `mv keys k2 && ls -A k2 && cat k2/server.pem`,
		"rename dir":   `mv app app2 && cat app2/.env`,
	}
	for name, script := range scripts {
		t.Run(name, func(t *testing.T) {
			sess := policySession(t, dir)
			var out, errb bytes.Buffer
			sess.Run(t.Context(), shell.Request{Script: script, Stdout: &out, Stderr: &errb})
			if strings.Contains(errb.String(), "command not found") {
				t.Fatalf("%q: a command is missing: %s", script, errb.String())
			}
			// The contents never show; the names never show in output
			// (error messages may repeat the names the script gave).
			all := out.String() + errb.String()
			for _, leak := range []string{"SECRET", "EXISTS"} {
				if strings.Contains(all, leak) {
					t.Errorf("%q leaked %q:\nstdout: %s\nstderr: %s", script, leak, out.String(), errb.String())
				}
			}
			for _, name := range []string{".env", "server.pem", "db.txt", "secrets"} {
				if strings.Contains(out.String(), name) {
					t.Errorf("%q listed the hidden %s:\n%s", script, name, out.String())
				}
			}
		})
	}
}

// A new file at a hidden path lives in memory; Apply leaves it unless
// AllowHidden.
func TestHiddenCreateAndApply(t *testing.T) {
	dir := policyProject(t)
	sess := policySession(t, dir)
	got := runOut(t, sess, `echo NEW > .env; cat .env; echo ok > docs/new.txt`)
	if got != "NEW\n" {
		t.Errorf("created hidden file reads %q", got)
	}
	res, err := sess.Apply(shell.ApplyOptions{Partial: true})
	must(t, err)
	if len(res.Conflicts) != 1 || res.Conflicts[0].Path != "/.env" {
		t.Errorf("conflicts %v", res.Conflicts)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".env")); string(b) != "TOKEN=SECRET-ROOT\n" {
		t.Errorf("the hidden file was overwritten: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "docs/new.txt")); string(b) != "ok\n" {
		t.Errorf("docs/new.txt = %q", b)
	}
}

// A protected path cannot be changed; rm -rf of a parent removes the rest.
func TestProtectedUnchangeable(t *testing.T) {
	dir := policyProject(t)
	scripts := map[string]string{
		">":         `echo x > .git/HEAD`,
		">>":        `echo x >> docs/lock.txt`,
		"new file":  `echo x > .git/new; echo x > vendor/lib/new.go`,
		"sed -i":    `sed -i s/main/evil/ .git/HEAD; sed -i s/locked/evil/ docs/lock.txt`,
		"rm":        `rm .git/HEAD docs/lock.txt vendor/lib/x.go`,
		"mv of":     `mv .git/HEAD x; mv docs/lock.txt y; mv vendor/lib z`,
		"mv over":   `echo evil > e; mv e docs/lock.txt; cp e .git/config`,
		"mv parent": `mv docs docs2`,
		"chmod":     `chmod 777 .git/HEAD docs/lock.txt; chmod -R 700 vendor`,
		"touch":     `touch -d 2001-01-01 .git/HEAD docs/lock.txt; touch vendor/lib/n.go`,
		"truncate":  `truncate -s 0 .git/HEAD docs/lock.txt`,
		"mkdir":     `mkdir .git/objects vendor/lib/sub`,
		"ln":        `ln -s x .git/link; ln docs/free.txt vendor/lib/hl`,
		"cp into":   `cp docs/free.txt .git/`,
	}
	for name, script := range scripts {
		t.Run(name, func(t *testing.T) {
			sess := policySession(t, dir)
			var errb bytes.Buffer
			sess.Run(t.Context(), shell.Request{Script: script, Stderr: &errb})
			if !strings.Contains(errb.String(), "Read-only file system") {
				t.Errorf("%q: no EROFS message: %s", script, errb.String())
			}
			ch, err := sess.Changes()
			must(t, err)
			for _, c := range ch {
				if strings.HasPrefix(c.Path, "/.git") || strings.HasPrefix(c.Path, "/vendor/lib") || c.Path == "/docs/lock.txt" {
					t.Errorf("%q changed the protected %s (%v)", script, c.Path, c.Kind)
				}
			}
		})
	}
	// rm -rf of a parent: the unprotected entries go, the protected stay
	// with the directories that hold them.
	sess := policySession(t, dir)
	var errb bytes.Buffer
	sess.Run(t.Context(), shell.Request{Script: `rm -rf docs vendor .git`, Stderr: &errb})
	got := runOut(t, sess, `find docs vendor .git | sort`)
	want := ".git\n.git/HEAD\n.git/config\ndocs\ndocs/lock.txt\nvendor\nvendor/lib\nvendor/lib/x.go\n"
	if got != want {
		t.Errorf("after rm -rf:\n%s\nwant:\n%s\nstderr: %s", got, want, errb.String())
	}
}

// Patterns are checked: a bad one is an error.
func TestPolicyErrors(t *testing.T) {
	dir := policyProject(t)
	if _, err := shell.New(shell.Options{Dir: dir, Hide: []string{"[oops"}}); err == nil {
		t.Error("a bad pattern was accepted")
	}
	must(t, os.WriteFile(filepath.Join(dir, ".sandsh"), []byte("hide docs/free.txt\nprotect docs/readme.md\n"), 0o644))
	sess, err := shell.New(shell.Options{Dir: dir})
	must(t, err)
	var out, errb bytes.Buffer
	sess.Run(t.Context(), shell.Request{Script: `cat docs/free.txt; echo x >> docs/readme.md; ls docs`, Stdout: &out, Stderr: &errb})
	if strings.Contains(out.String(), "free") || !strings.Contains(errb.String(), "Read-only") {
		t.Errorf(".sandsh not honoured: %q %q", out.String(), errb.String())
	}
	must(t, os.WriteFile(filepath.Join(dir, ".sandsh"), []byte("hidden x\n"), 0o644))
	if _, err := shell.New(shell.Options{Dir: dir}); err == nil {
		t.Error("a bad .sandsh was accepted")
	}
}

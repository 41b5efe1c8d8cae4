package policy

import "testing"

func TestMatch(t *testing.T) {
	p, err := New([]string{".env", "/build", "docs/*.md", "cache/", "**/.aws/**", "*.pem"}, []string{".git", "/vendor/", "go.sum"})
	if err != nil {
		t.Fatal(err)
	}
	hidden := []struct {
		rel   string
		dir   bool
		want  bool
		whole bool // HiddenPath
	}{
		{".env", false, true, true},
		{"a/b/.env", false, true, true},
		{"a/.env.local", false, false, false},
		{"build", true, true, true},
		{"build/out.o", false, false, true},
		{"src/build", true, false, false},
		{"docs/a.md", false, true, true},
		{"docs/sub/a.md", false, false, false},
		{"cache", true, true, true},
		{"cache", false, false, false},
		{"x/cache/y", false, false, true},
		{"home/.aws/credentials", false, true, true},
		{"home/.aws", true, false, false},
		{"certs/server.pem", false, true, true},
		{"src/main.go", false, false, false},
	}
	for _, h := range hidden {
		if got := p.Hidden(h.rel, h.dir); got != h.want {
			t.Errorf("Hidden(%q, %v) = %v", h.rel, h.dir, got)
		}
		if got := p.HiddenPath(h.rel, h.dir); got != h.whole {
			t.Errorf("HiddenPath(%q, %v) = %v", h.rel, h.dir, got)
		}
	}
	for rel, want := range map[string]bool{
		".git": true, ".git/config": true, "sub/.git/HEAD": true, "vendor/x.go": true,
		"src/vendor/x.go": false, "go.sum": true, "a/go.sum": true, "go.mod": false,
	} {
		if got := p.Protected(rel, false); got != want {
			t.Errorf("Protected(%q) = %v", rel, got)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, bad := range [][]string{{"[abc"}, {""}, {"/"}, {"{a,b"}} {
		if _, err := New(bad, nil); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
	if _, err := New(DefaultHide, nil); err != nil {
		t.Errorf("DefaultHide: %v", err)
	}
}

func TestParseFile(t *testing.T) {
	hide, protect, err := ParseFile([]byte("# secrets\nhide .env\n\nprotect .git\nhide  *.key \n"))
	if err != nil || len(hide) != 2 || hide[1] != "*.key" || len(protect) != 1 {
		t.Errorf("got %q %q %v", hide, protect, err)
	}
	if _, _, err := ParseFile([]byte("hidden .env\n")); err == nil {
		t.Error("unknown key accepted")
	}
	if _, _, err := ParseFile([]byte("hide\n")); err == nil {
		t.Error("missing pattern accepted")
	}
}

// HiddenEntry agrees with Hidden on every entry.
func TestHiddenEntry(t *testing.T) {
	p, err := New(append([]string{"/build", "docs/*.md", "cache/", "a/b/c", "x*/y"}, DefaultHide...), nil)
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{"", "build", "docs", "a", "a/b", "src/.aws", "src/.aws/x", ".ssh", "x1", "deep/docs", "home/.kube"}
	names := []string{"build", "x.md", "c", "cache", ".env", ".env.local", "key.pem", "config", "y", "id_rsa.pub", "main.go", "credentials.json"}
	for _, d := range dirs {
		for _, n := range names {
			for _, isDir := range []bool{false, true} {
				rel := n
				if d != "" {
					rel = d + "/" + n
				}
				if got, want := p.HiddenEntry(d, n, isDir), p.Hidden(rel, isDir); got != want {
					t.Errorf("HiddenEntry(%q, %q, %v) = %v, Hidden(%q) = %v", d, n, isDir, got, rel, want)
				}
			}
		}
	}
}

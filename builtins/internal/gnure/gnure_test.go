package gnure

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sandsh/sandsh/internal/hostrun"
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		pat  string
		syn  Syntax
		want string
	}{
		{`a\(b\)*c`, Basic, `a(b)*c`},
		{`a(b)*c`, Basic, `a\(b\)*c`},
		{`a(b)*c`, Extended, `a(b)*c`},
		{`*a`, Basic, `\*a`},
		{`^*a`, Basic, `^\*a`},
		{`\(*a\)`, Basic, `(\*a)`},
		{`a\{2,3\}`, Basic, `a{2,3}`},
		{`a{2,3}`, Basic, `a\{2,3\}`},
		{`a{2,3}`, Extended, `a{2,3}`},
		{`a{,3}`, Extended, `a{0,3}`},
		{`a{x`, Extended, `a\{x`},
		{`a**`, Basic, `(?:a*)*`},
		{`a+?`, Extended, `(?:a+)?`},
		{`a\+\?`, Basic, `(?:a+)?`},
		{`a^b$c`, Basic, `a\^b\$c`},
		{`x\|^a$`, Basic, `x|^a$`},
		{`[]a]`, Basic, `[\x5da]`},
		{`[^]a-c]`, Basic, `[^\x5da-c]`},
		{`[[:alpha:]_]`, Extended, `[[:alpha:]\x5f]`},
		{`[a\]`, Basic, `[a\x5c]`},
		{`\<w\>`, Basic, `\bw\b`},
		{`a.b`, Basic, `a.b`},
	}
	for _, tt := range tests {
		got, err := Translate(tt.pat, tt.syn)
		if err != nil || got != tt.want {
			t.Errorf("Translate(%q, %d) = %q, %v; want %q", tt.pat, tt.syn, got, err, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		pat  string
		syn  Syntax
		want error
	}{
		{`\(a\)\1`, Basic, ErrBackref},
		{`(a)\1`, Extended, ErrBackref},
		{`[a`, Basic, errBracket},
		{`\(a`, Basic, errParen},
		{`(a`, Extended, errParen},
		{`a\)`, Basic, errRParen},
		{`a\{1`, Basic, errBrace},
		{`a\{x\}`, Basic, errBraceBad},
		{`a\{3,1\}`, Basic, errBraceBad},
		{`[z-a]`, Basic, errRange},
		{`[[:nope:]]`, Basic, errClass},
		{`a\`, Basic, errTrailing},
	}
	for _, tt := range tests {
		_, err := Translate(tt.pat, tt.syn)
		if !errors.Is(err, tt.want) {
			t.Errorf("Translate(%q) error = %v; want %v", tt.pat, err, tt.want)
		}
	}
}

// TestAgainstGrep compares what grep -o prints for each pattern with the
// translated regexp's matches: the same lines, the same leftmost-longest
// matches, and the same verdict on invalid patterns.
func TestAgainstGrep(t *testing.T) {
	lines := []string{
		"abc", "aabbcc", "a+b", "a*b", "a{2}", "aa", "x|y", "(ab)", "foo bar baz",
		"foo_bar", "  indented", "tab\there", "a.b", "a^b", "a$b", "$HOME", "^caret",
		"ab ab ab", "xyzzy", "123-456", "]bracket[", "back\\slash", "", "end.",
		"word wordy sword", "ABC abc AbC", "color colour", "a-b_c", "x{1,2}",
	}
	cases := []struct {
		pat string
		ere bool
	}{
		{`a*b`, false}, {`a\+b`, false}, {`a+b`, false}, {`a+b`, true},
		{`a\{2\}`, false}, {`a{2}`, false}, {`a{2}`, true}, {`x|y`, false},
		{`x\|y`, false}, {`x|y`, true}, {`(ab)`, false}, {`\(ab\)`, false},
		{`(ab)`, true}, {`\(ab\)`, true}, {`^foo`, false}, {`baz$`, false},
		{`a^b`, false}, {`a$b`, false}, {`^\$`, false}, {`\^c`, true},
		{`*b`, false}, {`*b`, true}, {`[]b[]`, false}, {`[^a-z ]`, false},
		{`[[:digit:]]\+`, false}, {`[[:space:]]`, true}, {`[[:upper:]]`, true},
		{`\<word\>`, false}, {`\bab\b`, true}, {`\w\+`, false}, {`\W`, true},
		{`a\.b`, false}, {`a.b`, false}, {`.`, true}, {`colou\?r`, false},
		{`colou?r`, true}, {`(ab|a)(b*)`, true}, {`a|ab|abc`, true},
		{`x{1,2}`, true}, {`x\{1,2\}`, false}, {`[\]`, false}, {`back\\`, false},
		{`[a-c]*`, true}, {`a**`, false}, {`(a*)+`, true}, {`\(a*\)*b`, false},
		{`[.]`, false}, {`[$^]`, true}, {`\`, false}, {`[z-a]`, true},
		{`a\{1`, false}, {`(a`, true}, {`a)`, true}, {`[[:foo:]]`, true},
		{`\(a\)\1`, false}, {`x{,2}`, true}, {`+b`, true},
		{`a|*b`, true}, {`[:space:]`, false}, {`\t`, false}, {`a\ b`, false}, {`[[.a.]-c]`, false},
		{`[[=a=]]b`, false}, {`a\{0\}b`, false}, {`\(\)`, false}, {`()a`, true},
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "in"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		args := []string{"-o", "-n", "-G", "-e", c.pat, "in"}
		syn := Basic
		if c.ere {
			args[2], syn = "-E", Extended
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := hostrun.Command(ctx, dir, "grep", args...)
		out, err := cmd.Output()
		cancel()
		status := 0
		if err != nil {
			var ee interface{ ExitCode() int }
			if errors.As(err, &ee) {
				status = ee.ExitCode()
			} else {
				t.Fatalf("grep: %v", err)
			}
		}
		re, cerr := Compile(c.pat, Options{Syntax: syn})
		if errors.Is(cerr, ErrBackref) {
			continue // refused on purpose; TestErrors covers it
		}
		if status == 2 {
			if cerr == nil {
				t.Errorf("%q (ere=%v): grep rejects it, we compile %v", c.pat, c.ere, re)
			}
			continue
		}
		if cerr != nil {
			t.Errorf("%q (ere=%v): grep accepts it, we fail: %v", c.pat, c.ere, cerr)
			continue
		}
		var b strings.Builder
		for i, l := range lines {
			for _, m := range re.FindAllStringIndex(l, -1) {
				if m[1] > m[0] {
					fmt.Fprintf(&b, "%d:%s\n", i+1, l[m[0]:m[1]])
				}
			}
		}
		if got := b.String(); got != string(out) {
			t.Errorf("%q (ere=%v) as %s:\ngrep:\n%s\nours:\n%s", c.pat, c.ere, re, out, got)
		}
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		pat  string
		syn  Syntax
		want string
	}{
		{`*a`, Extended, "* at start of expression"},
		{`a|+b`, Extended, "+ at start of expression"},
		{`{2}a`, Extended, "{...} at start of expression"},
		{`\t`, Basic, `stray \ before t`},
		{`a\ b`, Extended, `stray \ before white space`},
		{`*a`, Basic, ""},
		{`\.\*\w`, Basic, ""},
	}
	for _, tt := range tests {
		_, w, err := TranslateWarn(tt.pat, tt.syn)
		if err != nil || strings.Join(w, ";") != tt.want {
			t.Errorf("TranslateWarn(%q) = %q, %v; want %q", tt.pat, w, err, tt.want)
		}
	}
}

// FuzzTranslate checks that translation never panics and that whatever it
// accepts, RE2 accepts too.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{`a\(b\)*c`, `[[:alpha:]]+`, `x{1,2}`, `a\{3\}`, `[]a-]`, `(a|b)*?`, `\<w\>`} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, pat string, ere bool) {
		syn := Basic
		if ere {
			syn = Extended
		}
		expr, err := Translate(pat, syn)
		if err != nil {
			return
		}
		if _, err := regexp.Compile(expr); err != nil && !strings.Contains(err.Error(), "invalid UTF-8") {
			t.Fatalf("Translate(%q, ere=%v) = %q, which RE2 rejects: %v", pat, ere, expr, err)
		}
	})
}

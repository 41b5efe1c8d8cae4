package shell_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

// benchPatterns are 20 patterns of the kinds people write, none of which
// matches the benchmark tree, so both runs do the same work.
var benchPatterns = []string{
	".env", ".env.*", "*.pem", "*.key", "id_rsa*", "**/.aws/**", "**/.ssh/**", ".npmrc", ".netrc",
	".git-credentials", "/secrets", "config/*.secret", "*.p12", "credentials.json", "**/private/**",
	"*.keystore", ".htpasswd", "/build/", "node_modules/.cache/", "**/*.tfstate",
}

// policyTree writes 10,000 files in 100 directories of 100.
func policyTree(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "proj")
	for d := 0; d < 100; d++ {
		sub := filepath.Join(dir, fmt.Sprintf("pkg%02d", d/10), fmt.Sprintf("mod%02d", d))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := 0; f < 100; f++ {
			data := fmt.Sprintf("package mod%d\n\n// file %d\nfunc F%d() {}\n", d, f, f)
			if f == 42 {
				data += "// needle\n"
			}
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%03d.go", f)), []byte(data), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir
}

// BenchmarkPolicy runs find and grep -r over the tree with no policy and
// with 20 patterns; compare the ns/op of the pairs (README, Benchmarks).
func BenchmarkPolicy(b *testing.B) {
	dir := policyTree(b)
	for _, script := range []struct{ name, src string }{
		{"find", "find . -type f -name '*.go' | wc -l"},
		{"grep-r", "grep -rl needle . | wc -l"},
	} {
		for _, pol := range []struct {
			name string
			hide []string
		}{{"none", nil}, {"20patterns", benchPatterns}} {
			b.Run(script.name+"/"+pol.name, func(b *testing.B) {
				sess, err := shell.New(shell.Options{Dir: dir, Hide: pol.hide, Protect: pol.hide, NoConfigFile: true})
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					var out, errb bytes.Buffer
					res := sess.Run(b.Context(), shell.Request{Script: script.src, Stdout: &out, Stderr: &errb})
					if res.ExitCode != 0 {
						b.Fatalf("exit %d: %s", res.ExitCode, errb.String())
					}
				}
			})
		}
	}
}

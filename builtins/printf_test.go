package builtins_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/builtins"
	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/internal/hostrun"
)

func TestPrintf(t *testing.T) {
	pf := func(args ...string) bt.Case { return bt.Case{Args: append([]string{"printf"}, args...)} }
	cases := []bt.Case{
		pf("hello\n"),
		pf("%s-%s\n", "a", "b", "c"),
		pf("%d %i\n", "42", "-7"),
		pf("%o %u %x %X\n", "8", "10", "255", "255"),
		pf("%u %x\n", "-1", "-1"),
		pf("%5d|%-5d|%05d|%+d|% d|%+5d\n", "42", "42", "42", "5", "5", "-3"),
		pf("%.3d|%8.3d|%-8.3d|%08.3d|%.0d|\n", "7", "7", "7", "7", "0"),
		pf("%#o %#x %#X %#o %#x\n", "8", "255", "255", "0", "0"),
		pf("%d %d %d %d %d\n", "0x1F", "010", "'a", "\"b", " 12"),
		pf("%d\n", "'ab"),
		pf("%d\n", "abc"),
		pf("%d|%d\n", "12abc", "3"),
		pf("%d\n", "99999999999999999999"),
		pf("%d\n", "-99999999999999999999"),
		pf("%u\n", "99999999999999999999"),
		pf("%d\n", "0x"),
		pf("%d %s\n", "", ""),
		pf("%d %d\n", "1"),
		pf("%f %F %e %E\n", "3.14159", "2.5", "12345.678", "0.000123"),
		pf("%g %g %g %g %G\n", "100000", "1000000", "0.0001", "0.00001", "1e20"),
		pf("%#g %#.3g %.3g %.10g %g\n", "1", "1", "1234567", "0.1", "0"),
		pf("%.0f %.0f %.0f %.0f\n", "0.5", "1.5", "2.5", "-0.5"),
		pf("%.20f %.20g\n", "0.1", "0.1"),
		pf("%10.3f|%-10.3f|%010.3f|%+.2e|% f\n", "3.14159", "3.14159", "-3.14159", "12345", "1"),
		pf("%a %a %a %A %a\n", "1", "0.1", "-2.5", "255", "0"),
		pf("%.2a %.0a %#a %.1a\n", "1", "1.5", "1", "0.96875"),
		pf("%f %F %e %g %5.1f|%-6f|%06f\n", "inf", "-inf", "nan", "-nan", "inf", "nan", "inf"),
		pf("%f %f %f\n", "0x10", "1e3", "  7"),
		pf("%f\n", "1e5000"),
		pf("%f\n", "1.5x"),
		pf("%.3e %e\n", "0", "1e-320"),
		pf("%s|%5s|%-5s|%.2s|%5.1s|\n", "ab", "ab", "ab", "abc", "xyz"),
		pf("%c%c%c|%3c|%-3c|\n", "abc", "d", "", "x", "y"),
		pf("%*d|%-*d|%.*f|%*.*f|\n", "4", "1", "4", "1", "2", "3.14159", "8", "3", "2.71828"),
		pf("%*d|%.*d|\n", "-4", "1", "-2", "5"),
		pf("%*d|\n", "x", "1"),
		pf("%*d|\n", "99999999999", "1"),
		pf("%.*d|\n", "99999999999", "1"),
		pf("%s %s\n", "a", "b", "c", "d", "e"),
		pf("%s\n"),
		pf("x\n", "extra"),
		pf("x\n", "extra", "more"),
		pf("%%|%5%|\n"),
		pf("100%"),
		pf("%5"),
		pf("%z\n", "1"),
		pf("%y\n", "1"),
		pf("%#d\n", "1"),
		pf("%0s\n", "1"),
		pf("%.2c\n", "1"),
		pf("%'d\n", "1234567"),
		pf("%'x\n", "1"),
		pf("%ld %lld %hd %jd %zd %Lf %lu\n", "1", "2", "3", "4", "5", "6", "7"),
		pf(`a\tb\nc\\d\"e\a\b\f\r\v\e|` + "\n"),
		pf(`\101\102\0103\7\08|\x41\x4a4\xZ`),
		pf(`\x`),
		pf(`\q\%|\` + "\n"),
		pf(`\u00e9|\u20ac|\U0001F600|\u0024\u0040` + "\n"),
		pf(`\u0041`),
		pf(`\ud800`),
		pf(`\u12`),
		pf(`ab\cde`),
		pf(`%s\c%s`, "x", "y"),
		pf("%b|%b|%b\n", `a\tb`, `\0101\101\x41`, `\n\\\q`),
		pf("%b|%s\n", `stop\cthere`, "never"),
		pf("%b\n", `\u00e9\x`),
		pf("%5b|\n", "x"),
		pf("%q|%q|%q|%q|%q\n", "a b", "it's", "a\nb", "", "~x"),
		pf("%q %q %q %q\n", "plain", "a=b", "$x", "\x01\xe9"),
		pf("%s\n", "--help"),
		pf("--version", "x"),
		pf("--", "%s\n", "x"),
		pf("-x\n"),
		pf(),
		{Name: "posix char const", Args: []string{"printf", "%d\n", "'ab"}, Env: []string{"POSIXLY_CORRECT=1"}},
		{Args: []string{"printf", "--help"}, HelpOnly: true},
		pf("%d %s %d\n", "1", "a", "2", "b"),
		pf("%i%%\n", "50", "60"),
		pf("%-+6d|%+-6d|% 06d\n", "3", "4", "5"),
		pf("%x %o\n", "'A", "'\n"),
		pf("%.3s|%-8.3s|\n", "abcdef", "abcdef"),
		pf("%e\n", "-0"),
		pf("%G %E\n", "1e-10", "inf"),
		pf("%.15g %.17g %.18g\n", "0.1", "0.1", "0.1"),
		pf("%.30f\n", "1e-25"),
		pf("%f %g\n", "1e300", "1e300"),
		pf("%f\n", "0x1.8p1"),
		pf("%d %d\n", "+5", "-0"),
		pf("%s\n", "nested %d"),
		pf("%u\n", "-0x10"),
	}
	bt.RunAll(t, cases)
}

// TestPrintfBash compares PrintfBash with bash's builtin printf.
func TestPrintfBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("no bash in PATH")
	}
	cases := [][]string{
		{"%q\n", "a b", "it's", "a\nb", "", "~x", "a=b", "a:~b", "x=~", "#c", "a#b", "a,b"},
		{"%q\n", "!\"$&()*;<>?[\\]^`{|}", "tab\tx", "\x1b\x01\x7f\xe9", "a'b\\", "%+-./:@_="},
		{"%5q|%-6b|%.2q|%3b|%-4q|\n", "a", "x\\ty", "abc", "ab", "b"},
		{"%(%Y-%m-%d)T|%(%s)T|%(%H:%M:%S)T|\n", "0", "86400", "3600"},
		{"%(%F %T %z %Z %j %a %b)T\n", "1700000000"},
		{"%20(%F)T|%-12(%H)T|%.4(%Y-%m)T|\n", "0", "0", "0"},
		{"%()T|\n", "0"},
		{"%d %s\n", "1", "a", "2"},
		{"%d\n", "abc"},
		{"%d\n", "12x"},
		{"%b|%s\n", "a\\tb\\c", "x"},
		{"\\u00e9\\u0041|\n"},
		{"%T\n", "1"},
		{"%f %.3e %g\n", "3.5", "1234", "0.0001"},
		{"%x %#o %05d\n", "255", "8", "-42"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			cmd := hostrun.Command(context.Background(), dir, bash,
				append([]string{"-c", `printf "$@"`, "printf"}, args...)...)
			cmd.Env = append(cmd.Env, "LC_ALL=C", "TZ=UTC", "PATH="+os.Getenv("PATH"))
			var wo, we bytes.Buffer
			cmd.Stdout, cmd.Stderr = &wo, &we
			status := 0
			if err := cmd.Run(); err != nil {
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatal(err)
				}
				status = ee.ExitCode()
			}
			var go_, ge bytes.Buffer
			env := map[string]string{"LC_ALL": "C", "TZ": "UTC"}
			c := &builtins.Context{Ctx: context.Background(), Dir: "/", Args: append([]string{"printf"}, args...),
				Stdin: strings.NewReader(""), Stdout: &go_, Stderr: &ge}
			c.WithEnv(env)
			got := builtins.PrintfBash(c)
			if wo.String() != go_.String() {
				t.Errorf("stdout: bash %q, builtin %q", wo.String(), go_.String())
			}
			// bash prefixes its messages with "bash: printf: " or
			// "printf: "; compare the rest.
			norm := func(s string) string {
				return strings.ReplaceAll(s, "printf: line 1: ", "")
			}
			if norm(we.String()) != norm(ge.String()) {
				t.Errorf("stderr: bash %q, builtin %q", we.String(), ge.String())
			}
			if status != got {
				t.Errorf("status: bash %d, builtin %d", status, got)
			}
		})
	}
}

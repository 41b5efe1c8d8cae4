package builtins_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/internal/hostrun"
	"github.com/sandsh/sandsh/shell"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// awkSyntaxText keeps the location and the source line of a syntax error
// report and drops the caret line, whose wording is GoAWK's.
func awkSyntaxText(s string) string {
	return regexp.MustCompile(`(?m)^(awk: [^:]*:\d+: ) *\^.*$`).ReplaceAllString(s, "${1}^")
}

// awkUsageText keeps the first two lines of the usage text (sandsh's
// lists fewer options).
func awkUsageText(s string) string {
	i := strings.Index(s, "Usage:")
	if i < 0 {
		return s
	}
	lines := strings.SplitAfter(s[i:], "\n")
	if len(lines) > 2 {
		lines = lines[:2]
	}
	return s[:i] + strings.Join(lines, "")
}

func TestAwk(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a.txt", "alpha 1 x\nbeta 2 y\ngamma 3 z\n"),
		bt.File("b.txt", "one two\nthree four\n"),
		bt.File("nonl.txt", "last line"),
		bt.File("empty.txt", ""),
		bt.File("colon.txt", "root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/sh\n"),
		bt.File("tabs.txt", "a b\tc d\te\n1\t2\t3\n"),
		bt.File("csvish.txt", "a,b,,d\n,x,\n"),
		bt.File("nums.txt", "10\n2.5\n-3\n1e3\n0x10\n abc\n"),
		bt.File("paras.txt", "p1 l1\np1 l2\n\n\np2 l1\n\np3\n"),
		bt.File("prog.awk", "BEGIN { FS = \":\" }\n{ print $1 }\nEND { print NR \" lines\" }\n"),
		bt.File("lib.awk", "function double(x) { return 2 * x }\n"),
		bt.File("main.awk", "{ print double($2) }\n"),
		bt.File("bad.awk", "BEGIN { print \"x\"\nprint 1+ }\n"),
		bt.File("dup.txt", "b\na\nb\nc\na\n"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		// Basics, fields and records.
		{Args: []string{"awk", "{print $1}", "a.txt"}},
		{Args: []string{"awk", "{print $NF, NF}", "a.txt", "b.txt"}},
		{Args: []string{"awk", "{print}"}, Stdin: "from stdin\n"},
		{Args: []string{"awk", "{print FILENAME, FNR, NR}", "a.txt", "b.txt"}},
		{Args: []string{"awk", "{print FILENAME, FNR, NR}", "a.txt", "-", "b.txt"}, Stdin: "s1\ns2\n"},
		{Args: []string{"awk", "{print FILENAME \":\" $0}"}, Stdin: "x\n"},
		{Args: []string{"awk", "END{print NR, $0}", "nonl.txt"}},
		{Args: []string{"awk", "{print NR\": \"$0}", "nonl.txt", "a.txt"}},
		{Args: []string{"awk", "END{print NR}", "empty.txt"}},
		{Args: []string{"awk", "{print}"}, Stdin: ""},
		{Args: []string{"awk", "NR==2", "a.txt"}},
		{Args: []string{"awk", " /eta/", "a.txt"}},
		{Args: []string{"awk", "!/eta/{print $2}", "a.txt"}},
		{Args: []string{"awk", "NR==1,NR==2{print $1}", "a.txt"}},
		{Args: []string{"awk", " /beta/,0", "a.txt"}},
		{Args: []string{"awk", "$2 > 1 {s += $2} END {print s}", "a.txt"}},
		{Args: []string{"awk", "{$2 = \"X\"; print; print NF}", "a.txt"}},
		{Args: []string{"awk", "{$5 = \"E\"; print; print NF}", "b.txt"}},
		{Args: []string{"awk", "{NF = 1; print}", "a.txt"}},
		{Args: []string{"awk", "{$0 = \"p q r\"; print $2, NF}", "b.txt"}},
		{Args: []string{"awk", "!seen[$0]++", "dup.txt"}},
		{Args: []string{"awk", "{a[$1]++} END {for (k in a) print k, a[k]}", "dup.txt"}, SortStdout: true},
		{Args: []string{"awk", "{ print length() }", "a.txt", "nonl.txt"}},
		{Args: []string{"awk", "{ print length }", "b.txt"}},
		// Separators.
		{Args: []string{"awk", "-F:", "{print $1, $7}", "colon.txt"}},
		{Args: []string{"awk", "-F", ":", "{print $3}", "colon.txt"}},
		{Args: []string{"awk", "-F", "\\t", "{print $2}", "tabs.txt"}},
		{Args: []string{"awk", "-F\t", "{print $3}", "tabs.txt"}},
		{Args: []string{"awk", "-Ft", "{print $2}", "tabs.txt"}},
		{Args: []string{"awk", "-F", "t", "{print $1}", "tabs.txt"}},
		{Args: []string{"awk", "-F", "[:/]+", "{print $6, $7}", "colon.txt"}},
		{Args: []string{"awk", "-F,", "{print NF; for (i = 1; i <= NF; i++) printf \"[%s]\", $i; print \"\"}", "csvish.txt"}},
		{Args: []string{"awk", "--field-separator=:", "{print $5}", "colon.txt"}},
		{Args: []string{"awk", "-F", "", "{print $1, $3, NF}", "b.txt"}},
		{Args: []string{"awk", "BEGIN{FS=\",\"} {print $2}", "csvish.txt"}},
		{Args: []string{"awk", "BEGIN{OFS=\"-\"} {$1=$1; print}", "a.txt"}},
		{Args: []string{"awk", "BEGIN{ORS=\"|\"} {print $1}", "a.txt"}},
		{Args: []string{"awk", "BEGIN{RS=\"\"} {print NR\": \"$1, NF}", "paras.txt"}},
		{Args: []string{"awk", "BEGIN{RS=\"\"; FS=\"\\n\"} {print $2}", "paras.txt"}},
		{Args: []string{"awk", "BEGIN{RS=\";\"} {print NR, $0}"}, Stdin: "a;b;c\n"},
		{Args: []string{"awk", "{print $1}", "FS=:", "colon.txt"}},
		// -v and var=value operands.
		{Args: []string{"awk", "-v", "x=5", "BEGIN{print x + 1}"}},
		{Args: []string{"awk", "-vname=world", "BEGIN{print \"hello \" name}"}},
		{Args: []string{"awk", "-v", "s=a\\tb\\n", "BEGIN{printf \"%s|\", s}"}},
		{Args: []string{"awk", "-v", "x=1", "-v", "y=2", "BEGIN{print x, y}"}},
		{Args: []string{"awk", "--assign=v=3", "BEGIN{print v}"}},
		{Args: []string{"awk", "{print v, $1}", "v=1", "a.txt", "v=2", "b.txt"}},
		{Args: []string{"awk", "BEGIN{print v} END{print v}", "v=7", "empty.txt"}},
		{Args: []string{"awk", "{print x}", "x=a\\tb", "nonl.txt"}},
		{Args: []string{"awk", "-v", "1x=2", "BEGIN{}"}},
		{Args: []string{"awk", "-v", "x", "BEGIN{}"}, NormalizeStderr: awkUsageText},
		// -f and -e, --.
		{Args: []string{"awk", "-f", "prog.awk", "colon.txt"}},
		{Args: []string{"awk", "-fprog.awk", "colon.txt"}},
		{Args: []string{"awk", "--file=prog.awk", "colon.txt"}},
		{Args: []string{"awk", "-f", "lib.awk", "-f", "main.awk", "a.txt"}},
		{Args: []string{"awk", "-f", "-", "a.txt"}, Stdin: "{print $3}\n"},
		{Args: []string{"awk", "-e", "BEGIN{print 1}", "-e", "BEGIN{print 2}"}},
		{Args: []string{"awk", "-f", "missing.awk"}},
		{Args: []string{"awk", "--", "{print $2}", "a.txt"}},
		{Args: []string{"awk", "-F:", "--", "{print $2}", "colon.txt"}},
		// Builtin functions.
		{Args: []string{"awk", `BEGIN{print substr("hello",2,3), substr("hello",0,2), substr("hello",-1), substr("hello",4), substr("hello",10) "|"}`}},
		{Args: []string{"awk", `BEGIN{print length("abc"), length(""), length(12345), index("abcabc","ca"), index("abc","z")}`}},
		{Args: []string{"awk", `BEGIN{n = split("a:b:c", arr, ":"); print n, length(arr), arr[1], arr[3]}`}},
		{Args: []string{"awk", `BEGIN{n = split("  a  b  ", arr); print n, "[" arr[1] "]", "[" arr[2] "]"}`}},
		{Args: []string{"awk", `BEGIN{n = split("a1b22c", arr, /[0-9]+/); print n, arr[2], arr[3]}`}},
		{Args: []string{"awk", `BEGIN{n = split("", arr); print n, length(arr)}`}},
		{Args: []string{"awk", `BEGIN{s = "aaa"; n = gsub(/a/, "b", s); print n, s}`}},
		{Args: []string{"awk", `{gsub(/o/, "0"); print}`}, Stdin: "foo boo\nbar\n"},
		{Args: []string{"awk", `{sub(/o+/, "[&]"); print}`}, Stdin: "foo boo\n"},
		{Args: []string{"awk", `{gsub(/o/, "\\&"); print}`}, Stdin: "foo\n"},
		{Args: []string{"awk", `{n = gsub(/x*/, "-"); print n, $0}`}, Stdin: "abc\n"},
		{Args: []string{"awk", `BEGIN{print match("foobar", /o+/), RSTART, RLENGTH; print match("abc", /z/), RSTART, RLENGTH}`}},
		{Args: []string{"awk", `BEGIN{print toupper("abc xyz 1"), tolower("ABC Xyz")}`}},
		{Args: []string{"awk", `BEGIN{printf "%5.2f|%-4s|%03d|%x|%X|%o|%e|%i|%5s|%-5d|%c%c\n", 3.14159, "ab", 7, 255, 255, 8, 1234.5, 3.9, "r", 42, 65, "hello"}`}},
		{Args: []string{"awk", `BEGIN{printf "%s %d%%\n", "done", 100; printf "no newline"}`}},
		{Args: []string{"awk", `BEGIN{x = sprintf("%05.1f|%+d|% d", 3.14159, 5, 7); print x}`}},
		{Args: []string{"awk", `BEGIN{printf "%*d|%-*s|\n", 5, 42, 4, "ab"}`}},
		{Args: []string{"awk", `BEGIN{printf "%c", 256; printf "%c\n", ""}`}},
		{Args: []string{"awk", `BEGIN{print int(3.9), int(-3.9), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1)}`}},
		{Args: []string{"awk", `BEGIN{print 1/3, 100000 * 100000, 1e6, 1e16, 0.1 + 0.2, 2^10, 2**3, 7 % 3, -7 % 3}`}},
		{Args: []string{"awk", `BEGIN{OFMT = "%.2f"; x = 3.14159; print x; print x ""; CONVFMT = "%.3f"; print x ""}`}},
		{Args: []string{"awk", `{print $1 + 0}`, "nums.txt"}},
		{Args: []string{"awk", `{print ($1 < 5) ? "small" : "big"}`, "nums.txt"}},
		{Args: []string{"awk", `BEGIN{x[1]; x[2]; print length(x); delete x[1]; print length(x); delete x; print length(x)}`}},
		{Args: []string{"awk", `BEGIN{a["x"] = 1; if ("x" in a) print "yes"; if (!("y" in a)) print "no"; print length(a)}`}},
		{Args: []string{"awk", `BEGIN{a[1,2] = 3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2]}}`}},
		{Args: []string{"awk", `function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN{print f(10)}`}},
		{Args: []string{"awk", `function g(arr, k) { arr[k] = k * 2 } BEGIN{g(a, 3); print a[3]}`}},
		{Args: []string{"awk", `BEGIN{srand(1); x = rand(); print (x >= 0 && x < 1)}`}},
		{Args: []string{"awk", `BEGIN{while (i < 3) {i++; if (i == 2) continue; print i}; do {j++} while (j < 5); print j}`}},
		{Args: []string{"awk", `NR == 2 {next} {print} NR == 3 {exit} END {print "end"}`, "a.txt"}},
		{Args: []string{"awk", `FNR == 2 {nextfile} {print FILENAME, $0}`, "a.txt", "b.txt"}},
		{Args: []string{"awk", `BEGIN{exit 3} END{print "end"}`}},
		{Args: []string{"awk", `{exit $2} END{exit}`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{print ENVIRON["FOO"], length(ENVIRON["NOPE"])}`}, Env: []string{"FOO=bar"}},
		{Args: []string{"awk", `BEGIN{print ARGC; for (i = 0; i < ARGC; i++) print i, ARGV[i]}`, "x", "y=1"}},
		{Args: []string{"awk", `BEGIN{ARGV[1] = "b.txt"} {print}`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{ARGV[1] = ""} {print}`, "missing", "b.txt"}},
		{Args: []string{"awk", `BEGIN{"x" ~ "y"; print ("abc" ~ /^a/), ("abc" ~ "c$"), ("a.c" ~ /a\.c/), ("abc" !~ /b/)}`}},
		{Args: []string{"awk", `$1 ~ /^[[:alpha:]]+$/ {print $1} $1 ~ /^[[:digit:].]+$/ {print "num", $1}`, "nums.txt"}},
		{Args: []string{"awk", `BEGIN{s = "x"; s = s s s; print s; print 1 " " 2, 3 4}`}},
		{Args: []string{"awk", `BEGIN{print substr("hello", 2)}; {print}`}, Stdin: "in\n"},
		{Args: []string{"awk", `BEGIN { printf "a\tb\\n\n"; print "q\"q", "back\\slash" }`}},
		{Args: []string{"awk", `BEGIN{x["a"]; print length(x); n = split("z y x", arr); for (i = n; i > 0; i--) printf "%s ", arr[i]; print ""}`}},
		{Args: []string{"awk", `{ $3 = ""; print; print NF }`, "a.txt"}},
		{Args: []string{"awk", `BEGIN { print -0, 1e300*1e300, -1e300*1e300, "+inf" + 0, "inf" + 0, "-nan" + 0, "0x1A" + 0, 0x1A, 017 }`}},
		{Args: []string{"awk", `BEGIN { print index("", ""), 010 + 0, "010" + 0, "3x" + 1, ".5" + 0 }`}},
		{Args: []string{"awk", `BEGIN{n = split("a.b.c", arr, "."); print n, arr[2]; n = split("a|b", arr, "|"); print n, arr[2]}`}},
		{Args: []string{"awk", `{print $(NF-1), $NF}`, "a.txt"}},
		{Args: []string{"awk", "-v", "OFS=,", `{$1 = $1} 1`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{printf "%c|%c|%c", 228, 65.7, "ABC"; printf "%d %d\n", "0x1A", "12abc"}`}},
		{Args: []string{"awk", `BEGIN{print substr("hello", 1.5, 2.3), substr("hello", 2, -1) "|"}`}},
		{Args: []string{"awk", `BEGIN{print length("héllo"), toupper("é"), index("héllo", "l")}`}},
		{Args: []string{"awk", `BEGIN{re = "\\."; print ("a.b" ~ re), ("ab" ~ re); print ("a+b" ~ /a\+b/)}`}},
		{Args: []string{"awk", `BEGIN{if (x == 0 && x == "") print "uninit"; print x + 0, "[" x "]"}`}},
		{Args: []string{"awk", `{print ($1 < $2), ($1 < "10")}`}, Stdin: "9 10\nabc abd\n"},
		{Args: []string{"awk", `BEGIN{printf "%.3s|%10.4f|%-10e|%G\n", "abcdef", 3.14159265, 12345.678, 0.0001}`}},
		{Args: []string{"awk", `BEGIN{x = 2147483648 * 4; print x, x * x, 1e30, -2^70, int(x / 3); printf "%d %i\n", x * 1000, -x}`}},
		{Args: []string{"awk", `{sum[$1] += $2} END {n = 0; for (k in sum) n++; print n}`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{s = "The Quick"; gsub(/[A-Z]/, "(&)", s); print s; t = "aaa"; sub("a", "b", t); print t}`}},
		{Args: []string{"awk", `BEGIN{print index("abc", ""), length(), substr("abc", 0), substr("abc", -1, 3)}`}},
		{Args: []string{"awk", `BEGIN { getline line < "a.txt"; split(line, f); print f[2] }`}},
		{Args: []string{"awk", `{ lines[NR] = $0 } END { for (i = NR; i >= 1; i--) print lines[i] }`, "a.txt"}},
		{Args: []string{"awk", `BEGIN { printf("%s=%d\n", "x", 3) }`}},
		{Args: []string{"awk", ` /^b/ { print NR": "$0; next } { print "other" }`, "a.txt"}},
		// getline, close, files and pipes.
		{Args: []string{"awk", `BEGIN{while ((getline line < "a.txt") > 0) n++; print n, line}`}},
		{Args: []string{"awk", `BEGIN{print (getline line < "missing"); print (getline line < "d")}`}},
		{Args: []string{"awk", `NR == 1 {getline; print "after getline:", $0, NR} END {print NR}`, "a.txt"}},
		{Args: []string{"awk", `NR == 1 {getline x; print "x=" x, "$0=" $0, NR}`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{getline l < "a.txt"; print l; close("a.txt"); getline l < "a.txt"; print l}`}},
		{Args: []string{"awk", `BEGIN{getline; print "first:", $0} {print "rest:", $0}`}, Stdin: "1\n2\n3\n"},
		{Args: []string{"awk", `BEGIN{while ((getline l < "-") > 0) print "got", l}`}, Stdin: "a\nb\n"},
		{Args: []string{"awk", `{print $1 > "out.txt"} END{close("out.txt"); while ((getline l < "out.txt") > 0) print "read", l}`, "a.txt"}},
		{Args: []string{"awk", `{print > ($2 ".txt")}`, "a.txt"}},
		{Args: []string{"awk", `BEGIN{print "one" > "o.txt"; print "two" > "o.txt"; close("o.txt"); print "three" >> "o.txt"}`}},
		{Args: []string{"awk", `BEGIN{print "new" > "a.txt"}`}},
		{Args: []string{"awk", `BEGIN{printf "%s-%s\n", "x", "y" > "p.txt"; print close("p.txt"), close("nope")}`}},
		{Args: []string{"awk", `BEGIN{print "x" > "nodir/f"}`}},
		{Args: []string{"awk", `BEGIN{print "to stderr" > "/dev/stderr"; print "to stdout" > "/dev/stdout"; print "dash" > "-"}`}},
		{Args: []string{"awk", `BEGIN{print "a"; fflush(); print "b"; fflush("/dev/stdout")}`}},
		// Errors.
		{Args: []string{"awk", "{print FILENAME}", "a.txt", "missing", "b.txt"}},
		{Args: []string{"awk", "{print}", "missing"}},
		{Args: []string{"awk", "{print}", "d", "b.txt"}},
		{Args: []string{"awk", "END{print NR}", "d"}},
		{Args: []string{"awk", "BEGIN{x=1"}, NormalizeStderr: awkSyntaxText},
		{Args: []string{"awk", "BEGIN{print 1+}"}, NormalizeStderr: awkSyntaxText},
		{Args: []string{"awk", "{print $1"}, NormalizeStderr: awkSyntaxText},
		{Args: []string{"awk", "-f", "bad.awk"}, NormalizeStderr: awkSyntaxText},
		{Args: []string{"awk", `BEGIN{x = 0; print 1/x}`}},
		{Args: []string{"awk", `BEGIN{x = 0; print 1%x}`}},
		{Args: []string{"awk"}, NormalizeStderr: awkUsageText},
		{Args: []string{"awk", "-F"}, NormalizeStderr: awkUsageText},
		{Args: []string{"awk", "-f"}, NormalizeStderr: awkUsageText},
		{Args: []string{"awk", "-z", "1"}, NormalizeStderr: awkUsageText},
		{Args: []string{"awk", "--bogus", "1"}, NormalizeStderr: awkUsageText},
		{Args: []string{"awk", "--help"}, HelpOnly: true},
		{Args: []string{"awk", "-h"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

// TestAwkCommands compares awk's commands (system(), cmd | getline,
// print | cmd) with gawk: each script runs in real bash (with gawk as awk)
// on a copy of a fixture and in a sandsh session, where awk runs its
// commands through Context.Exec; stdout, stderr, the status and the files
// written must agree.
func TestAwkCommands(t *testing.T) {
	scripts := []string{
		`awk 'BEGIN { r = system("echo hi; exit 3"); print "r=" r }'`,
		`awk 'BEGIN { print "before"; system(""); r = system("echo from child"); print "after", r }'`,
		`awk 'BEGIN { print "b" | "cat"; print "a" | "cat"; r = close("cat"); print "end", r }'`,
		`awk 'BEGIN { cmd = "echo one; echo two"; while ((cmd | getline l) > 0) print "got", l; print close(cmd) }'`,
		`awk 'BEGIN { "echo x y z" | getline; print NF, $2, NR }'`,
		`awk 'BEGIN { "exit 5" | getline x; print close("exit 5") }'`,
		`awk 'BEGIN { print "x" | "cat; exit 4"; print close("cat; exit 4") }'`,
		`awk '{ print $2 | "cat 1>&2" }' data.txt`,
		`awk '{ print | "cat" } END { close("cat"); print "end" }' data.txt`,
		`FOO=bar awk 'BEGIN { system("echo $FOO") }'`,
		`awk 'BEGIN { print "x" > "f"; close("f"); system("cat f") }'`,
		`awk 'BEGIN { system("echo made > g"); getline l < "g"; print "read", l }'`,
		`awk 'BEGIN { while (("cat data.txt" | getline) > 0) n += $2; print n }'`,
		`awk 'BEGIN { r = system("nosuchcommand-x 2>/dev/null"); print r }'`,
		`echo in | awk 'BEGIN { getline l; print "awk read", l; system("echo child") }'`,
	}
	for _, script := range scripts {
		t.Run(script, func(t *testing.T) {
			t.Parallel()
			want, got := runBashAndSandsh(t, script, map[string]string{"data.txt": "a 1\nb 2\nc 3\n"})
			if want != got {
				t.Errorf("%s\nbash+gawk:\n%s\nsandsh:\n%s", script, want, got)
			}
		})
	}
}

// runBashAndSandsh runs script with real bash in a copy of files and in a
// sandsh session on files, and describes what each produced.
func runBashAndSandsh(t *testing.T, script string, files map[string]string) (string, string) {
	t.Helper()
	base := t.TempDir()
	for _, d := range []string{"real", "orig"} {
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(base, d, name), []byte(data), 0o644); err != nil {
				if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(base, d, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	realDir := filepath.Join(base, "real")
	cmd := hostrun.Command(ctx, realDir, "/bin/bash", "-c", script)
	cmd.Env = append(cmd.Env, "PATH="+os.Getenv("PATH"), "LC_ALL=C", "TZ=UTC")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	status := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatal(err)
		}
		status = ee.ExitCode()
	}
	want := fmt.Sprintf("stdout %q\nstderr %q\nstatus %d\n%s", stdout.String(), stderr.String(), status, hostFiles(t, realDir))

	sess, err := shell.New(shell.Options{Dir: filepath.Join(base, "orig"), Env: map[string]string{"LC_ALL": "C", "TZ": "UTC"}})
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	res := sess.Run(ctx, shell.Request{Script: script, Stdout: &out, Stderr: &errb})
	var files2 strings.Builder
	entries, _ := sess.Project().ReadDir("/")
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		b, _ := readFile(sess.Project(), "/"+e.Name())
		fmt.Fprintf(&files2, "%s %q\n", e.Name(), b)
	}
	got := fmt.Sprintf("stdout %q\nstderr %q\nstatus %d\n%s", out.String(), errb.String(), res.ExitCode, files2.String())
	return want, got
}

// hostFiles describes the files of dir: name and content.
func hostFiles(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&b, "%s %q\n", e.Name(), data)
	}
	return b.String()
}

// An endless awk program stops when the run's context is cancelled.
func TestAwkCancel(t *testing.T) {
	o, err := overlay.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	for _, prog := range []string{`BEGIN { while (1) x++ }`, `BEGIN { while (1) print "y" }`, `BEGIN { while (1) system("") }`} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		start := time.Now()
		status, err := bt.Exec(ctx, o, []string{"awk", prog}, nil, strings.NewReader(""), io.Discard, io.Discard)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second || status == 0 {
			t.Errorf("%s: status %d after %v", prog, status, d)
		}
	}
}

// awk reaches files only through the namespace: absolute paths such as
// /tmp/... name files of the sandbox, never of the host.
func TestAwkSandboxed(t *testing.T) {
	dir := t.TempDir()
	o, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	hostFile := filepath.Join(t.TempDir(), "host.txt")
	if err := os.WriteFile(hostFile, []byte("host secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prog := `BEGIN {
		r = (getline l < "` + hostFile + `"); print "read", r
		print "written" > "` + hostFile + `"; close("` + hostFile + `")
		print "new" > "/tmp/awk-sandbox-test-file"; close("/tmp/awk-sandbox-test-file")
		getline l < "` + hostFile + `"; print "back", l
	}`
	var out, errb bytes.Buffer
	status, err := bt.Exec(context.Background(), o, []string{"awk", prog}, nil, strings.NewReader(""), &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	// The sandbox has no /tmp: the writes fail there, and the host is untouched.
	if b, _ := os.ReadFile(hostFile); string(b) != "host secret\n" {
		t.Errorf("host file changed: %q", b)
	}
	if _, err := os.Stat("/tmp/awk-sandbox-test-file"); err == nil {
		os.Remove("/tmp/awk-sandbox-test-file")
		t.Errorf("awk created a file on the host")
	}
	if !strings.Contains(out.String(), "read -1") || status != 2 {
		t.Errorf("status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
	// With the directories present in the sandbox, the files land there.
	o.MkdirAll(filepath.Dir(hostFile), 0o755)
	o.MkdirAll("/tmp", 0o755)
	out.Reset()
	errb.Reset()
	status, _ = bt.Exec(context.Background(), o, []string{"awk", prog}, nil, strings.NewReader(""), &out, &errb)
	if status != 0 || out.String() != "read -1\nback written\n" {
		t.Errorf("status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
	if b, _ := readFile(o, hostFile); b != "written\n" {
		t.Errorf("sandbox file: %q", b)
	}
	if b, _ := os.ReadFile(hostFile); string(b) != "host secret\n" {
		t.Errorf("host file changed: %q", b)
	}
	if _, err := os.Stat("/tmp/awk-sandbox-test-file"); err == nil {
		os.Remove("/tmp/awk-sandbox-test-file")
		t.Errorf("awk created a file on the host")
	}
}

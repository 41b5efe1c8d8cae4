package builtins_test

import (
	"context"
	"io"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/builtins"
	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/vfs/memory"
)

func cmd(args ...string) bt.Case { return bt.Case{Args: args} }

func TestTrueFalse(t *testing.T) {
	bt.RunAll(t, []bt.Case{
		cmd("true"),
		cmd("true", "x", "--bogus"),
		cmd("true", "--help", "x"),
		{Args: []string{"true", "--help"}, HelpOnly: true},
	})
	// builtintest cannot use /usr/bin/false as a reference: it checks
	// tools with --version, which false answers with status 1.
	runPlainCases(t, []plainCase{
		{args: []string{"false"}, status: 1},
		{args: []string{"false", "-x", "y"}, status: 1},
		{args: []string{"false", "--help", "x"}, status: 1},
		{args: []string{"false", "--help"}, out: "*", status: 1},
		{args: []string{"false", "--version"}, out: "false (sandsh builtin) 1.0\n", status: 1},
	})
}

func TestYesSleepDifferential(t *testing.T) {
	bt.RunAll(t, []bt.Case{
		cmd("yes", "--bogus"),
		cmd("yes", "-n"),
		{Args: []string{"yes", "--help"}, HelpOnly: true},
		cmd("sleep"),
		cmd("sleep", "x"),
		cmd("sleep", "1x"),
		cmd("sleep", "1", "y", "2z"),
		cmd("sleep", "-1"),
		cmd("sleep", "0"),
		cmd("sleep", "0.01", "1e-2", "0x1p-8s", "0m", "0h", "0d"),
		cmd("sleep", ".01s"),
		cmd("sleep", "nan"),
		cmd("sleep", "1ss"),
		{Args: []string{"sleep", "--help"}, HelpOnly: true},
	})
}

// limitWriter fails with EPIPE once n bytes have been written.
type limitWriter struct {
	n   int
	buf strings.Builder
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.n {
		k := w.n - w.buf.Len()
		w.buf.Write(p[:k])
		return k, syscall.EPIPE
	}
	return w.buf.Write(p)
}

func runWith(t *testing.T, ctx context.Context, args []string, env []string, out io.Writer) (int, string) {
	t.Helper()
	var errb strings.Builder
	st, err := bt.Exec(ctx, memory.New(), args, env, strings.NewReader(""), out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	return st, errb.String()
}

func TestYesStops(t *testing.T) {
	w := &limitWriter{n: 100000}
	st, errs := runWith(t, context.Background(), []string{"yes", "a", "b"}, nil, w)
	if st != 1 || errs != "" {
		t.Errorf("yes on a closed pipe: status %d, stderr %q", st, errs)
	}
	if !strings.HasPrefix(w.buf.String(), "a b\na b\n") {
		t.Errorf("output %q", w.buf.String()[:20])
	}
	w = &limitWriter{n: 3}
	runWith(t, context.Background(), []string{"yes"}, nil, w)
	if w.buf.String() != "y\ny" {
		t.Errorf("yes output %q", w.buf.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	st, _ = runWith(t, ctx, []string{"yes"}, nil, io.Discard)
	if st != 1 || time.Since(start) > 5*time.Second {
		t.Errorf("yes after cancel: status %d after %v", st, time.Since(start))
	}
}

func TestSleepCancel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	st, _ := runWith(t, ctx, []string{"sleep", "inf"}, nil, io.Discard)
	if st != 1 || time.Since(start) > 5*time.Second {
		t.Errorf("sleep inf after cancel: status %d after %v", st, time.Since(start))
	}
	start = time.Now()
	st, _ = runWith(t, context.Background(), []string{"sleep", "0.05", "0.05"}, nil, io.Discard)
	if d := time.Since(start); st != 0 || d < 100*time.Millisecond || d > 5*time.Second {
		t.Errorf("sleep 0.05 0.05: status %d after %v", st, d)
	}
}

func TestEnvPrintenv(t *testing.T) {
	tree := []bt.Entry{bt.File("d/f", "in d\n"), bt.File("g", "top\n")}
	cases := []bt.Case{
		cmd("env", "-i"),
		cmd("env", "-i", "A=1", "B=2"),
		cmd("env", "-i", "B=2", "A=1", "B=3"),
		cmd("env", "-", "A=1"),
		cmd("env", "-i", "=x"),
		cmd("env", "-0", "-i", "A=1", "B=2"),
		cmd("env", "--null", "--ignore-environment", "X=y"),
		cmd("env", "-u"),
		cmd("env", "-u", "A=B", "true"),
		cmd("env", "-i", "A=1", "-u", "A"),
		cmd("env", "-i", "A=1", "--", "env"),
		cmd("env", "-i", "--", "A=1", "env"),
		cmd("env", "-i", "A=1", "B=2", "env", "-u", "A"),
		cmd("env", "-i", "A=1", "printenv", "A"),
		cmd("env", "-i", "A=1", "env", "B=2"),
		cmd("env", "-iu", "X", "A=1"),
		cmd("env", "--unset=LC_ALL", "-i", "A=1"),
		cmd("env", "nosuch"),
		cmd("env", "-i", "nosuch", "arg"),
		cmd("env", "-C", "x"),
		cmd("env", "-C", "nodir", "true"),
		cmd("env", "-C", "g", "true"),
		cmd("env", "-C", "d", "cat", "f"),
		cmd("env", "--chdir=d", "cat", "../g"),
		cmd("env", "-0", "true"),
		cmd("env", "-S", "A=1  B=\"x y\" env", "-i"),
		cmd("env", "-i", "-S", "A=1  B=\"x y\" env"),
		cmd("env", "-i", "-S", "A='a\\'b' B=\"c\\td\" env"),
		cmd("env", "-i", "-S", "A=${LC_ALL}b env"),
		cmd("env", "-i", "-S", "A=1\\_env"),
		cmd("env", "-i", "-S", "A=1 env # comment"),
		cmd("env", "-i", "-S", "A=1 \\c B=2"),
		cmd("env", "-i", "-S", "A=$x env"),
		cmd("env", "-i", "-S", "A='1"),
		cmd("env", "-i", "-S", "A=\\q"),
		cmd("env", "-i", "-S", "env", "-a"),
		cmd("env", "--bogus"),
		cmd("env", "-i", "false"),
		{Args: []string{"env", "--help"}, HelpOnly: true},
		cmd("printenv", "-z"),
		cmd("printenv", "LC_ALL", "TZ"),
		cmd("printenv", "LC_ALL", "NOPE", "TZ"),
		cmd("printenv", "-0", "LC_ALL", "TZ"),
		cmd("printenv", "--null", "TZ"),
		cmd("printenv", "TZ=UTC"),
		cmd("printenv", "NOPE"),
		{Args: []string{"printenv", "A", "B"}, Env: []string{"A=x y", "B="}},
		{Args: []string{"env", "-i", "printenv"}},
		{Args: []string{"printenv", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

func TestTimeout(t *testing.T) {
	bt.RunAll(t, []bt.Case{
		cmd("timeout", "1", "true"),
		cmd("timeout", "1", "false"),
		cmd("timeout", "0", "true"),
		cmd("timeout", "0.1", "sleep", "2"),
		cmd("timeout", "--preserve-status", "0.1", "sleep", "2"),
		cmd("timeout", "-s", "INT", "--preserve-status", "0.1", "sleep", "2"),
		cmd("timeout", "-v", "0.1", "sleep", "2"),
		cmd("timeout", "-v", "-s", "HUP", "0.1s", "sleep", "2"),
		cmd("timeout", "-k", "1", "-s", "9", "1", "true"),
		cmd("timeout", "--foreground", "1", "true"),
		cmd("timeout", "-s", "0", "1", "true"),
		cmd("timeout", "-s", "sigterm", "1", "true"),
		cmd("timeout", "-s", "FOO", "1", "true"),
		cmd("timeout", "-s", "99", "1", "true"),
		cmd("timeout", "-k", "x", "1", "true"),
		cmd("timeout", "x", "true"),
		cmd("timeout", "1"),
		cmd("timeout"),
		cmd("timeout", "1", "nosuch"),
		cmd("timeout", "1", "env", "-i", "A=1"),
		cmd("timeout", "--bogus", "1", "true"),
		cmd("timeout", "1m", "true", "--bogus"),
		{Args: []string{"timeout", "--help"}, HelpOnly: true},
	})
}

func TestUnameIDNproc(t *testing.T) {
	cases := []bt.Case{
		cmd("uname"),
		cmd("uname", "-s"),
		cmd("uname", "--kernel-name"),
		cmd("uname", "-o"),
		cmd("uname", "-p"),
		cmd("uname", "-i"),
		cmd("uname", "-pi"),
		cmd("uname", "-so"),
		cmd("uname", "x"),
		cmd("uname", "-x"),
		{Args: []string{"uname", "--help"}, HelpOnly: true},
		cmd("id"),
		cmd("id", "-u"),
		cmd("id", "-g"),
		cmd("id", "-G"),
		cmd("id", "-un"),
		cmd("id", "-gn"),
		cmd("id", "-Gn"),
		cmd("id", "-ur"),
		cmd("id", "--user", "--name"),
		cmd("id", "-uz"),
		cmd("id", "-Gz"),
		cmd("id", "-n"),
		cmd("id", "-r"),
		cmd("id", "-z"),
		cmd("id", "-ug"),
		cmd("id", "-a"),
		cmd("id", "root"),
		cmd("id", "-u", "root"),
		cmd("id", "root", "root"),
		cmd("id", "nosuch"),
		cmd("id", "-u", "nosuch", "root"),
		cmd("id", "-x"),
		{Args: []string{"id", "--help"}, HelpOnly: true},
		cmd("whoami"),
		cmd("whoami", "x"),
		{Args: []string{"whoami", "--help"}, HelpOnly: true},
		cmd("nproc", "x"),
		cmd("nproc", "--ignore=x"),
		cmd("nproc", "--ignore=-1"),
		cmd("nproc", "--ignore=1000"),
		{Name: "nproc omp 5", Args: []string{"nproc"}, Env: []string{"OMP_NUM_THREADS=5"}},
		{Name: "nproc omp 7,2", Args: []string{"nproc"}, Env: []string{"OMP_NUM_THREADS=7,2"}},
		{Args: []string{"nproc", "--ignore=2"}, Env: []string{"OMP_NUM_THREADS=5"}},
		{Name: "nproc omp 5 limit 3", Args: []string{"nproc"}, Env: []string{"OMP_NUM_THREADS=5", "OMP_THREAD_LIMIT=3"}},
		{Name: "nproc limit 1", Args: []string{"nproc"}, Env: []string{"OMP_THREAD_LIMIT=1"}},
		{Args: []string{"nproc", "--help"}, HelpOnly: true},
	}
	if runtime.GOARCH == "amd64" {
		cases = append(cases, cmd("uname", "-m"), cmd("uname", "-sm"))
	}
	bt.RunAll(t, cases)
}

func TestSandboxValues(t *testing.T) {
	ncpu := strconv.Itoa(runtime.NumCPU())
	runPlainCases(t, []plainCase{
		{args: []string{"uname", "-n"}, out: "sandbox\n"},
		{args: []string{"uname", "-r"}, out: builtins.SandboxKernelRelease + "\n"},
		{args: []string{"uname", "-a"}, out: "Linux sandbox " + builtins.SandboxKernelRelease + " " +
			builtins.SandboxKernelVersion + " x86_64 GNU/Linux\n"},
		{args: []string{"uname", "-snrvmpio"}, out: "Linux sandbox " + builtins.SandboxKernelRelease + " " +
			builtins.SandboxKernelVersion + " x86_64 unknown unknown GNU/Linux\n"},
		{args: []string{"hostname"}, out: "sandbox\n"},
		{args: []string{"hostname", "-s"}, out: "sandbox\n"},
		{args: []string{"hostname", "-f"}, out: "sandbox\n"},
		{args: []string{"hostname", "-i"}, out: "127.0.0.1\n"},
		{args: []string{"hostname", "newname"}, err: "hostname: you must be root to change the host name\n", status: 1},
		{args: []string{"whoami"}, out: "root\n"},
		{args: []string{"id", "-un"}, out: "root\n"},
		{args: []string{"nproc"}, out: ncpu + "\n"},
		{args: []string{"nproc", "--all"}, out: ncpu + "\n"},
		{args: []string{"nproc", "--all"}, env: []string{"OMP_NUM_THREADS=99"}, out: ncpu + "\n"},
		{args: []string{"nproc", "--ignore=100000"}, out: "1\n"},
		{args: []string{"timeout", "-s", "KILL", "0.1", "sleep", "2"}, status: 137},
		{args: []string{"timeout", "-s", "KILL", "--preserve-status", "0.1", "sleep", "2"}, status: 137},
	})
}

func TestWhich(t *testing.T) {
	fsys := memory.New()
	for _, d := range []string{"/opt/bin", "/home"} {
		if err := fsys.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, mode uint32) {
		f, err := fsys.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("#!/bin/sh\n"))
		f.Close()
		if err := fsys.Chmod(name, fsModeOf(mode)); err != nil {
			t.Fatal(err)
		}
	}
	write("/opt/bin/tool", 0o755)
	write("/opt/bin/ls", 0o755)
	write("/opt/bin/plain", 0o644)
	write("/home/local", 0o755)
	path := "PATH=/opt/bin:/usr/bin:/bin"
	cases := []plainCase{
		{args: []string{"which", "ls"}, env: []string{path}, out: "/opt/bin/ls\n"},
		{args: []string{"which", "-a", "ls"}, env: []string{path}, out: "/opt/bin/ls\n/usr/bin/ls\n/bin/ls\n"},
		{args: []string{"which", "cat", "tool"}, env: []string{path}, out: "/usr/bin/cat\n/opt/bin/tool\n"},
		{args: []string{"which", "plain"}, env: []string{path}, status: 1},
		{args: []string{"which", "nosuch", "cat"}, env: []string{path}, out: "/usr/bin/cat\n", status: 1},
		{args: []string{"which", "/home/local"}, env: []string{path}, out: "/home/local\n"},
		{args: []string{"which", "home/local"}, env: []string{path}, out: "home/local\n"},
		{args: []string{"which", "/opt/bin/plain"}, env: []string{path}, status: 1},
		{args: []string{"which", "local"}, env: []string{"PATH=/home"}, out: "/home/local\n"},
		{args: []string{"which", "local"}, env: []string{"PATH=:/bin"}, status: 1},
		{args: []string{"which", "cat"}, env: []string{"PATH=/usr/local/bin/"}, out: "/usr/local/bin//cat\n"},
		{args: []string{"which", "cat"}, env: []string{"PATH=/opt/bin"}, status: 1},
		{args: []string{"which", "-s", "cat"}, env: []string{path}},
		{args: []string{"which"}, env: []string{path}, status: 1},
		{args: []string{"which", "-x", "cat"}, env: []string{path}, out: "Usage: which [-as] args\n",
			err: "which: Illegal option -x\n", status: 2},
	}
	for _, pc := range cases {
		t.Run(strings.Join(pc.args, " "), func(t *testing.T) {
			out, errs, st := runPlain(t, fsys, pc.args, pc.env, "")
			if out != pc.out || errs != pc.err || st != pc.status {
				t.Errorf("got %q %q %d, want %q %q %d", out, errs, st, pc.out, pc.err, pc.status)
			}
		})
	}
	if !builtins.IsSystemDir("/usr/bin") || builtins.IsSystemDir("/opt/bin") {
		t.Error("IsSystemDir")
	}
}

package main

// What the CLI does with the changes once the script has run: --changes,
// --diff, --patch, --json, --export, --apply and --review.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/sandsh/sandsh/shell"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// keepConfig holds the review flags.
type keepConfig struct {
	changes, diff, json, review bool
	apply, partial, exportLink  bool
	patch, export               string
}

func (k keepConfig) any() bool {
	return k.changes || k.diff || k.json || k.review || k.apply || k.patch != "" || k.export != ""
}

// exitConflict is the exit status when --apply finds conflicts or fails.
const exitConflict = 3

// keepChanges carries out the review flags after the run and returns the
// exit status: the script's, or exitConflict when applying failed.
func keepChanges(sess *shell.Session, cfg *config, res shell.Result, rep *jsonReport, stdin io.Reader, stdout, stderr io.Writer) int {
	code := res.ExitCode
	k := cfg.keep
	if !k.any() {
		return code
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "sandsh: "+format+"\n", args...)
		return exitConflict
	}
	changes, err := sess.Changes()
	if err != nil {
		return fail("listing the changes: %v", err)
	}
	if k.changes {
		writeSummary(stderr, changes)
	}
	if k.diff || k.review {
		if err := sess.Diff(stderr, shell.DiffOptions{Color: isTerminal(stderr)}); err != nil {
			return fail("diff: %v", err)
		}
	}
	if k.patch != "" {
		if err := writePatch(sess, k.patch); err != nil {
			return fail("--patch: %v", err)
		}
	}
	if k.export != "" {
		if err := sess.Export(k.export, shell.ExportOptions{Link: k.exportLink}); err != nil {
			return fail("--export: %v", err)
		}
	}
	apply := k.apply
	if k.review && len(changes) > 0 {
		apply = confirm(stdin, stderr, sess.Project().Dir())
	}
	var applied *shell.ApplyResult
	status := code
	if apply && len(changes) > 0 {
		if code != 0 {
			fmt.Fprintf(stderr, "sandsh: not applying: the script exited with status %d\n", code)
		} else {
			r, err := sess.Apply(shell.ApplyOptions{Partial: k.partial, AllowHidden: cfg.allowHidden})
			applied = &r
			switch {
			case err != nil:
				fmt.Fprintf(stderr, "sandsh: apply: %v\n", err)
				status = exitConflict
			case len(r.Conflicts) > 0:
				for _, c := range r.Conflicts {
					fmt.Fprintf(stderr, "sandsh: conflict: %s: %s\n", strings.TrimPrefix(c.Path, "/"), c.Reason)
				}
				if k.partial {
					fmt.Fprintf(stderr, "sandsh: applied %d changes; %d conflicts left alone\n", len(r.Applied), len(r.Conflicts))
				} else {
					fmt.Fprintf(stderr, "sandsh: nothing applied: %d conflicts\n", len(r.Conflicts))
				}
				status = exitConflict
			default:
				if !k.json {
					fmt.Fprintf(stderr, "sandsh: applied %d changes to %s\n", len(r.Applied), sess.Project().Dir())
				}
			}
		}
	}
	if rep != nil {
		var diff bytes.Buffer
		if err := sess.Diff(&diff, shell.DiffOptions{}); err != nil && applied == nil {
			return fail("diff: %v", err)
		}
		if err := rep.write(stdout, res, changes, diff.String(), applied); err != nil {
			return fail("--json: %v", err)
		}
	}
	return status
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// writePatch writes the applicable patch (binary files included) to the
// host file name.
func writePatch(sess *shell.Session, name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = sess.Diff(f, shell.DiffOptions{Binary: true})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// confirm asks on the terminal whether to apply. It reads the answer from
// the controlling terminal, or from stdin when that is one.
func confirm(stdin io.Reader, stderr io.Writer, dir string) bool {
	in := stdin
	if f, ok := stdin.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		tty, err := os.Open("/dev/tty")
		if err != nil {
			fmt.Fprintf(stderr, "sandsh: --review needs a terminal to ask on; nothing applied\n")
			return false
		}
		defer tty.Close()
		in = tty
	}
	fmt.Fprintf(stderr, "Apply these changes to %s? [y/N] ", dir)
	line, _ := bufio.NewReader(in).ReadString('\n')
	line = strings.TrimSpace(strings.ToLower(line))
	return line == "y" || line == "yes"
}

// writeSummary lists the changes as git status --short does: A, M, D, or
// T for a change of type, with mode changes spelt out.
func writeSummary(w io.Writer, changes []shell.Change) {
	for _, c := range changes {
		p := strings.TrimPrefix(c.Path, "/")
		if c.NewMode.IsDir() || c.Kind == overlay.Deleted && c.OldMode.IsDir() {
			p += "/"
		}
		letter := "M"
		switch {
		case c.Kind == overlay.Added:
			letter = "A"
		case c.Kind == overlay.Deleted:
			letter = "D"
		case c.Type:
			letter = "T"
		}
		note := ""
		switch {
		case c.Mode:
			note = fmt.Sprintf(" (mode %s -> %s)", octal(c.OldMode), octal(c.NewMode))
		case c.Target:
			note = fmt.Sprintf(" (-> %s, was %s)", c.NewTarget, c.OldTarget)
		}
		fmt.Fprintf(w, "%s %s%s\n", letter, p, note)
	}
}

func octal(m fs.FileMode) string {
	bits := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		bits |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		bits |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		bits |= 0o1000
	}
	return fmt.Sprintf("%04o", bits)
}

func typeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "dir"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	case m.IsRegular():
		return "file"
	}
	return "other"
}

// jsonReport collects the run's output for --json.
type jsonReport struct {
	stdout, stderr *capBuffer
}

// maxCapture is the most of each stream --json keeps.
const maxCapture = 16 << 20

func newJSONReport(l shell.Limits) *jsonReport {
	n := int64(maxCapture)
	if l.MaxOutputBytes > 0 && l.MaxOutputBytes < n {
		n = l.MaxOutputBytes
	}
	return &jsonReport{stdout: &capBuffer{max: n}, stderr: &capBuffer{max: n}}
}

// capBuffer keeps the first max bytes written to it and drops the rest,
// noting that it did.
type capBuffer struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	max       int64
	truncated bool
}

func (c *capBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.max - int64(c.buf.Len())
	if int64(len(p)) > room {
		c.truncated = true
		c.buf.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return c.buf.Write(p)
}

type jsonChange struct {
	Path      string  `json:"path"`
	Kind      string  `json:"kind"`
	Type      string  `json:"type"`
	OldType   string  `json:"oldType,omitempty"`
	OldMode   *string `json:"oldMode"`
	NewMode   *string `json:"newMode"`
	Size      *int64  `json:"size,omitempty"`
	Target    string  `json:"target,omitempty"`
	OldTarget string  `json:"oldTarget,omitempty"`
	Content   bool    `json:"contentChanged,omitempty"`
	Mode      bool    `json:"modeChanged,omitempty"`
	TypeChg   bool    `json:"typeChanged,omitempty"`
}

type jsonConflict struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

type jsonApply struct {
	Applied   []string       `json:"applied"`
	Conflicts []jsonConflict `json:"conflicts"`
}

type jsonOutput struct {
	ExitCode   int          `json:"exitCode"`
	Stdout     string       `json:"stdout"`
	Stderr     string       `json:"stderr"`
	Changes    []jsonChange `json:"changes"`
	Diff       string       `json:"diff"`
	DurationMs int64        `json:"durationMs"`
	Limit      *string      `json:"limit"`
	Truncated  struct {
		Stdout bool `json:"stdout"`
		Stderr bool `json:"stderr"`
	} `json:"truncated"`
	Apply *jsonApply `json:"apply,omitempty"`
}

func (r *jsonReport) write(w io.Writer, res shell.Result, changes []shell.Change, diff string, applied *shell.ApplyResult) error {
	out := jsonOutput{
		ExitCode:   res.ExitCode,
		Stdout:     r.stdout.buf.String(),
		Stderr:     r.stderr.buf.String(),
		Changes:    []jsonChange{},
		Diff:       diff,
		DurationMs: res.Duration.Milliseconds(),
	}
	out.Truncated.Stdout, out.Truncated.Stderr = r.stdout.truncated, r.stderr.truncated
	if res.Limit != "" {
		l := string(res.Limit)
		out.Limit = &l
	}
	for _, c := range changes {
		jc := jsonChange{
			Path: strings.TrimPrefix(c.Path, "/"), Kind: c.Kind.String(),
			Content: c.Content, Mode: c.Mode, TypeChg: c.Type,
			Target: c.NewTarget, OldTarget: c.OldTarget,
		}
		if c.Kind == overlay.Deleted {
			jc.Type = typeName(c.OldMode)
		} else {
			jc.Type = typeName(c.NewMode)
		}
		if c.Type {
			jc.OldType = typeName(c.OldMode)
		}
		if c.Kind != overlay.Added {
			m := octal(c.OldMode)
			jc.OldMode = &m
		}
		if c.Kind != overlay.Deleted {
			m := octal(c.NewMode)
			jc.NewMode = &m
			if c.NewMode.IsRegular() {
				size := c.Size
				jc.Size = &size
			}
		}
		out.Changes = append(out.Changes, jc)
	}
	if applied != nil {
		ja := &jsonApply{Applied: []string{}, Conflicts: []jsonConflict{}}
		for _, p := range applied.Applied {
			ja.Applied = append(ja.Applied, strings.TrimPrefix(p, "/"))
		}
		for _, c := range applied.Conflicts {
			ja.Conflicts = append(ja.Conflicts, jsonConflict{Path: strings.TrimPrefix(c.Path, "/"), Reason: c.Reason})
		}
		out.Apply = ja
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

package builtins

// tee, as GNU's: copies stdin to stdout and to each FILE ("-" is a file
// named "-", as in coreutils 9), -a/--append, -i (accepted: there are no
// signals in the sandbox), -p and --output-error[=warn|warn-nopipe|exit|
// exit-nopipe]. By default a closed stdout pipe ends tee quietly with
// status 1, as SIGPIPE would. Input is streamed; tee stops reading once
// every output has failed.

import (
	"io"
	"os"
)

func init() { Register("tee", tee) }

var teeSpec = optSpec{
	Short: "aip",
	Long: []longOpt{
		{Name: "append", Key: "a"},
		{Name: "ignore-interrupts", Key: "i"},
		{Name: "output-error", Arg: optionalArg, Key: "output-error"},
	},
	Status: 1,
	Usage: `Usage: tee [OPTION]... [FILE]...
Copy standard input to each FILE, and also to standard output.

  -a, --append              append to the given FILEs, do not overwrite
  -i, --ignore-interrupts   ignore interrupt signals
  -p                        diagnose errors writing to non pipes
      --output-error[=MODE]   set behavior on write error.  See MODE below
      --help        display this help and exit
      --version     output version information and exit

MODE determines behavior with write errors on the outputs:
  warn           diagnose errors writing to any output
  warn-nopipe    diagnose errors writing to any output not a pipe
  exit           exit on error writing to any output
  exit-nopipe    exit on error writing to any output not a pipe
The default MODE for the -p option is 'warn-nopipe'.
The default operation when --output-error is not specified, is to
exit immediately on error writing to a pipe, and diagnose errors
writing to non pipe outputs.
`,
}

// teeMode is what tee does after a write error.
type teeMode int

const (
	teeSigpipe teeMode = iota // default: a pipe error ends tee
	teeWarn
	teeWarnNopipe
	teeExit
	teeExitNopipe
)

type teeOut struct {
	name string
	w    io.Writer
	f    io.Closer
}

func tee(c *Context) int {
	p, err := c.parseOpts(&teeSpec)
	if err != nil {
		return exitStatus(err)
	}
	appendMode := false
	mode := teeSigpipe
	for _, o := range p.Opts {
		switch o.Key {
		case "a":
			appendMode = true
		case "p":
			mode = teeWarnNopipe
		case "output-error":
			if !o.HasVal {
				mode = teeWarnNopipe
				continue
			}
			m, ok := c.argMatch("--output-error", o.Val, [][]string{{"warn"}, {"warn-nopipe"}, {"exit"}, {"exit-nopipe"}})
			if !ok {
				return 1
			}
			mode = map[string]teeMode{"warn": teeWarn, "warn-nopipe": teeWarnNopipe, "exit": teeExit, "exit-nopipe": teeExitNopipe}[m]
		}
	}
	flags := os.O_WRONLY | os.O_CREATE
	if appendMode {
		flags |= os.O_APPEND
	} else {
		flags |= os.O_TRUNC
	}
	status := 0
	outs := []*teeOut{{name: "standard output", w: c.Stdout}}
	for _, name := range p.Operands {
		f, err := c.FS.OpenFile(c.fsPath(name), flags, 0o666)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			status = 1
			if mode == teeExit || mode == teeExitNopipe {
				for _, o := range outs {
					if o.f != nil {
						o.f.Close()
					}
				}
				return 1
			}
			continue
		}
		outs = append(outs, &teeOut{name: quoteIf(name), w: f, f: f})
	}
	defer func() {
		for _, o := range outs {
			if o.f != nil {
				o.f.Close()
			}
		}
	}()
	if c.Stdin == nil {
		return status
	}
	buf := make([]byte, 32*1024)
	live := len(outs)
	for live > 0 {
		if c.Canceled() {
			return 1
		}
		n, rerr := c.Stdin.Read(buf)
		if n > 0 {
			for _, o := range outs {
				if o.w == nil {
					continue
				}
				if _, err := o.w.Write(buf[:n]); err != nil {
					o.w = nil
					live--
					pipe := isPipeErr(err)
					if pipe && mode == teeSigpipe {
						return 1
					}
					if pipe && (mode == teeWarnNopipe || mode == teeExitNopipe) {
						continue
					}
					c.Errorf("%s: %s", o.name, ErrText(err))
					status = 1
					if mode == teeExit || mode == teeExitNopipe {
						return 1
					}
				}
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if c.Canceled() {
				return 1
			}
			c.Errorf("read error: %s", ErrText(rerr))
			return 1
		}
	}
	for _, o := range outs {
		if o.f != nil {
			if err := o.f.Close(); err != nil && status == 0 {
				c.Errorf("%s: %s", o.name, ErrText(err))
				status = 1
			}
			o.f = nil
		}
	}
	return status
}

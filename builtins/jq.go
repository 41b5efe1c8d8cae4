package builtins

// jq, as jq 1.7.1 with gojq as the engine: the filter and -f FILE, -n -R
// -s -c -r -j -a -S -e -C/-M (never colours) --tab --indent N --arg
// --argjson --slurpfile --rawfile --args --jsonargs, options anywhere on the
// line as jq takes them, file operands read through the namespace, several
// JSON values per input, input/inputs, input_filename, $ENV/env from the
// script's environment, halt/halt_error, jq's exit statuses (2 usage and
// system errors, 3 compile errors, 5 runtime and parse errors, -e's 1 and
// 4) and "jq: error (at FILE:LINE): ..." positions.
//
// Numbers read as input keep their literal text as jq 1.7.1 prints it
// (decNumber's canonical form: 1.000 stays 1.000, 1e2 prints 1E+2);
// computed numbers print as jq prints doubles (1e+17, 1.5e-07).
//
// Not supported, or different: object keys always print sorted (gojq keeps
// no insertion order, so the output is what -S gives); runtime error texts
// are gojq's except error(...) messages and undefined names; JSON parse
// error texts are jq's most common ones only; --stream, --seq, -L, modules,
// --raw-output0 and colours are not supported.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/itchyny/gojq"
)

func init() { Register("jq", jq) }

const jqUsage = `jq - commandline JSON processor [version 1.7.1]

Usage:	jq [OPTIONS] FILTER [FILES...]
	jq [OPTIONS] --args FILTER [ARGUMENTS...]
	jq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.

The simplest filter is ., which copies jq's input to its output
unmodified except for formatting. For more advanced filters see
the jq(1) manpage ("man jq") and/or https://jqlang.github.io/jq/.

Example:

	$ echo '{"foo": 0}' | jq .
	{
	  "foo": 0
	}

Command options:
  -n, --null-input          use ` + "`null`" + ` as the single input value;
  -R, --raw-input           read each line as string instead of JSON;
  -s, --slurp               read all inputs into an array and use it as
                            the single input value;
  -c, --compact-output      compact instead of pretty-printed output;
  -r, --raw-output          output strings without escapes and quotes;
  -j, --join-output         implies -r and output without newline after
                            each output;
  -a, --ascii-output        output strings by only ASCII characters
                            using escape sequences;
  -S, --sort-keys           sort keys of each object on output;
  -C, --color-output        colorize JSON output (ignored: no colours);
  -M, --monochrome-output   disable colored output;
      --tab                 use tabs for indentation;
      --indent n            use n spaces for indentation (max 7 spaces);
  -f, --from-file file      load filter from the file;
      --arg name value      set $name to the string value;
      --argjson name value  set $name to the JSON value;
      --slurpfile name file set $name to an array of JSON values read
                            from the file;
      --rawfile name file   set $name to string contents of file;
      --args                consume remaining arguments as positional
                            string values;
      --jsonargs            consume remaining arguments as positional
                            JSON values;
  -e, --exit-status         set exit status code based on the output;
  -V, --version             show the version;
  -h, --help                show the help;
  --                        terminates argument processing;

Named arguments are also available as $ARGS.named[], while
positional arguments are available as $ARGS.positional[].
`

// jq exit statuses, as jq's main.c has them.
const (
	jqOK          = 0
	jqOKNullKind  = -1
	jqErrSystem   = 2
	jqErrCompile  = 3
	jqOKNoOutput  = -4
	jqErrUnknown  = 5
	jqMaxIndent   = 7
	jqChunkSize   = 4095 // jq feeds its parser fgets chunks of 4096-1 bytes
	jqMaxDepth    = 10000
	jqDefaultIndt = 2
)

// jqOptions are the command line settings.
type jqOptions struct {
	slurp, rawInput, nullInput, rawOutput, noNewline bool
	ascii, exitStatus, fromFile                      bool
	indent                                           int // -1 compact
	tab                                              bool
}

// jqNamed keeps the named arguments in the order given (the first of a
// name wins, as in jq).
type jqNamed struct {
	names  []string
	values map[string]any
}

func (n *jqNamed) set(name string, v any) {
	if _, ok := n.values[name]; ok {
		return
	}
	n.names = append(n.names, name)
	n.values[name] = v
}

func jq(c *Context) int {
	opts := jqOptions{indent: jqDefaultIndt}
	named := &jqNamed{values: map[string]any{}}
	positional := []any{}
	var program *string
	var files []string
	argsMode := 0 // 1: --args, 2: --jsonargs
	argsDone := false
	die := func(format string, a ...any) int {
		fmt.Fprintf(c.Stderr, "jq: "+format+"\n", a...)
		fmt.Fprintf(c.Stderr, "Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n")
		return jqErrSystem
	}
	args := c.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		optish := len(a) >= 2 && a[0] == '-' && (a[1] == '-' || isASCIILetter(a[1]))
		if argsDone || !optish {
			switch {
			case program == nil:
				p := a
				program = &p
			case argsMode == 1:
				positional = append(positional, a)
			case argsMode == 2:
				v, err := jqParseText(a)
				if err != nil {
					return die("invalid JSON text passed to --jsonargs")
				}
				positional = append(positional, v)
			default:
				files = append(files, a)
			}
			continue
		}
		if a == "--" {
			argsDone = true
			continue
		}
		if strings.HasPrefix(a, "--") {
			need := func(n int, msg string) bool { return i+n < len(args) || die("%s", msg) < 0 }
			switch a[2:] {
			case "slurp":
				opts.slurp = true
			case "raw-output":
				opts.rawOutput = true
			case "join-output":
				opts.rawOutput, opts.noNewline = true, true
			case "compact-output":
				opts.indent, opts.tab = -1, false
			case "color-output", "monochrome-output", "unbuffered":
			case "ascii-output":
				opts.ascii = true
			case "sort-keys":
			case "raw-input":
				opts.rawInput = true
			case "null-input":
				opts.nullInput = true
			case "from-file":
				opts.fromFile = true
			case "tab":
				opts.tab, opts.indent = true, 1
			case "indent":
				if i+1 >= len(args) {
					return die("--indent takes one parameter")
				}
				n := atoiC(args[i+1])
				if n < -1 || n > jqMaxIndent {
					return die("--indent takes a number between -1 and 7")
				}
				opts.tab, opts.indent = n == -1, n
				if n == -1 {
					opts.indent = 1
				}
				if n == 0 {
					opts.indent = -1
				}
				i++
			case "exit-status":
				opts.exitStatus = true
			case "args":
				argsMode = 1
			case "jsonargs":
				argsMode = 2
			case "arg":
				if !need(2, "--arg takes two parameters (e.g. --arg varname value)") {
					return jqErrSystem
				}
				named.set(args[i+1], args[i+2])
				i += 2
			case "argjson":
				if !need(2, "--argjson takes two parameters (e.g. --argjson varname text)") {
					return jqErrSystem
				}
				if _, ok := named.values[args[i+1]]; !ok {
					v, err := jqParseText(args[i+2])
					if err != nil {
						return die("invalid JSON text passed to --argjson")
					}
					named.set(args[i+1], v)
				}
				i += 2
			case "slurpfile", "rawfile":
				which := a[2:]
				if !need(2, fmt.Sprintf("--%s takes two parameters (e.g. --%s varname filename)", which, which)) {
					return jqErrSystem
				}
				if _, ok := named.values[args[i+1]]; !ok {
					v, msg := c.jqLoadFile(args[i+2], which == "rawfile")
					if msg != "" {
						fmt.Fprintf(c.Stderr, "jq: Bad JSON in --%s %s %s: %s\n", which, args[i+1], args[i+2], msg)
						return jqErrSystem
					}
					named.set(args[i+1], v)
				}
				i += 2
			case "help":
				return c.writeOut(jqUsage)
			case "version":
				return c.writeOut("jq-1.7.1\n")
			default:
				return die("Unknown option %s", a)
			}
			continue
		}
		// Short options, stacked: each known letter counts once.
		count := 0
		for _, ch := range []byte("srjcCMaSRnfehV") {
			if strings.IndexByte(a[1:], ch) < 0 {
				continue
			}
			count++
			switch ch {
			case 's':
				opts.slurp = true
			case 'r':
				opts.rawOutput = true
			case 'j':
				opts.rawOutput, opts.noNewline = true, true
			case 'c':
				opts.indent, opts.tab = -1, false
			case 'a':
				opts.ascii = true
			case 'R':
				opts.rawInput = true
			case 'n':
				opts.nullInput = true
			case 'f':
				opts.fromFile = true
			case 'e':
				opts.exitStatus = true
			case 'h':
				return c.writeOut(jqUsage)
			case 'V':
				return c.writeOut("jq-1.7.1\n")
			}
		}
		if len(a) != count+1 {
			return die("Unknown option %s", a)
		}
	}
	if program == nil {
		p := "."
		program = &p
	}
	src := *program
	progName := "<top-level>"
	if opts.fromFile {
		data, msg := c.jqLoadFile(src, true)
		if msg != "" {
			fmt.Fprintf(c.Stderr, "jq: %s\n", msg)
			return jqErrSystem
		}
		src = data.(string)
	}
	namedObj := map[string]any{}
	for _, n := range named.names {
		namedObj[n] = named.values[n]
	}
	varNames := []string{}
	varValues := []any{}
	for _, n := range named.names {
		varNames = append(varNames, "$"+n)
		varValues = append(varValues, named.values[n])
	}
	varNames = append(varNames, "$ARGS")
	varValues = append(varValues, map[string]any{"positional": positional, "named": namedObj})

	query, err := gojq.Parse(src)
	if err != nil {
		return c.jqCompileError(src, progName, err)
	}
	in := &jqInputs{c: c, files: files, opts: opts}
	if len(files) == 0 {
		in.files = []string{"-"}
	}
	environ := func() []string {
		if c.Environ == nil {
			return nil
		}
		return c.Environ()
	}
	code, err := gojq.Compile(query,
		gojq.WithEnvironLoader(environ),
		gojq.WithVariables(varNames),
		gojq.WithFunction("input_filename", 0, 0, func(any, []any) any {
			if in.curName == "" {
				return nil
			}
			return in.curName
		}),
		gojq.WithFunction("debug", 0, 0, func(v any, _ []any) any {
			e := &jqEncoder{indent: -1}
			e.encode([]any{"DEBUG:", v})
			e.buf.WriteByte('\n')
			io.WriteString(c.Stderr, e.buf.String())
			return v
		}),
		gojq.WithFunction("stderr", 0, 0, func(v any, _ []any) any {
			if s, ok := v.(string); ok {
				io.WriteString(c.Stderr, s)
			} else {
				e := &jqEncoder{indent: -1}
				e.encode(v)
				io.WriteString(c.Stderr, e.buf.String())
			}
			return v
		}),
		gojq.WithInputIter(in),
	)
	if err != nil {
		return c.jqCompileError(src, progName, err)
	}

	out := newErrWriter(c.Stdout)
	ctx := c.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	ret := jqOKNoOutput
	lastResult := -1
	halted := false
	run := func(v any) int {
		r := jqOKNoOutput
		iter := code.RunWithContext(ctx, v, varValues...)
		for {
			x, ok := iter.Next()
			if !ok {
				break
			}
			if e, isErr := x.(error); isErr {
				var he *gojq.HaltError
				if errors.As(e, &he) {
					halted = true
					out.Flush()
					return c.jqHalt(he)
				}
				if c.Canceled() {
					return jqErrUnknown
				}
				out.Flush()
				c.jqRuntimeError(in, e)
				return jqErrUnknown
			}
			if s, isStr := x.(string); isStr && opts.rawOutput {
				if opts.ascii {
					e := &jqEncoder{ascii: true}
					e.encodeString(s)
					out.WriteString(e.buf.String())
				} else {
					out.WriteString(s)
				}
				r = jqOK
			} else {
				if x == nil || x == false {
					r = jqOKNullKind
				} else {
					r = jqOK
				}
				e := &jqEncoder{indent: opts.indent, tab: opts.tab, ascii: opts.ascii}
				e.encode(x)
				out.WriteString(e.buf.String())
			}
			if !opts.noNewline {
				out.WriteByte('\n')
			}
			if out.err != nil || c.Canceled() {
				return jqErrUnknown
			}
		}
		return r
	}

	if opts.nullInput {
		ret = run(nil)
	} else {
		for !c.stopped() && out.err == nil && in.failures == 0 {
			v, ok := in.Next()
			if !ok {
				break
			}
			if pe, isErr := v.(*jqParseError); isErr {
				out.Flush()
				fmt.Fprintf(c.Stderr, "jq: parse error: %s\n", pe.msg)
				ret = jqErrUnknown
				break
			}
			ret = run(v)
			if ret <= 0 && ret != jqOKNoOutput {
				if ret != jqOKNullKind {
					lastResult = 1
				} else {
					lastResult = 0
				}
			}
			if halted {
				break
			}
		}
	}
	if in.failures > 0 {
		ret = jqErrSystem
	}
	if err := out.Flush(); err != nil {
		if isPipeErr(err) {
			return 1
		}
		fmt.Fprintf(c.Stderr, "jq: error: writing output failed: %s\n", ErrText(err))
		ret = jqErrSystem
	}
	if c.Canceled() {
		return 1
	}
	if opts.exitStatus {
		if ret != jqOKNoOutput {
			return abs(ret)
		}
		switch lastResult {
		case -1:
			return 4
		case 0:
			return 1
		}
		return 0
	}
	if ret > 0 {
		return ret
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// atoiC is C's atoi: leading blanks, a sign and digits; 0 otherwise.
func atoiC(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
		if n > 1<<30 {
			break
		}
	}
	if neg {
		return -n
	}
	return n
}

// jqLoadFile reads a file for -f, --rawfile (raw) or --slurpfile (an
// array of its JSON values). It returns jq's message on failure.
func (c *Context) jqLoadFile(name string, raw bool) (any, string) {
	f, err := c.FS.Open(c.fsPath(name))
	if err != nil {
		return nil, fmt.Sprintf("Could not open %s: %s", name, ErrText(err))
	}
	defer f.Close()
	if raw {
		var b strings.Builder
		if _, err := io.Copy(&b, f); err != nil {
			return nil, fmt.Sprintf("Could not open %s: %s", name, ErrText(err))
		}
		return jqValidUTF8(b.String()), ""
	}
	p := newJQParser(f)
	vals := []any{}
	for {
		v, err := p.next()
		if err == io.EOF {
			return vals, ""
		}
		if err != nil {
			return nil, err.Error()
		}
		vals = append(vals, v)
	}
}

// jqParseText parses one JSON text given on the command line.
func jqParseText(s string) (any, error) {
	p := newJQParser(strings.NewReader(s))
	v, err := p.next()
	if err != nil {
		return nil, err
	}
	if _, err := p.next(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

// jqCompileError reports a parse or compile error of the program as jq
// does and returns 3.
func (c *Context) jqCompileError(src, where string, err error) int {
	msg := err.Error()
	var pe interface {
		QueryParseError() (string, string, error)
	}
	if errors.As(err, &pe) {
		_, _, e := pe.QueryParseError()
		if e != nil {
			msg = e.Error()
		}
	}
	switch {
	case strings.HasPrefix(msg, "variable not defined: "):
		msg = strings.TrimPrefix(msg, "variable not defined: ") + " is not defined"
	case strings.HasPrefix(msg, "function not defined: "):
		msg = strings.TrimPrefix(msg, "function not defined: ") + " is not defined"
	default:
		msg = "syntax error, " + msg
	}
	fmt.Fprintf(c.Stderr, "jq: error: %s at %s, line 1:\n%s\njq: 1 compile error\n", msg, where, src)
	return jqErrCompile
}

// jqRuntimeError prints an uncaught error as jq does.
func (c *Context) jqRuntimeError(in *jqInputs, err error) {
	pos := in.position()
	var ve gojq.ValueError
	if errors.As(err, &ve) {
		v := ve.Value()
		if s, ok := v.(string); ok {
			fmt.Fprintf(c.Stderr, "jq: error (at %s): %s\n", pos, s)
			return
		}
		e := &jqEncoder{indent: -1}
		e.encode(v)
		fmt.Fprintf(c.Stderr, "jq: error (at %s) (not a string): %s\n", pos, e.buf.String())
		return
	}
	fmt.Fprintf(c.Stderr, "jq: error (at %s): %s\n", pos, jqErrMessage(err.Error()))
}

// jqErrMessage rewrites the commonest gojq runtime errors in jq's words.
func jqErrMessage(msg string) string {
	preview := func(p string) string {
		if p == "null" {
			return "null (null)"
		}
		return p
	}
	if p, ok := strings.CutPrefix(msg, "cannot iterate over: "); ok {
		return "Cannot iterate over " + preview(p)
	}
	for op, verb := range map[string]string{"add": "added", "subtract": "subtracted", "multiply": "multiplied", "divide": "divided"} {
		if rest, ok := strings.CutPrefix(msg, "cannot "+op+": "); ok {
			if l, r, ok := strings.Cut(rest, " and "); ok {
				return preview(l) + " and " + preview(r) + " cannot be " + verb
			}
		}
	}
	return msg
}

// jqHalt handles halt and halt_error: the message on stderr, and the exit
// status.
func (c *Context) jqHalt(he *gojq.HaltError) int {
	v := he.Value()
	switch v := v.(type) {
	case nil:
	case string:
		io.WriteString(c.Stderr, v)
	default:
		e := &jqEncoder{indent: -1}
		e.encode(v)
		e.buf.WriteByte('\n')
		io.WriteString(c.Stderr, e.buf.String())
	}
	return he.ExitCode()
}

// ---------------------------------------------------------------------------
// Inputs

// jqInputs is the stream of input values: from the files in turn (or
// stdin), as JSON texts or raw lines, slurped or not. It is also the input
// iterator of the program (input, inputs).
type jqInputs struct {
	c        *Context
	files    []string
	opts     jqOptions
	next     int
	cur      io.ReadCloser
	parser   *jqParser
	raw      *bufio.Reader
	curName  string // input_filename: "" before any and after the last
	posName  string // for error positions
	done     bool
	slurped  bool
	failures int
}

// position is jq's "FILE:LINE" of the input being read, or "<unknown>".
func (in *jqInputs) position() string {
	if in.posName == "" {
		return "<unknown>"
	}
	line := 0
	if in.parser != nil {
		line = in.parser.lines
	}
	return fmt.Sprintf("%s:%d", in.posName, line)
}

// open opens the next file; false when there is none left.
func (in *jqInputs) open() bool {
	for in.next < len(in.files) {
		name := in.files[in.next]
		in.next++
		var r io.ReadCloser
		var err error
		if name == "-" {
			r, err = in.c.openInput("-")
			in.curName, in.posName = "<stdin>", "<stdin>"
		} else {
			r, err = in.c.FS.Open(in.c.fsPath(name))
			in.curName, in.posName = name, name
		}
		if err != nil {
			fmt.Fprintf(in.c.Stderr, "jq: error: Could not open file %s: %s\n", name, ErrText(err))
			in.failures++
			in.curName, in.posName = "", ""
			continue
		}
		in.cur = r
		in.parser = newJQParser(&jqCancelReader{r: r, c: in.c})
		if in.opts.rawInput {
			in.raw = bufio.NewReaderSize(&jqCancelReader{r: r, c: in.c}, 64*1024)
		}
		return true
	}
	return false
}

func (in *jqInputs) closeCur() {
	if in.cur != nil {
		in.cur.Close()
		in.cur = nil
	}
}

// Next returns the next input value, a *jqParseError, or false at the end.
func (in *jqInputs) Next() (any, bool) {
	if in.done {
		return nil, false
	}
	if in.opts.slurp {
		if in.slurped {
			in.done = true
			return nil, false
		}
		in.slurped = true
		if in.opts.rawInput {
			var b strings.Builder
			for {
				line, ok := in.rawLine(true)
				if !ok {
					break
				}
				b.WriteString(line)
			}
			return jqValidUTF8(b.String()), true
		}
		vals := []any{}
		last := ""
		for {
			v, ok := in.value()
			if !ok {
				in.posName = last
				break
			}
			last = in.posName
			if _, isErr := v.(*jqParseError); isErr {
				in.done = true
				return v, true
			}
			vals = append(vals, v)
		}
		return vals, true
	}
	if in.opts.rawInput {
		line, ok := in.rawLine(false)
		if !ok {
			in.done = true
			return nil, false
		}
		return jqValidUTF8(line), true
	}
	v, ok := in.value()
	if !ok {
		in.done = true
	}
	if _, isErr := v.(*jqParseError); isErr {
		in.done = true
	}
	return v, ok
}

// value returns the next JSON value of the files.
func (in *jqInputs) value() (any, bool) {
	for {
		if in.cur == nil {
			if !in.open() {
				in.curName, in.posName = "", ""
				return nil, false
			}
		}
		v, err := in.parser.next()
		if err == nil {
			return v, true
		}
		if err == io.EOF {
			in.closeCur()
			continue
		}
		var pe *jqParseError
		if errors.As(err, &pe) {
			return pe, true
		}
		// A read error: jq counts it and goes on silently.
		in.failures++
		in.closeCur()
	}
}

// rawLine returns the next line of the files without its newline (with it
// when keep is set, for -Rs).
func (in *jqInputs) rawLine(keep bool) (string, bool) {
	for {
		if in.cur == nil {
			if !in.open() {
				in.curName, in.posName = "", ""
				return "", false
			}
		}
		line, err := in.raw.ReadString('\n')
		if line != "" {
			if strings.HasSuffix(line, "\n") {
				in.parser.lines++
				if !keep {
					line = line[:len(line)-1]
				}
			}
			return line, true
		}
		if err != io.EOF {
			in.failures++
		}
		in.closeCur()
	}
}

// jqCancelReader stops reading when the run is cancelled.
type jqCancelReader struct {
	r io.Reader
	c *Context
}

func (r *jqCancelReader) Read(p []byte) (int, error) {
	if r.c.Canceled() {
		return 0, r.c.Ctx.Err()
	}
	return r.r.Read(p)
}

// jqValidUTF8 replaces invalid UTF-8 with U+FFFD, as jq does with strings.
func jqValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// ---------------------------------------------------------------------------
// JSON parsing

// jqParseError is a JSON syntax error in the input, with jq's text.
type jqParseError struct{ msg string }

func (e *jqParseError) Error() string { return e.msg }

// jqParser reads JSON texts one after the other. It counts lines the way
// jq does: jq feeds its parser fgets chunks (a line, or 4095 bytes), so the
// line of a value is the number of newlines in the chunks read so far.
type jqParser struct {
	r     *bufio.Reader
	chunk []byte
	pos   int
	lines int // newlines in the chunks read
	eof   bool
	err   error
	// jq's own position for messages: line from 1, column in the line.
	line, col int
}

func newJQParser(r io.Reader) *jqParser {
	return &jqParser{r: bufio.NewReaderSize(r, 64*1024), line: 1}
}

// fill reads the next chunk; false at the end of input.
func (p *jqParser) fill() bool {
	if p.eof {
		return false
	}
	p.chunk = p.chunk[:0]
	p.pos = 0
	for len(p.chunk) < jqChunkSize {
		b, err := p.r.ReadByte()
		if err != nil {
			p.eof = true
			if err != io.EOF {
				p.err = err
			}
			break
		}
		p.chunk = append(p.chunk, b)
		if b == '\n' {
			p.lines++
			break
		}
	}
	return len(p.chunk) > 0
}

// peek returns the next byte without taking it; -1 at the end.
func (p *jqParser) peek() int {
	if p.pos >= len(p.chunk) && !p.fill() {
		return -1
	}
	return int(p.chunk[p.pos])
}

func (p *jqParser) take() int {
	ch := p.peek()
	if ch >= 0 {
		p.pos++
		if ch == '\n' {
			p.line++
			p.col = 0
		} else {
			p.col++
		}
	}
	return ch
}

func (p *jqParser) fail(msg string) error {
	return &jqParseError{fmt.Sprintf("%s at line %d, column %d", msg, p.line, p.col)}
}

// failEOF is fail for errors found at the end of the input.
func (p *jqParser) failEOF(msg string) error {
	if p.peek() < 0 {
		return &jqParseError{fmt.Sprintf("%s at EOF at line %d, column %d", msg, p.line, p.col)}
	}
	return &jqParseError{fmt.Sprintf("%s at line %d, column %d", msg, p.line, p.col)}
}

func (p *jqParser) skipSpace() int {
	for {
		ch := p.peek()
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' {
			p.take()
			continue
		}
		return ch
	}
}

// next returns the next value, io.EOF at the end, or a *jqParseError.
func (p *jqParser) next() (any, error) {
	ch := p.skipSpace()
	if ch < 0 {
		if p.err != nil {
			return nil, p.err
		}
		return nil, io.EOF
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	return v, nil
}

func (p *jqParser) value(depth int) (any, error) {
	if depth > jqMaxDepth {
		return nil, p.fail("Exceeds depth limit for parsing")
	}
	ch := p.skipSpace()
	switch {
	case ch < 0:
		return nil, p.failEOF("Unfinished JSON term")
	case ch == '{':
		p.take()
		obj := map[string]any{}
		if p.skipSpace() == '}' {
			p.take()
			return obj, nil
		}
		for {
			ch := p.skipSpace()
			if ch < 0 {
				return nil, p.failEOF("Unfinished JSON term")
			}
			if ch != '"' {
				p.take()
				return nil, p.fail("Object keys must be strings")
			}
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			ch = p.skipSpace()
			if ch < 0 {
				return nil, p.failEOF("Unfinished JSON term")
			}
			if ch != ':' {
				p.take()
				return nil, p.fail("Objects must consist of key:value pairs")
			}
			p.take()
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			obj[k] = v
			ch = p.skipSpace()
			if ch < 0 {
				return nil, p.failEOF("Unfinished JSON term")
			}
			p.take()
			if ch == '}' {
				return obj, nil
			}
			if ch != ',' {
				return nil, p.fail("Expected separator between values")
			}
			if p.skipSpace() == '}' {
				p.take()
				return nil, p.fail("Expected another key-value pair")
			}
		}
	case ch == '[':
		p.take()
		arr := []any{}
		if p.skipSpace() == ']' {
			p.take()
			return arr, nil
		}
		for {
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
			ch := p.skipSpace()
			if ch < 0 {
				return nil, p.failEOF("Unfinished JSON term")
			}
			p.take()
			if ch == ']' {
				return arr, nil
			}
			if ch != ',' {
				return nil, p.fail("Expected separator between values")
			}
			if p.skipSpace() == ']' {
				p.take()
				return nil, p.fail("Expected another array element")
			}
		}
	case ch == '"':
		return p.str()
	case ch == '}' || ch == ']':
		p.take()
		if ch == '}' {
			return nil, p.fail("Unmatched '}' at the top-level")
		}
		return nil, p.fail("Unmatched ']' at the top-level")
	case ch == ',' || ch == ':':
		p.take()
		if ch == ',' {
			return nil, p.fail("Expected value before ','")
		}
		return nil, p.fail("':' not as part of an object")
	}
	// A literal: letters, digits and signs up to a delimiter.
	var lit []byte
	for {
		ch := p.peek()
		if ch < 0 || strings.IndexByte(" \t\r\n[]{},:\"", byte(ch)) >= 0 {
			break
		}
		lit = append(lit, byte(p.take()))
	}
	s := string(lit)
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	case "nan":
		return math.NaN(), nil
	}
	if n, ok := jqCanonicalNumber(s); ok {
		return n, nil
	}
	if len(s) > 0 && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return nil, p.failEOF("Invalid numeric literal")
	}
	return nil, p.failEOF("Invalid literal")
}

// str reads a string; the opening quote is next.
func (p *jqParser) str() (string, error) {
	p.take()
	var b []byte
	for {
		ch := p.take()
		switch {
		case ch < 0:
			return "", p.failEOF("Unfinished string")
		case ch == '"':
			return jqValidUTF8(string(b)), nil
		case ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != 0x7f:
			return "", p.fail("Invalid string: control characters from U+0000 through U+001F must be escaped")
		case ch == '\\':
			e := p.take()
			switch e {
			case '"', '\\', '/':
				b = append(b, byte(e))
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.fail("Invalid characters in \\uXXXX escape")
				}
				if utf16.IsSurrogate(r) {
					if r < 0xdc00 && p.peek() == '\\' {
						p.take()
						if p.take() != 'u' {
							return "", p.fail("Invalid \\uXXXX\\uXXXX surrogate pair escape")
						}
						r2, ok := p.hex4()
						if !ok {
							return "", p.fail("Invalid characters in \\uXXXX escape")
						}
						r = utf16.DecodeRune(r, r2)
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			case -1:
				return "", p.failEOF("Unfinished string")
			default:
				return "", p.fail("Invalid escape")
			}
		default:
			b = append(b, byte(ch))
		}
	}
}

func (p *jqParser) hex4() (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		ch := p.take()
		var d int
		switch {
		case ch >= '0' && ch <= '9':
			d = ch - '0'
		case ch >= 'a' && ch <= 'f':
			d = ch - 'a' + 10
		case ch >= 'A' && ch <= 'F':
			d = ch - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(d)
	}
	return r, true
}

// jqCanonicalNumber checks a JSON number literal and returns it as
// decNumber's to-scientific-string prints it, which is how jq 1.7.1 prints
// numbers it read and did not change.
func jqCanonicalNumber(s string) (json.Number, bool) {
	i := 0
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intPart := s[start:i]
	frac := ""
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		frac = s[fs:i]
		if frac == "" && intPart == "" {
			return "", false
		}
	}
	if intPart == "" && frac == "" {
		return "", false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		es := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if exp < 1e8 {
				exp = exp*10 + int(s[i]-'0')
			}
			i++
		}
		if es == i {
			return "", false
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return "", false
	}
	coef := strings.TrimLeft(intPart+frac, "0")
	if coef == "" {
		coef = "0"
	}
	exp -= len(frac)
	if len(coef) > 1e6 || exp > 1e8 || exp < -1e8 {
		return json.Number(s), true
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	adjusted := exp + len(coef) - 1
	switch {
	case exp <= 0 && adjusted >= -6:
		if exp == 0 {
			b.WriteString(coef)
		} else if n := -exp; len(coef) > n {
			b.WriteString(coef[:len(coef)-n])
			b.WriteByte('.')
			b.WriteString(coef[len(coef)-n:])
		} else {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", n-len(coef)))
			b.WriteString(coef)
		}
	default:
		b.WriteByte(coef[0])
		if len(coef) > 1 {
			b.WriteByte('.')
			b.WriteString(coef[1:])
		}
		b.WriteByte('E')
		if adjusted >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(adjusted))
	}
	return json.Number(b.String()), true
}

// ---------------------------------------------------------------------------
// Output

// jqEncoder prints values as jq does: indent spaces (or tabs) per level,
// -1 for compact output; keys sorted.
type jqEncoder struct {
	buf    strings.Builder
	indent int
	tab    bool
	ascii  bool
	depth  int
}

func (e *jqEncoder) newline() {
	e.buf.WriteByte('\n')
	if e.tab {
		e.buf.WriteString(strings.Repeat("\t", e.depth))
	} else {
		e.buf.WriteString(strings.Repeat(" ", e.depth*e.indent))
	}
}

func (e *jqEncoder) encode(v any) {
	switch v := v.(type) {
	case nil:
		e.buf.WriteString("null")
	case bool:
		if v {
			e.buf.WriteString("true")
		} else {
			e.buf.WriteString("false")
		}
	case int:
		if v > 1<<53 || v < -(1<<53) {
			e.buf.WriteString(jqFormatFloat(float64(v)))
		} else {
			e.buf.WriteString(strconv.Itoa(v))
		}
	case float64:
		e.buf.WriteString(jqFormatFloat(v))
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		e.buf.WriteString(jqFormatFloat(f))
	case json.Number:
		if n, ok := jqCanonicalNumber(string(v)); ok {
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil && math.IsInf(f, 0) {
				e.buf.WriteString(jqFormatFloat(f))
			} else {
				e.buf.WriteString(string(n))
			}
		} else {
			e.buf.WriteString(string(v))
		}
	case string:
		e.encodeString(v)
	case []any:
		if len(v) == 0 {
			e.buf.WriteString("[]")
			return
		}
		e.buf.WriteByte('[')
		e.depth++
		for i, x := range v {
			if i > 0 {
				e.buf.WriteByte(',')
			}
			if e.indent >= 0 {
				e.newline()
			}
			e.encode(x)
		}
		e.depth--
		if e.indent >= 0 {
			e.newline()
		}
		e.buf.WriteByte(']')
	case map[string]any:
		if len(v) == 0 {
			e.buf.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		e.buf.WriteByte('{')
		e.depth++
		for i, k := range keys {
			if i > 0 {
				e.buf.WriteByte(',')
			}
			if e.indent >= 0 {
				e.newline()
			}
			e.encodeString(k)
			e.buf.WriteByte(':')
			if e.indent >= 0 {
				e.buf.WriteByte(' ')
			}
			e.encode(v[k])
		}
		e.depth--
		if e.indent >= 0 {
			e.newline()
		}
		e.buf.WriteByte('}')
	default:
		e.encodeString(fmt.Sprint(v))
	}
}

// encodeString writes s quoted as jq does: \" \\ \b \f \n \r \t, other
// control characters and DEL as \u00XX, and with -a every non-ASCII
// character as \uXXXX (surrogate pairs above U+FFFF).
func (e *jqEncoder) encodeString(s string) {
	const hex = "0123456789abcdef"
	e.buf.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			e.buf.WriteString(`\"`)
		case r == '\\':
			e.buf.WriteString(`\\`)
		case r == '\b':
			e.buf.WriteString(`\b`)
		case r == '\f':
			e.buf.WriteString(`\f`)
		case r == '\n':
			e.buf.WriteString(`\n`)
		case r == '\r':
			e.buf.WriteString(`\r`)
		case r == '\t':
			e.buf.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			e.buf.WriteString(`\u00`)
			e.buf.WriteByte(hex[r>>4])
			e.buf.WriteByte(hex[r&0xf])
		case r < 0x80 || !e.ascii:
			e.buf.WriteRune(r)
		default:
			units := []rune{r}
			if r > 0xffff {
				a, b := utf16.EncodeRune(r)
				units = []rune{a, b}
			}
			for _, u := range units {
				fmt.Fprintf(&e.buf, `\u%04x`, u)
			}
		}
	}
	e.buf.WriteByte('"')
}

// jqFormatFloat formats a double as jq's jvp_dtoa_fmt does: the shortest
// digits that read back, in exponent form (e+17, e-07) when the decimal
// point is far away; NaN as null and infinities as the largest doubles.
func jqFormatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "null"
	case math.IsInf(f, 1):
		f = math.MaxFloat64
	case math.IsInf(f, -1):
		f = -math.MaxFloat64
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	var b strings.Builder
	if f < 0 {
		b.WriteByte('-')
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(expStr)
	decpt := x + 1
	nd := len(digits)
	switch {
	case decpt <= -4 || decpt > nd+15:
		b.WriteByte(digits[0])
		if nd > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		d := decpt - 1
		if d < 0 {
			b.WriteByte('-')
			d = -d
		} else {
			b.WriteByte('+')
		}
		if d < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(d))
	case decpt <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -decpt))
		b.WriteString(digits)
	default:
		if nd <= decpt {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", decpt-nd))
		} else {
			b.WriteString(digits[:decpt])
			b.WriteByte('.')
			b.WriteString(digits[decpt:])
		}
	}
	return b.String()
}

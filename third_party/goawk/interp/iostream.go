package interp

// I/O streams are interfaces which allow file redirects and command pipelines to be treated
// equivalently.

import (
	"bufio"
	"errors"
	"io"
)

const (
	notClosedExitCode = -127
)

var (
	errDoubleClose = errors.New("close: stream already closed")
)

// firstError returns the first non-nil error or nil if all errors are nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sandsh: waitExitCode and its os/exec Cmd are gone: commands run through
// Config.RunCommand on a goroutine (see cmdRun below).

// cmdRun is a command started with Config.RunCommand on a goroutine.
type cmdRun struct {
	done chan struct{}
	code int
	err  error
}

// startCommand runs cmdline with run on a goroutine; after runs once it has
// returned (to close the pipe end the command used).
func startCommand(run func(string, io.Reader, io.Writer) (int, error), cmdline string, stdin io.Reader, stdout io.Writer, after func()) *cmdRun {
	c := &cmdRun{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.code, c.err = run(cmdline, stdin, stdout)
		if c.err != nil {
			c.code = -1
		}
		after()
	}()
	return c
}

// wait waits for the command to end and returns its status.
func (c *cmdRun) wait() (int, error) {
	<-c.done
	return c.code, c.err
}

type inputStream interface {
	io.ReadCloser
	ExitCode() int
}

type outputStream interface {
	io.WriteCloser
	Flush() error
	ExitCode() int
}

type outFileStream struct {
	*bufio.Writer
	closer   io.Closer
	exitCode int
	closed   bool
}

func newOutFileStream(wc io.WriteCloser, size int) outputStream {
	b := bufio.NewWriterSize(wc, size)
	return &outFileStream{b, wc, notClosedExitCode, false}
}

func (s *outFileStream) Close() error {
	if s.closed {
		return errDoubleClose
	}
	s.closed = true
	flushErr := s.Writer.Flush()
	closeErr := s.closer.Close()
	if err := firstError(flushErr, closeErr); err != nil {
		s.exitCode = -1
		return err
	}
	s.exitCode = 0
	return nil
}

func (s *outFileStream) ExitCode() int {
	return s.exitCode
}

type outCmdStream struct {
	*bufio.Writer
	closer   io.Closer
	cmd      *cmdRun // sandsh: was *exec.Cmd
	exitCode int
	closed   bool
}

// sandsh: newOutCmdStream starts cmdline with run, its stdin a pipe from
// the stream, its stdout the interpreter's (nil). The read end is closed
// when the command ends, so later writes fail instead of blocking.
func newOutCmdStream(run func(string, io.Reader, io.Writer) (int, error), cmdline string) (outputStream, error) {
	r, w := io.Pipe()
	cmd := startCommand(run, cmdline, r, nil, func() { r.Close() })
	out := &outCmdStream{bufio.NewWriterSize(w, outputBufSize), w, cmd, notClosedExitCode, false}
	return out, nil
}

func (s *outCmdStream) Close() error {
	if s.closed {
		return errDoubleClose
	}
	s.closed = true
	flushErr := s.Writer.Flush()
	closeErr := s.closer.Close()
	var waitErr error
	s.exitCode, waitErr = s.cmd.wait()
	if flushErr == io.ErrClosedPipe { // sandsh: the command did not read it all
		flushErr = nil
	}
	return firstError(waitErr, flushErr, closeErr)
}

func (s *outCmdStream) ExitCode() int {
	return s.exitCode
}

// An outNullStream allows writes to not do anything while fulfilling the outputStream interface.
type outNullStream struct {
	io.Writer
	closed bool
}

func newOutNullStream() outputStream { return &outNullStream{io.Discard, false} }
func (s outNullStream) Flush() error { return nil }
func (s *outNullStream) Close() error {
	if s.closed {
		return errDoubleClose
	}
	s.closed = true
	return nil
}
func (s outNullStream) ExitCode() int { return -1 }

type inFileStream struct {
	io.ReadCloser
	exitCode int
	closed   bool
}

func newInFileStream(rc io.ReadCloser) inputStream {
	return &inFileStream{rc, notClosedExitCode, false}
}

func (s *inFileStream) Close() error {
	if s.closed {
		return errDoubleClose
	}
	s.closed = true
	if err := s.ReadCloser.Close(); err != nil {
		s.exitCode = -1
		return err
	}
	s.exitCode = 0
	return nil
}

func (s *inFileStream) ExitCode() int {
	return s.exitCode
}

type inCmdStream struct {
	io.ReadCloser
	cmd      *cmdRun // sandsh: was *exec.Cmd
	exitCode int
	closed   bool
}

// sandsh: newInCmdStream starts cmdline with run, its stdout a pipe to
// the stream. Closing the stream closes the read end, so a command still
// writing stops as at a closed pipe.
func newInCmdStream(run func(string, io.Reader, io.Writer) (int, error), cmdline string) (inputStream, error) {
	r, w := io.Pipe()
	cmd := startCommand(run, cmdline, nil, w, func() { w.Close() })
	return &inCmdStream{r, cmd, notClosedExitCode, false}, nil
}

func (s *inCmdStream) Close() error {
	if s.closed {
		return errDoubleClose
	}
	s.closed = true
	closeErr := s.ReadCloser.Close()
	var waitErr error
	s.exitCode, waitErr = s.cmd.wait()
	return firstError(waitErr, closeErr)
}

func (s *inCmdStream) ExitCode() int {
	return s.exitCode
}

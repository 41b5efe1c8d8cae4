package vfstest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// HelperEnv is the environment variable that turns a test binary into a
// chroot helper: Main, seeing it set to a directory, chroots into that
// directory and serves requests instead of running tests.
const HelperEnv = "SANDSH_VFSTEST_HELPER"

var mainCalled bool

// Main must be called from TestMain by every package that uses the harness:
//
//	func TestMain(m *testing.M) { vfstest.Main(m) }
//
// In the test process it sets the umask to 022 and runs the tests. In a
// helper process (HelperEnv set) it chroots into the given directory and
// serves the harness's requests until its standard input is closed. Main
// does not return.
func Main(m *testing.M) { MainCleanup(m, nil) }

// MainCleanup is Main with a function run after the tests and before the
// process exits, for packages whose TestMain has fixtures to remove.
func MainCleanup(m *testing.M, cleanup func()) {
	syscall.Umask(0o22)
	if dir := os.Getenv(HelperEnv); dir != "" {
		os.Exit(serve(dir, os.Stdin, os.Stdout))
	}
	mainCalled = true
	code := m.Run()
	stopHelpers()
	if cleanup != nil {
		cleanup()
	}
	os.Exit(code)
}

// request is one call to the helper. Paths are absolute inside the chroot.
type request struct {
	Op       string
	Path     string      `json:",omitempty"`
	Path2    string      `json:",omitempty"`
	Flag     int         `json:",omitempty"`
	Perm     fs.FileMode `json:",omitempty"`
	Uid      int         `json:",omitempty"`
	Gid      int         `json:",omitempty"`
	Atime    time.Time   `json:",omitzero"`
	Mtime    time.Time   `json:",omitzero"`
	H        int         `json:",omitempty"`
	Data     []byte      `json:",omitempty"`
	Off      int64       `json:",omitempty"`
	N        int         `json:",omitempty"`
	Tree     []TreeEntry `json:",omitempty"`
	RootPerm fs.FileMode `json:",omitempty"`
}

// response is the helper's answer.
type response struct {
	Err     *wireErr     `json:",omitempty"`
	Info    *wireInfo    `json:",omitempty"`
	Infos   []wireInfo   `json:",omitempty"`
	Names   []string     `json:",omitempty"`
	Dirents []wireDirent `json:",omitempty"`
	Data    []byte       `json:",omitempty"`
	N       int          `json:",omitempty"`
	Off     int64        `json:",omitempty"`
	H       int          `json:",omitempty"`
	Target  string       `json:",omitempty"`
	Snap    Snapshot     `json:",omitempty"`
}

type wireErr struct {
	Kind  string `json:",omitempty"` // "path", "link", "eof" or ""
	Op    string `json:",omitempty"`
	Path  string `json:",omitempty"`
	Path2 string `json:",omitempty"`
	Errno int    `json:",omitempty"`
	Msg   string `json:",omitempty"`
}

type wireInfo struct {
	Name    string
	Mode    fs.FileMode
	Size    int64
	ModTime time.Time
	Nlink   uint64
	Ino     uint64
}

type wireDirent struct {
	Name string
	Type fs.FileMode
}

func encodeErr(err error) *wireErr {
	if err == nil {
		return nil
	}
	w := &wireErr{Msg: err.Error(), Errno: int(vfs.Errno(err))}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == io.EOF:
		w.Kind = "eof"
	case errors.As(err, &pe):
		w.Kind, w.Op, w.Path = "path", pe.Op, pe.Path
	case errors.As(err, &le):
		w.Kind, w.Op, w.Path, w.Path2 = "link", le.Op, le.Old, le.New
	}
	return w
}

func (w *wireErr) err() error {
	if w == nil {
		return nil
	}
	if w.Kind == "eof" {
		return io.EOF
	}
	if w.Errno == 0 {
		return errors.New(w.Msg)
	}
	errno := syscall.Errno(w.Errno)
	switch w.Kind {
	case "path":
		return &fs.PathError{Op: w.Op, Path: w.Path, Err: errno}
	case "link":
		return &os.LinkError{Op: w.Op, Old: w.Path, New: w.Path2, Err: errno}
	}
	return fmt.Errorf("%s: %w", w.Msg, errno)
}

func encodeInfo(fi fs.FileInfo) *wireInfo {
	w := &wireInfo{Name: fi.Name(), Mode: fi.Mode(), Size: fi.Size(), ModTime: fi.ModTime()}
	if st := vfs.StatT(fi); st != nil {
		w.Nlink, w.Ino = uint64(st.Nlink), st.Ino
	}
	return w
}

// serve is the helper process: it chroots into dir and answers requests
// until in is closed.
func serve(dir string, in io.Reader, out io.Writer) int {
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	// The first response is the handshake: an error, or none.
	var hello response
	if err := syscall.Chroot(dir); err != nil {
		hello.Err = encodeErr(fmt.Errorf("chroot %s: %w", dir, err))
	} else if err := syscall.Chdir("/"); err != nil {
		hello.Err = encodeErr(fmt.Errorf("chdir / in chroot %s: %w", dir, err))
	}
	if err := enc.Encode(&hello); err != nil || bw.Flush() != nil || hello.Err != nil {
		return 1
	}
	s := &server{files: map[int]*os.File{}}
	dec := json.NewDecoder(bufio.NewReader(in))
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if err == io.EOF {
				return 0
			}
			fmt.Fprintln(os.Stderr, "vfstest helper:", err)
			return 1
		}
		resp := s.handle(&req)
		if err := enc.Encode(resp); err != nil {
			fmt.Fprintln(os.Stderr, "vfstest helper:", err)
			return 1
		}
		if err := bw.Flush(); err != nil {
			return 1
		}
	}
}

type server struct {
	files map[int]*os.File
	next  int
}

func (s *server) closeAll() {
	for h, f := range s.files {
		f.Close()
		delete(s.files, h)
	}
}

func (s *server) handle(req *request) (resp *response) {
	resp = &response{}
	defer func() {
		if r := recover(); r != nil {
			resp = &response{Err: &wireErr{Msg: fmt.Sprintf("helper panic: %v", r)}}
		}
	}()
	var err error
	p := req.Path
	switch req.Op {
	case "reset":
		s.closeAll()
		err = resetRoot(req.Tree, req.RootPerm)
	case "snapshot":
		resp.Snap = SnapshotDir("/")
	case "mkdir":
		err = syscall.Mkdir(p, vfs.UnixMode(req.Perm)&^syscall.S_IFMT)
		if err != nil {
			err = &fs.PathError{Op: "mkdir", Path: p, Err: err}
		}
	case "mkdirall":
		err = os.MkdirAll(p, req.Perm)
	case "remove":
		err = os.Remove(p)
	case "removeall":
		err = os.RemoveAll(p)
	case "rename":
		err = syscall.Rename(p, req.Path2)
		if err != nil {
			err = &os.LinkError{Op: "rename", Old: p, New: req.Path2, Err: err}
		}
	case "stat", "lstat":
		var fi fs.FileInfo
		if req.Op == "stat" {
			fi, err = os.Stat(p)
		} else {
			fi, err = os.Lstat(p)
		}
		if err == nil {
			resp.Info = encodeInfo(fi)
		}
	case "chmod":
		err = os.Chmod(p, req.Perm)
	case "chown":
		err = os.Chown(p, req.Uid, req.Gid)
	case "chtimes":
		err = os.Chtimes(p, req.Atime, req.Mtime)
	case "symlink":
		err = os.Symlink(p, req.Path2)
	case "link":
		err = os.Link(p, req.Path2)
	case "readlink":
		resp.Target, err = os.Readlink(p)
	case "readdir":
		var des []fs.DirEntry
		des, err = os.ReadDir(p)
		for _, de := range des {
			resp.Dirents = append(resp.Dirents, wireDirent{Name: de.Name(), Type: de.Type()})
		}
	case "open":
		var f *os.File
		f, err = os.OpenFile(p, req.Flag, req.Perm)
		if err == nil {
			s.next++
			s.files[s.next] = f
			resp.H = s.next
		}
	default:
		f := s.files[req.H]
		if f == nil {
			err = &fs.PathError{Op: req.Op, Path: fmt.Sprintf("handle %d", req.H), Err: syscall.EBADF}
			break
		}
		err = s.fileOp(f, req, resp)
	}
	resp.Err = encodeErr(err)
	return resp
}

func (s *server) fileOp(f *os.File, req *request, resp *response) (err error) {
	switch req.Op {
	case "close":
		delete(s.files, req.H)
		return f.Close()
	case "read":
		buf := make([]byte, req.N)
		resp.N, err = f.Read(buf)
		resp.Data = buf[:resp.N]
	case "readat":
		buf := make([]byte, req.N)
		resp.N, err = f.ReadAt(buf, req.Off)
		resp.Data = buf[:resp.N]
	case "seek":
		resp.Off, err = f.Seek(req.Off, req.N)
	case "write":
		resp.N, err = f.Write(req.Data)
	case "writeat":
		resp.N, err = f.WriteAt(req.Data, req.Off)
	case "fstat":
		var fi fs.FileInfo
		fi, err = f.Stat()
		if err == nil {
			resp.Info = encodeInfo(fi)
		}
	case "sync":
		err = f.Sync()
	case "truncate":
		err = f.Truncate(req.Off)
	case "freaddir":
		var fis []fs.FileInfo
		fis, err = f.Readdir(req.N)
		for _, fi := range fis {
			resp.Infos = append(resp.Infos, *encodeInfo(fi))
		}
	case "freaddirnames":
		resp.Names, err = f.Readdirnames(req.N)
	default:
		err = fmt.Errorf("vfstest helper: unknown request %q", req.Op)
	}
	return err
}

// resetRoot empties the chroot's root and builds tree in it.
func resetRoot(tree []TreeEntry, rootPerm fs.FileMode) error {
	des, err := os.ReadDir("/")
	if err != nil {
		return err
	}
	for _, de := range des {
		if err := os.RemoveAll("/" + de.Name()); err != nil {
			return err
		}
	}
	if err := os.Chmod("/", rootPerm); err != nil {
		return err
	}
	return BuildDir("/", tree)
}

// helper is a running helper process, seen from the test process.
type helper struct {
	dir    string
	ownDir bool
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	w      *bufio.Writer
	enc    *json.Encoder
	dec    *json.Decoder
	stderr *syncWriter
	broken error
}

// helperFailure is the panic value of a helper whose process failed; the
// harness recovers it and reports a harness failure.
type helperFailure struct{ err error }

func (h helperFailure) Error() string { return h.err.Error() }

var helpers struct {
	sync.Mutex
	idle []*helper
	all  []*helper
}

// acquireHelper returns an idle helper, starting one if there is none.
func acquireHelper() (*helper, error) {
	helpers.Lock()
	if n := len(helpers.idle); n > 0 {
		h := helpers.idle[n-1]
		helpers.idle = helpers.idle[:n-1]
		helpers.Unlock()
		return h, nil
	}
	helpers.Unlock()
	h, err := startHelper("")
	if err != nil {
		return nil, err
	}
	helpers.Lock()
	helpers.all = append(helpers.all, h)
	helpers.Unlock()
	return h, nil
}

// releaseHelper makes h available again, or stops it if it failed.
func releaseHelper(h *helper) {
	if h.broken != nil {
		h.stop()
		return
	}
	helpers.Lock()
	helpers.idle = append(helpers.idle, h)
	helpers.Unlock()
}

func stopHelpers() {
	helpers.Lock()
	all := helpers.all
	helpers.all, helpers.idle = nil, nil
	helpers.Unlock()
	for _, h := range all {
		h.stop()
	}
}

// startHelper starts a helper process chrooted into dir, or into a new
// temporary directory (removed when the helper stops) if dir is "".
func startHelper(dir string) (*helper, error) {
	if !mainCalled {
		return nil, errors.New("vfstest: the test binary must call vfstest.Main(m) from its TestMain before the harness can start its chroot helper")
	}
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	own := dir == ""
	if own {
		dir, err = os.MkdirTemp("", "vfstest-root-")
		if err != nil {
			return nil, fmt.Errorf("vfstest: making the helper's chroot directory: %w", err)
		}
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), HelperEnv+"="+dir)
	h := &helper{dir: dir, ownDir: own, cmd: cmd, stderr: &syncWriter{}}
	cmd.Stderr = h.stderr
	cleanup := func() {
		if own {
			os.RemoveAll(dir)
		}
	}
	h.stdin, err = cmd.StdinPipe()
	if err != nil {
		cleanup()
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		cleanup()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		cleanup()
		return nil, fmt.Errorf("vfstest: starting the chroot helper %s: %w", exe, err)
	}
	h.w = bufio.NewWriter(h.stdin)
	h.enc = json.NewEncoder(h.w)
	h.dec = json.NewDecoder(bufio.NewReader(stdout))
	var hello response
	if err := h.dec.Decode(&hello); err != nil || hello.Err != nil {
		h.stop()
		msg := "no answer"
		if err != nil {
			msg = err.Error()
		}
		if hello.Err != nil {
			msg = hello.Err.Msg
		}
		return nil, fmt.Errorf("vfstest: the chroot helper could not start (%s; stderr: %q); "+
			"the harness needs to run as root (CAP_SYS_CHROOT) so that the real side can chroot", msg, h.stderr.String())
	}
	return h, nil
}

// syncWriter collects a process's standard error.
type syncWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.buf.Len() > 1<<16 {
		return len(p), nil
	}
	return s.buf.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func (h *helper) stop() {
	h.stdin.Close()
	done := make(chan struct{})
	go func() { h.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		h.cmd.Process.Kill()
		<-done
	}
	if h.ownDir {
		os.RemoveAll(h.dir)
	}
}

// call sends req and returns the answer. A failure of the helper process
// itself panics with a helperFailure.
func (h *helper) call(req *request) *response {
	if h.broken != nil {
		panic(helperFailure{h.broken})
	}
	var resp response
	err := h.enc.Encode(req)
	if err == nil {
		err = h.w.Flush()
	}
	if err == nil {
		err = h.dec.Decode(&resp)
	}
	if err != nil {
		h.broken = fmt.Errorf("vfstest: the chroot helper failed during %q: %v (stderr: %q)", req.Op, err, h.stderr.String())
		panic(helperFailure{h.broken})
	}
	return &resp
}

// reset empties the helper's root, sets its mode and builds tree there.
func (h *helper) reset(tree []TreeEntry, rootPerm fs.FileMode) error {
	return h.call(&request{Op: "reset", Tree: tree, RootPerm: rootPerm}).Err.err()
}

// snapshot returns SnapshotDir of the helper's root.
func (h *helper) snapshot() Snapshot {
	s := h.call(&request{Op: "snapshot"}).Snap
	if s == nil {
		s = Snapshot{}
	}
	return s
}

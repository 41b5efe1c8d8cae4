package devfs

import (
	"errors"
	"io"
	"syscall"
	"testing"
)

func TestDevices(t *testing.T) {
	d := New()
	f, err := d.Open("/zero")
	if err != nil {
		t.Fatal(err)
	}
	buf := []byte{1, 2, 3}
	if n, err := f.Read(buf); n != 3 || err != nil || buf[0]|buf[1]|buf[2] != 0 {
		t.Errorf("read /zero = %d %v %v", n, err, buf)
	}
	n, err := d.Open("/null")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.Read(buf); err != io.EOF {
		t.Errorf("read /null: %v, want EOF", err)
	}
	if w, err := n.Write([]byte("x")); w != 1 || err != nil {
		t.Errorf("write /null = %d %v", w, err)
	}
	if _, err := d.Open("/stdin"); !errors.Is(err, syscall.ENXIO) {
		t.Errorf("open /stdin directly: %v, want ENXIO", err)
	}
	if _, err := d.Open("/tty"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("open /tty: %v, want ENOENT", err)
	}
	if err := d.Remove("/null"); !errors.Is(err, syscall.EPERM) {
		t.Errorf("remove /null: %v, want EPERM", err)
	}
	if _, err := d.Create("/new"); !errors.Is(err, syscall.EACCES) {
		t.Errorf("create /new: %v, want EACCES", err)
	}
	fi, err := d.Stat("/null")
	if err != nil || fi.Mode().Type() == 0 || fi.Mode()&(1<<26) == 0 {
		t.Errorf("stat /null = %v %v", fi, err)
	}
}

package memory

import (
	"bytes"
	"io"
	"os"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

func TestClone(t *testing.T) {
	m := New()
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*pageSize/16+7)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(m.MkdirAll("/d/e", 0o755))
	must(afero.WriteFile(m, "/d/big", big, 0o640))
	must(afero.WriteFile(m, "/d/e/small", []byte("small"), 0o600))
	must(m.Link("/d/big", "/d/big2"))
	must(m.SymlinkIfPossible("e/small", "/d/link"))

	c := m.Clone()
	if c.Held() != m.Held() {
		t.Errorf("clone holds %d bytes, original %d", c.Held(), m.Held())
	}
	// Writes on either side stay on that side, inside a shared page and
	// past it, through a hard link, and by truncation then growth.
	f, err := c.OpenFile("/d/big2", os.O_WRONLY, 0)
	must(err)
	_, err = f.WriteAt([]byte("XYZ"), pageSize+5)
	must(err)
	must(f.Close())
	g, err := m.OpenFile("/d/big", os.O_WRONLY|os.O_APPEND, 0)
	must(err)
	must(g.Truncate(10))
	must(err)
	_, err = g.Write([]byte("tail"))
	must(err)
	must(g.Close())
	must(afero.WriteFile(c, "/d/e/new", []byte("new"), 0o644))
	must(m.Remove("/d/e/small"))

	wantC := append([]byte(nil), big...)
	copy(wantC[pageSize+5:], "XYZ")
	if got, _ := afero.ReadFile(c, "/d/big"); !bytes.Equal(got, wantC) {
		t.Errorf("clone's /d/big changed by the original or lost its write")
	}
	if got, _ := afero.ReadFile(m, "/d/big2"); string(got) != "0123456789tail" {
		t.Errorf("original /d/big2 = %q", got)
	}
	if got, _ := afero.ReadFile(c, "/d/link"); string(got) != "small" {
		t.Errorf("clone's link reads %q", got)
	}
	if _, err := m.Stat("/d/e/new"); err == nil {
		t.Error("a file created in the clone shows in the original")
	}
	a, _ := c.Stat("/d/big")
	b, _ := c.Stat("/d/big2")
	if a.Sys().(*syscall.Stat_t).Ino != b.Sys().(*syscall.Stat_t).Ino || a.Sys().(*syscall.Stat_t).Nlink != 2 {
		t.Error("the clone split a hard link")
	}
	fi, _ := c.Stat("/d/e/small")
	if fi == nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("clone lost a mode: %v", fi)
	}
	// The clone's walk back up through ".." works.
	if _, err := c.Stat("/d/e/../big"); err != nil {
		t.Error(err)
	}
	r, _ := c.Open("/d/e/small")
	data, _ := io.ReadAll(r)
	r.Close()
	if string(data) != "small" {
		t.Error("read through handle")
	}
}

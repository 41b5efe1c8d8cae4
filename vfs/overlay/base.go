package overlay

import (
	"crypto/sha256"
	"io/fs"
	"sync"

	"github.com/sandsh/sandsh/vfs"
)

// The overlay remembers, for each lower entry, what it looked like when the
// view first saw it: its base. Apply compares the disk with the base to
// find the paths that changed on disk behind the sandbox's back.

// fingerprint identifies the state of a lower entry without reading it.
type fingerprint struct {
	mode         fs.FileMode
	size         int64
	mtime, ctime int64
	ino, dev     uint64
}

func fingerprintOf(fi fs.FileInfo) fingerprint {
	f := fingerprint{mode: fi.Mode(), size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	if st := vfs.StatT(fi); st != nil {
		f.ctime = st.Ctim.Nano()
		f.ino, f.dev = st.Ino, st.Dev
	}
	return f
}

// baseRec is the base of one lower path.
type baseRec struct {
	// absent says the view looked for the path and found nothing.
	absent bool
	fp     fingerprint
	// sum is the SHA-256 of the file's bytes as the overlay copied them
	// up, when that happened with the file still in its base state.
	sum []byte
	// moved says the file changed on disk between the first look and the
	// copy-up.
	moved bool
}

type bases struct {
	mu sync.Mutex
	m  map[string]*baseRec // by lower path
}

// note records fi as the base of the lower path p, the first time p is
// seen.
func (b *bases) note(p string, fi fs.FileInfo) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]*baseRec{}
	}
	if _, ok := b.m[p]; !ok {
		b.m[p] = &baseRec{fp: fingerprintOf(fi)}
	}
}

// noteSum records the hash of the lower file p, read in the state fi.
func (b *bases) noteSum(p string, fi fs.FileInfo, sum []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]*baseRec{}
	}
	fp := fingerprintOf(fi)
	r, ok := b.m[p]
	if !ok {
		r = &baseRec{fp: fp}
		b.m[p] = r
	}
	if r.absent || r.fp != fp {
		r.moved = true
		return
	}
	if r.sum == nil {
		r.sum = sum
	}
}

// set records the state fi (nil: absent) as the base of p, replacing what
// was there: Apply uses it for the paths it has written.
func (b *bases) set(p string, fi fs.FileInfo) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]*baseRec{}
	}
	if fi == nil {
		b.m[p] = &baseRec{absent: true}
		return
	}
	b.m[p] = &baseRec{fp: fingerprintOf(fi)}
}

// noteAbsent records that the lower path p did not exist when first
// looked for.
func (b *bases) noteAbsent(p string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[string]*baseRec{}
	}
	if _, ok := b.m[p]; !ok {
		b.m[p] = &baseRec{absent: true}
	}
}

func (b *bases) get(p string) *baseRec {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.m[p]
}

func (b *bases) clone() *bases {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := &bases{m: make(map[string]*baseRec, len(b.m))}
	for k, v := range b.m {
		r := *v
		c.m[k] = &r
	}
	return c
}

func (b *bases) reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.m = nil
}

var newHash = sha256.New

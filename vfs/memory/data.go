package memory

// pageSize is the unit in which file contents are stored. Pages are
// allocated on first write and grow inside their slot, so a 10-byte file
// holds about 10 bytes, a sparse file holds only what was written, and a
// large file never needs one huge reallocation.
const pageSize = 1 << 16

// data is the contents of a regular file: a sparse array of pages.
// Bytes inside the size that no page covers read as zero.
type data struct {
	size  int64
	pages map[int64][]byte
	held  int64 // bytes of page capacity allocated
	// shared lists the pages whose memory another filesystem's clone of
	// this file also uses; they are copied before they change.
	shared map[int64]struct{}
}

// own makes page idx private to d before it is changed in place.
func (d *data) own(idx int64) {
	if _, ok := d.shared[idx]; !ok {
		return
	}
	delete(d.shared, idx)
	pg := d.pages[idx]
	priv := make([]byte, len(pg), cap(pg))
	copy(priv, pg)
	d.pages[idx] = priv
}

// clone returns a copy of d that shares its pages; both copy a page
// before changing it.
func (d *data) clone() data {
	c := data{size: d.size, held: d.held}
	if len(d.pages) == 0 {
		return c
	}
	c.pages = make(map[int64][]byte, len(d.pages))
	c.shared = make(map[int64]struct{}, len(d.pages))
	if d.shared == nil {
		d.shared = make(map[int64]struct{}, len(d.pages))
	}
	for idx, pg := range d.pages {
		c.pages[idx] = pg
		c.shared[idx] = struct{}{}
		d.shared[idx] = struct{}{}
	}
	return c
}

// readAt copies the bytes at off into p and returns how many it copied,
// which is less than len(p) only at the end of the file.
func (d *data) readAt(p []byte, off int64) int {
	if off >= d.size {
		return 0
	}
	if max := d.size - off; int64(len(p)) > max {
		p = p[:max]
	}
	n := 0
	for n < len(p) {
		pos := off + int64(n)
		idx, in := pos/pageSize, int(pos%pageSize)
		chunk := p[n:min(len(p), n+pageSize-in)]
		pg := d.pages[idx]
		c := 0
		if in < len(pg) {
			c = copy(chunk, pg[in:])
		}
		clear(chunk[c:])
		n += len(chunk)
	}
	return n
}

// grow reports how many more bytes of capacity writing len(p) bytes at off
// would allocate.
func (d *data) grow(n int, off int64) int64 {
	var extra int64
	for done := 0; done < n; {
		pos := off + int64(done)
		idx, in := pos/pageSize, int(pos%pageSize)
		end := min(pageSize, in+n-done)
		if pg := d.pages[idx]; end > cap(pg) {
			extra += int64(newCap(cap(pg), end) - cap(pg))
		}
		done += end - in
	}
	return extra
}

func newCap(old, need int) int {
	c := max(need, 2*old, 64)
	return min(c, pageSize)
}

// writeAt stores p at off, growing the file as needed.
func (d *data) writeAt(p []byte, off int64) {
	if d.pages == nil {
		d.pages = make(map[int64][]byte)
	}
	for done := 0; done < len(p); {
		pos := off + int64(done)
		idx, in := pos/pageSize, int(pos%pageSize)
		end := min(pageSize, in+len(p)-done)
		d.own(idx)
		pg := d.pages[idx]
		if end > len(pg) {
			if end > cap(pg) {
				grown := make([]byte, end, newCap(cap(pg), end))
				copy(grown, pg)
				d.held += int64(cap(grown) - cap(pg))
				pg = grown
			} else {
				old := len(pg)
				pg = pg[:end]
				clear(pg[old:])
			}
			d.pages[idx] = pg
		}
		copy(pg[in:end], p[done:])
		done += end - in
	}
	if e := off + int64(len(p)); e > d.size {
		d.size = e
	}
}

// truncate sets the size to n and returns how many bytes of capacity it
// gave back. Shrinking drops the bytes past n; growing leaves a hole that
// reads as zero.
func (d *data) truncate(n int64) int64 {
	before := d.held
	if n < d.size {
		for idx, pg := range d.pages {
			start := idx * pageSize
			switch {
			case start >= n:
				d.held -= int64(cap(pg))
				delete(d.pages, idx)
				delete(d.shared, idx)
			case start+int64(len(pg)) > n:
				d.own(idx)
				d.pages[idx] = d.pages[idx][:n-start]
			}
		}
	}
	d.size = n
	return before - d.held
}

// release drops every page and returns how many bytes were held.
func (d *data) release() int64 {
	held := d.held
	*d = data{}
	return held
}

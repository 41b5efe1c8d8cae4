package builtins

// File name canonicalization shared by readlink and realpath, after
// gnulib's canonicalize_filename_mode.

import (
	"io/fs"
	"strings"
	"syscall"
)

// canMode says which components of a name must exist.
type canMode int

const (
	canExisting   canMode = iota // every component must exist (-e)
	canAllButLast                // all but the last must exist (-f)
	canMissing                   // no component need exist (-m)
)

// canonicalize returns the absolute name of name with no ".", ".." or
// repeated slashes and, unless logical, no symlinks, as gnulib's
// canonicalize_filename_mode does. The error is a syscall.Errno.
func (c *Context) canonicalize(name string, mode canMode, logical bool) (string, error) {
	if name == "" {
		return "", syscall.ENOENT
	}
	rname := "/"
	if !strings.HasPrefix(name, "/") {
		rname = cleanAbs(c.Dir)
	}
	rest := name
	links := 0
	var seen map[[2]string]bool
	for rest != "" {
		rest = strings.TrimLeft(rest, "/")
		if rest == "" {
			break
		}
		if c.Canceled() {
			return "", syscall.EINTR
		}
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			i = len(rest)
		}
		comp, end := rest[:i], rest[i:]
		switch comp {
		case ".":
			rest = end
			continue
		case "..":
			rname = parentOf(rname)
			rest = end
			continue
		}
		parent := rname
		rname = joinAbs(rname, comp)
		var errno syscall.Errno
		if !logical {
			fi, _, err := c.FS.LstatIfPossible(rname)
			switch {
			case err != nil:
				errno = errnoOr(err, syscall.ENOENT)
			case fi.Mode()&fs.ModeSymlink != 0:
				if links < 20 {
					links++
				} else {
					if seen == nil {
						seen = map[[2]string]bool{}
					}
					key := [2]string{parent, rest}
					if seen[key] {
						if mode == canMissing {
							rest = end
							continue
						}
						return "", syscall.ELOOP
					}
					seen[key] = true
				}
				target, err := c.FS.ReadlinkIfPossible(rname)
				if err != nil {
					return "", errnoOr(err, syscall.EIO)
				}
				rest = target + end
				if strings.HasPrefix(target, "/") {
					rname = "/"
				} else {
					rname = parent
				}
				continue
			default:
				errno = syscall.EINVAL
			}
		}
		if mode == canMissing {
			rest = end
			continue
		}
		ok := false
		if suffixRequiresDirCheck(end) {
			errno = c.dirCheck(rname)
			ok = errno == 0
		} else if !logical {
			ok = errno == syscall.EINVAL
		} else if end != "" {
			ok = true
		} else if _, err := c.FS.Stat(rname); err == nil {
			ok = true
		} else {
			errno = errnoOr(err, syscall.ENOENT)
		}
		if !ok && !(mode == canAllButLast && errno == syscall.ENOENT && strings.Trim(end, "/") == "") {
			return "", errno
		}
		rest = end
	}
	return rname, nil
}

// suffixRequiresDirCheck reports whether what follows a component
// requires it to be a directory: a trailing slash, or "/." or "/..".
func suffixRequiresDirCheck(end string) bool {
	for strings.HasPrefix(end, "/") {
		end = strings.TrimLeft(end, "/")
		if end == "" {
			return true
		}
		if end[0] != '.' {
			return false
		}
		end = end[1:]
		if end == "" || end[0] == '/' || (end[0] == '.' && (len(end) == 1 || end[1] == '/')) {
			return true
		}
	}
	return false
}

// dirCheck returns 0 when p is a directory, else the errno of stat.
func (c *Context) dirCheck(p string) syscall.Errno {
	fi, err := c.FS.Stat(p)
	if err != nil {
		return errnoOr(err, syscall.ENOENT)
	}
	if !fi.IsDir() {
		return syscall.ENOTDIR
	}
	return 0
}

// errnoOr returns the errno inside err, or def.
func errnoOr(err error, def syscall.Errno) syscall.Errno {
	if e := errnoOf(err); e != 0 {
		return e
	}
	return def
}

// cleanAbs returns the absolute path p without "." components, repeated
// or trailing slashes. ".." is resolved lexically.
func cleanAbs(p string) string {
	out := "/"
	for _, comp := range strings.Split(p, "/") {
		switch comp {
		case "", ".":
		case "..":
			out = parentOf(out)
		default:
			out = joinAbs(out, comp)
		}
	}
	return out
}

func parentOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

func joinAbs(dir, name string) string {
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

package builtins

// which, as Debian's (debianutils): for each NAME prints the path the
// shell would run. Along $PATH, a sandsh builtin in a system directory
// (see IsSystemDir) is DIR/NAME, as the shell's lookup finds it, and an
// executable regular file of the namespace is its path; a NAME with a
// slash is checked as it is. -a prints every match, -s nothing (only the
// status). Status 0 when all are
// found, 1 when some are not (printing nothing for them), 2 for a bad
// option.

import (
	"path"
	"strings"
)

func init() { Register("which", which) }

func which(c *Context) int {
	all, silent := false, false
	args := c.Args[1:]
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-" {
		a := args[0]
		args = args[1:]
		if a == "--" {
			break
		}
		for _, ch := range a[1:] {
			switch ch {
			case 'a':
				all = true
			case 's':
				silent = true
			default:
				c.Errorf("Illegal option -%c", ch)
				c.writeOut("Usage: " + c.Name() + " [-as] args\n")
				return 2
			}
		}
	}
	if len(args) == 0 {
		return 1
	}
	pathVar := ""
	if c.Env != nil {
		pathVar, _ = c.Env("PATH")
	}
	var b strings.Builder
	status := 0
	for _, name := range args {
		found := false
		if strings.Contains(name, "/") {
			if c.isExecutable(name) {
				b.WriteString(name + "\n")
				found = true
			}
		} else {
			_, builtin := Lookup(name)
			for _, dir := range strings.Split(pathVar, ":") {
				if dir == "" {
					dir = "."
				}
				abs := path.Clean(c.Abs(dir))
				cand := dir + "/" + name
				if (builtin && IsSystemDir(abs)) || c.isExecutable(cand) {
					b.WriteString(cand + "\n")
					found = true
					if !all {
						break
					}
				}
			}
		}
		if !found {
			status = 1
		}
	}
	if silent {
		return status
	}
	if st := c.writeOut(b.String()); st != 0 {
		return st
	}
	return status
}

// isExecutable reports whether name is a regular file with an execute
// bit.
func (c *Context) isExecutable(name string) bool {
	fi, err := c.stat(name)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

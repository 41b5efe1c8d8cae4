// Package policy decides which project paths a sandbox hides and which it
// protects from change.
//
// Patterns use gobwas/glob with '/' as the separator and globstar on:
// "*" and "?" stay inside one path element, "**/" spans any number of
// them, and {a,b} and [abc] work as usual. They are relative to the
// project root and follow .gitignore's rules of thumb:
//
//   - a pattern with a leading "/" is anchored at the root ("/build");
//   - a pattern with a "/" elsewhere is anchored too ("docs/*.md");
//   - a pattern without a "/" matches at any depth (".env" is "**/.env");
//   - a trailing "/" matches directories only ("cache/").
//
// A path is hidden or protected when the path itself or any directory
// above it matches, so a pattern naming a directory covers all it holds.
package policy

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/gobwas/glob"
)

// DefaultHide is the list --hide-default turns on: common places for
// secrets.
var DefaultHide = []string{
	"**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/*.p12", "**/*.pfx",
	"**/id_rsa*", "**/id_dsa*", "**/id_ecdsa*", "**/id_ed25519*",
	"**/.aws/**", "**/.ssh/**", "**/.gnupg/**", "**/.docker/config.json",
	"**/.kube/config", "**/.npmrc", "**/.pypirc", "**/.netrc",
	"**/.git-credentials", "**/credentials.json", "**/secrets.*",
	"**/*.keystore", "**/.htpasswd",
}

// Policy is a compiled set of hide and protect patterns. The zero value
// and nil hide and protect nothing.
type Policy struct {
	hide, protect []rule
}

type rule struct {
	src     string
	pat     *glob.Pattern
	dirOnly bool
	// A rule "**/NAME" with no "/" in NAME depends only on the last path
	// element: base is set and the full-path pattern is not used. lit,
	// prefix and suffix spare a glob match for the common forms NAME,
	// NAME* and *NAME.
	base                bool
	lit, prefix, suffix string
	hasLit, hasAffix    bool
	// inside is NAME for a rule "**/NAME/**" with a literal NAME: it
	// matches the paths with NAME as one of their directories.
	inside string
	// insidePre, insideSuf and insideMid are inside with slashes: NAME/,
	// /NAME and /NAME/.
	insidePre, insideSuf, insideMid string
	// depth is the number of path elements a rule without "**" can
	// match, 0 for the others; exact marks a rule with no glob syntax.
	depth int
	exact bool
}

// matchBase matches the last element of a path against a base rule.
func (r *rule) matchBase(name string) bool {
	switch {
	case r.hasLit:
		return name == r.lit
	case r.hasAffix:
		return len(name) >= len(r.prefix)+len(r.suffix) && strings.HasPrefix(name, r.prefix) && strings.HasSuffix(name, r.suffix)
	}
	return r.pat.Match(name)
}

// baseRule sets up r as a base rule if pattern s ("**/NAME") allows.
func (r *rule) baseRule(s string) error {
	name, ok := strings.CutPrefix(s, "**/")
	if !ok || name == "" || strings.Contains(name, "/") || strings.Contains(name, "**") {
		return nil
	}
	pat, err := glob.Compile(name)
	if err != nil {
		return err
	}
	r.base, r.pat = true, pat
	switch meta := strings.IndexAny(name, "*?[{\\"); {
	case meta < 0:
		r.lit, r.hasLit = name, true
	case strings.Count(name, "*") == 1 && strings.IndexAny(name, "?[{\\") < 0:
		r.prefix, r.suffix, _ = strings.Cut(name, "*")
		r.hasAffix = true
	}
	return nil
}

// PatternError is an invalid pattern.
type PatternError struct {
	Pattern string
	Err     error
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("invalid pattern %q: %v", e.Pattern, e.Err)
}

func (e *PatternError) Unwrap() error { return e.Err }

// New compiles the patterns.
func New(hide, protect []string) (*Policy, error) {
	p := &Policy{}
	var err error
	if p.hide, err = compile(hide); err != nil {
		return nil, err
	}
	if p.protect, err = compile(protect); err != nil {
		return nil, err
	}
	return p, nil
}

var compiler = glob.Compiler{Separators: []rune{'/'}, Globstar: true}

func compile(patterns []string) ([]rule, error) {
	var rules []rule
	for _, src := range patterns {
		s := strings.TrimSpace(src)
		if s == "" {
			return nil, &PatternError{Pattern: src, Err: fmt.Errorf("empty pattern")}
		}
		r := rule{src: src}
		if strings.HasSuffix(s, "/") {
			r.dirOnly = true
			s = strings.TrimRight(s, "/")
		}
		switch {
		case strings.HasPrefix(s, "/"):
			s = strings.TrimLeft(s, "/")
		case !strings.Contains(s, "/"):
			s = "**/" + s
		}
		if s == "" || s == "**/" {
			return nil, &PatternError{Pattern: src, Err: fmt.Errorf("it would match the project root")}
		}
		pat, err := compiler.Compile(s)
		if err != nil {
			return nil, &PatternError{Pattern: src, Err: err}
		}
		r.pat = pat
		if err := r.baseRule(s); err != nil {
			return nil, &PatternError{Pattern: src, Err: err}
		}
		if name, ok := strings.CutPrefix(s, "**/"); ok && strings.HasSuffix(name, "/**") {
			name = strings.TrimSuffix(name, "/**")
			if name != "" && !strings.ContainsAny(name, "/*?[{\\") {
				r.inside = name
				r.insidePre, r.insideSuf, r.insideMid = name+"/", "/"+name, "/"+name+"/"
			}
		}
		if !strings.Contains(s, "**") {
			r.depth = strings.Count(s, "/") + 1
			r.exact = !strings.ContainsAny(s, "*?[{\\")
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// Empty reports whether the policy neither hides nor protects anything.
func (p *Policy) Empty() bool { return p == nil || len(p.hide) == 0 && len(p.protect) == 0 }

// HidesAny reports whether there are hide patterns.
func (p *Policy) HidesAny() bool { return p != nil && len(p.hide) > 0 }

// Hidden reports whether the project path rel ("src/.env", no leading
// slash), a directory if isDir, matches a hide pattern itself. Callers
// that walk down one element at a time need not check the ancestors:
// HiddenPath does.
func (p *Policy) Hidden(rel string, isDir bool) bool {
	if p == nil {
		return false
	}
	return match(p.hide, rel, isDir)
}

// HiddenEntry is Hidden for the entry name of the directory dir (both
// relative to the project, dir "" or "." for the root), without building
// the entry's path unless a pattern needs it: the check listings make for
// every entry.
func (p *Policy) HiddenEntry(dir, name string, isDir bool) bool {
	if p == nil || len(p.hide) == 0 {
		return false
	}
	if dir == "." {
		dir = ""
	}
	rel := ""
	depth := -1
	for i := range p.hide {
		r := &p.hide[i]
		if r.dirOnly && !isDir {
			continue
		}
		switch {
		case r.base:
			if r.matchBase(name) {
				return true
			}
		case r.inside != "":
			if dir == r.inside || strings.HasPrefix(dir, r.insidePre) || strings.HasSuffix(dir, r.insideSuf) || strings.Contains(dir, r.insideMid) {
				return true
			}
		default:
			if depth < 0 {
				depth = 1
				if dir != "" {
					depth += strings.Count(dir, "/") + 1
				}
			}
			if r.depth > 0 && depth != r.depth {
				continue
			}
			if rel == "" {
				rel = name
				if dir != "" {
					rel = dir + "/" + name
				}
			}
			if r.exact && rel == r.pat.String() || !r.exact && r.pat.Match(rel) {
				return true
			}
		}
	}
	return false
}

// HiddenPath reports whether rel or a directory above it is hidden.
func (p *Policy) HiddenPath(rel string, isDir bool) bool {
	if p == nil || len(p.hide) == 0 {
		return false
	}
	return matchPath(p.hide, rel, isDir)
}

// Protected reports whether rel or a directory above it is protected.
func (p *Policy) Protected(rel string, isDir bool) bool {
	if p == nil || len(p.protect) == 0 {
		return false
	}
	return matchPath(p.protect, rel, isDir)
}

func match(rules []rule, rel string, isDir bool) bool {
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	depth := 0
	for i := range rules {
		r := &rules[i]
		if r.dirOnly && !isDir {
			continue
		}
		switch {
		case r.base:
			if r.matchBase(base) {
				return true
			}
		case r.inside != "":
			if strings.HasPrefix(rel, r.insidePre) || strings.Contains(rel, r.insideMid) {
				return true
			}
		case r.depth > 0:
			if depth == 0 {
				depth = strings.Count(rel, "/") + 1
			}
			if depth == r.depth && (r.exact && rel == r.pat.String() || !r.exact && r.pat.Match(rel)) {
				return true
			}
		default:
			if r.pat.Match(rel) {
				return true
			}
		}
	}
	return false
}

func matchPath(rules []rule, rel string, isDir bool) bool {
	rel = strings.Trim(rel, "/")
	if rel == "" {
		return false
	}
	if match(rules, rel, isDir) {
		return true
	}
	for i := strings.LastIndexByte(rel, '/'); i > 0; i = strings.LastIndexByte(rel, '/') {
		rel = rel[:i]
		if match(rules, rel, true) {
			return true
		}
	}
	return false
}

// ParseFile reads a .sandsh file: one "hide PATTERN" or "protect PATTERN"
// a line, with blank lines and lines starting with "#" ignored. Patterns
// are checked by New.
func ParseFile(data []byte) (hide, protect []string, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		val = strings.TrimSpace(val)
		switch {
		case val == "":
			return nil, nil, fmt.Errorf("line %d: %q needs a pattern", n, key)
		case key == "hide":
			hide = append(hide, val)
		case key == "protect":
			protect = append(protect, val)
		default:
			return nil, nil, fmt.Errorf("line %d: unknown setting %q (want hide or protect)", n, key)
		}
	}
	return hide, protect, sc.Err()
}

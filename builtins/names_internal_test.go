package builtins

import "testing"

// Absolute names cannot go through the differential tests (the real tool
// runs elsewhere on the host); these are GNU coreutils 9.1's answers.
func TestAbsoluteNames(t *testing.T) {
	for _, tc := range []struct{ in, base, dir string }{
		{"/", "/", "/"},
		{"//", "/", "/"},
		{"///", "/", "/"},
		{"//a", "a", "/"},
		{"/a/b//", "b", "/a"},
		{"/a", "a", "/"},
	} {
		if got := gnuBaseName(tc.in, "", false); got != tc.base {
			t.Errorf("basename %q = %q, want %q", tc.in, got, tc.base)
		}
		if got := dirName(tc.in); got != tc.dir {
			t.Errorf("dirname %q = %q, want %q", tc.in, got, tc.dir)
		}
	}
	if got := gnuBaseName("/", "/", true); got != "/" {
		t.Errorf("basename / / = %q", got)
	}
}

package builtins

// true, as GNU's: ignores its arguments and succeeds; "true --help" and
// "true --version", as the only argument, print help or version.

func init() { Register("true", trueCmd) }

func trueCmd(c *Context) int { return trueFalse(c, 0) }

// trueFalse is true and false: status is what they return, also after
// --help and --version.
func trueFalse(c *Context, status int) int {
	if len(c.Args) == 2 {
		switch c.Args[1] {
		case "--help":
			what := "success"
			if status != 0 {
				what = "unsuccessful"
			}
			if c.writeOut("Usage: "+c.Args[0]+" [ignored command line arguments]\n"+
				"  or:  "+c.Args[0]+" OPTION\n"+
				"Exit with a status code indicating "+what+".\n\n"+
				"      --help        display this help and exit\n"+
				"      --version     output version information and exit\n") != 0 {
				return 1
			}
		case "--version":
			if c.writeOut(c.Name()+" (sandsh builtin) 1.0\n") != 0 {
				return 1
			}
		}
	}
	return status
}

package builtins

// false, as GNU's: ignores its arguments and fails with status 1;
// "false --help" and "false --version", as the only argument, print help
// or version and still return 1.

func init() { Register("false", falseCmd) }

func falseCmd(c *Context) int { return trueFalse(c, 1) }

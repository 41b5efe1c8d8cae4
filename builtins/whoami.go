package builtins

// whoami, as GNU's: prints the name of the effective user, which in the
// sandbox is always SandboxUser ("root", uid 0, as id reports and the
// shell's USER and UID say).

func init() { Register("whoami", whoami) }

var whoamiSpec = optSpec{
	Status: 1,
	Usage: `Usage: whoami [OPTION]...
Print the user name associated with the current effective user ID.
Same as id -un.

      --help        display this help and exit
      --version     output version information and exit
`,
}

func whoami(c *Context) int {
	p, err := c.parseOpts(&whoamiSpec)
	if err != nil {
		return exitStatus(err)
	}
	if len(p.Operands) > 0 {
		return c.usageErr(1, "extra operand %s", quote(p.Operands[0]))
	}
	return c.writeOut(SandboxUser + "\n")
}

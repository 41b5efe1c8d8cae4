package builtins

// id, as GNU's, for the sandbox's single user: root, uid 0, gid 0,
// groups 0. -u -g -G with -n (names) and -r (real ids, the same here),
// -z/--zero, -a ignored; a USER operand must be "root" or "0" (several
// are printed in turn). Not supported: -Z/--context.

import "strings"

func init() { Register("id", id) }

var idSpec = optSpec{
	Short: "aGgnruzZ",
	Long: []longOpt{
		{Name: "group", Key: "g"},
		{Name: "groups", Key: "G"},
		{Name: "name", Key: "n"},
		{Name: "real", Key: "r"},
		{Name: "user", Key: "u"},
		{Name: "zero", Key: "z"},
		{Name: "context", Key: "Z"},
	},
	Status: 1,
	Usage: `Usage: id [OPTION]... [USER]...
Print user and group information for each specified USER,
or (when USER omitted) for the current process.

  -a             ignore, for compatibility with other versions
  -Z, --context  print only the security context of the process
  -g, --group    print only the effective group ID
  -G, --groups   print all group IDs
  -n, --name     print a name instead a number, for -ugG
  -r, --real     print the real ID instead of the effective ID, with -ugG
  -u, --user     print only the effective user ID
  -z, --zero     delimit entries with NUL characters, not whitespace;
                   not permitted in default format
      --help        display this help and exit
      --version     output version information and exit

Without any OPTION, print some useful set of identified information.
`,
}

func id(c *Context) int {
	p, err := c.parseOpts(&idSpec)
	if err != nil {
		return exitStatus(err)
	}
	var only []string
	names, real, zero := false, false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "u", "g", "G":
			only = append(only, o.Key)
		case "n":
			names = true
		case "r":
			real = true
		case "z":
			zero = true
		case "Z":
			return c.Failf(1, "--context (-Z) works only on an SELinux-enabled kernel")
		}
	}
	kinds := map[string]bool{}
	for _, k := range only {
		kinds[k] = true
	}
	if len(kinds) > 1 {
		return c.Failf(1, "cannot print \"only\" of more than one choice")
	}
	if len(kinds) == 0 && (names || real) {
		return c.Failf(1, "cannot print only names or real IDs in default format")
	}
	if len(kinds) == 0 && zero {
		return c.Failf(1, "option --zero not permitted in default format")
	}
	users := p.Operands
	if len(users) == 0 {
		users = []string{""}
	}
	var b strings.Builder
	status := 0
	for _, u := range users {
		if u != "" && u != SandboxUser && u != "+0" && strings.TrimLeft(u, "0") != "" {
			c.Errorf("%s: no such user", quote(u))
			status = 1
			continue
		}
		val := "0"
		if names {
			val = SandboxUser
		}
		switch {
		case len(kinds) == 0:
			b.WriteString("uid=0(root) gid=0(root) groups=0(root)\n")
		case zero && kinds["G"]:
			b.WriteString(val + "\x00")
			if len(users) > 1 {
				b.WriteString("\x00")
			}
		case zero:
			b.WriteString(val + "\x00")
		default:
			b.WriteString(val + "\n")
		}
	}
	if st := c.writeOut(b.String()); st != 0 {
		return st
	}
	return status
}

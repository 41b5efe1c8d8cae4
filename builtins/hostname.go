package builtins

// hostname, as net-tools' (Debian's hostname package), for the sandbox:
// prints SandboxHostname ("sandbox", as uname -n); -s/--short the same,
// -f/--fqdn/--long too, -d/--domain an empty line, -i/--ip-address and
// -I/--all-ip-addresses 127.0.0.1. Setting the name (an operand, -F/--file)
// is refused with "Operation not permitted".

func init() { Register("hostname", hostname) }

var hostnameSpec = optSpec{
	Short: "sfdiIAF:ybv",
	Long: []longOpt{
		{Name: "short", Key: "s"},
		{Name: "fqdn", Key: "f"},
		{Name: "long", Key: "f"},
		{Name: "domain", Key: "d"},
		{Name: "ip-address", Key: "i"},
		{Name: "all-ip-addresses", Key: "I"},
		{Name: "all-fqdns", Key: "A"},
		{Name: "file", Arg: requiredArg, Key: "F"},
		{Name: "boot", Key: "b"},
		{Name: "verbose", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

    -s, --short           short host name
    -d, --domain          DNS domain name
    -f, --fqdn, --long    long host name (FQDN)
    -A, --all-fqdns       all long host names (FQDNs)
    -i, --ip-address      addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -F, --file            read host name or NIS domain name from given file
`,
}

func hostname(c *Context) int {
	p, err := c.parseOpts(&hostnameSpec)
	if err != nil {
		return exitStatus(err)
	}
	out := SandboxHostname
	for _, o := range p.Opts {
		switch o.Key {
		case "d":
			out = ""
		case "i", "I":
			out = "127.0.0.1"
		case "F":
			return c.Failf(1, "you must be root to change the host name")
		}
	}
	if len(p.Operands) > 0 {
		return c.Failf(1, "you must be root to change the host name")
	}
	return c.writeOut(out + "\n")
}

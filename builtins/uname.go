package builtins

// uname, as GNU's, for the fixed system the sandbox presents: kernel
// name Linux, node name "sandbox" (SandboxHostname), release
// SandboxKernelRelease, version SandboxKernelVersion, machine from the Go
// architecture (x86_64 on amd64, aarch64 on arm64), processor and
// hardware platform "unknown" (left out of -a, as GNU's does), operating
// system GNU/Linux. Options -a -s -n -r -v -m -p -i -o and their long
// forms.

import "runtime"

func init() { Register("uname", uname) }

var unameSpec = optSpec{
	Short: "asnrvmpio",
	Long: []longOpt{
		{Name: "all", Key: "a"},
		{Name: "kernel-name", Key: "s"},
		{Name: "sysname", Key: "s"},
		{Name: "nodename", Key: "n"},
		{Name: "kernel-release", Key: "r"},
		{Name: "release", Key: "r"},
		{Name: "kernel-version", Key: "v"},
		{Name: "machine", Key: "m"},
		{Name: "processor", Key: "p"},
		{Name: "hardware-platform", Key: "i"},
		{Name: "operating-system", Key: "o"},
	},
	Status: 1,
	Usage: `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help        display this help and exit
      --version     output version information and exit
`,
}

// sandboxMachine is uname -m's answer for the Go architecture.
func sandboxMachine() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64"
	case "arm64":
		return "aarch64"
	case "386":
		return "i686"
	}
	return runtime.GOARCH
}

func uname(c *Context) int {
	p, err := c.parseOpts(&unameSpec)
	if err != nil {
		return exitStatus(err)
	}
	if len(p.Operands) > 0 {
		return c.usageErr(1, "extra operand %s", quote(p.Operands[0]))
	}
	want := map[string]bool{}
	for _, o := range p.Opts {
		if o.Key == "a" {
			for _, k := range []string{"s", "n", "r", "v", "m", "o"} {
				want[k] = true
			}
			continue
		}
		want[o.Key] = true
	}
	if len(want) == 0 {
		want["s"] = true
	}
	fields := []struct{ key, val string }{
		{"s", "Linux"}, {"n", SandboxHostname}, {"r", SandboxKernelRelease},
		{"v", SandboxKernelVersion}, {"m", sandboxMachine()}, {"p", "unknown"},
		{"i", "unknown"}, {"o", "GNU/Linux"},
	}
	out := ""
	for _, f := range fields {
		if want[f.key] {
			if out != "" {
				out += " "
			}
			out += f.val
		}
	}
	return c.writeOut(out + "\n")
}

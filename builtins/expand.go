package builtins

// expand, as GNU's: -t N, -t LIST (with the "/N" and "+N" forms of the
// last stop), -i/--initial and the obsolete -N and -N,M forms. A line may
// continue from one file into the next, as in GNU's. Streams byte by byte
// through buffers.

func init() { Register("expand", expand) }

var expandSpec = optSpec{
	Short: "it:,0123456789",
	Long: []longOpt{
		{Name: "tabs", Arg: requiredArg, Key: "t"},
		{Name: "initial", Key: "i"},
	},
	Status: 1,
	Usage: `Usage: expand [OPTION]... [FILE]...
Convert tabs in each FILE to spaces, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -i, --initial    do not convert tabs after non blanks
  -t, --tabs=N     have tabs N characters apart, not 8
` + tabsHelp + `      --help        display this help and exit
      --version     output version information and exit
`,
}

func expand(c *Context) int {
	p, err := c.parseOpts(&expandSpec)
	if err != nil {
		return exitStatus(err)
	}
	tabs := &tabStops{}
	all := true
	for _, o := range p.Opts {
		switch o.Key {
		case "i":
			all = false
		case "t":
			if !tabs.parse(c, o.Val) {
				return 1
			}
		default:
			if !tabs.digit(c, o.Key[0]) {
				return 1
			}
		}
	}
	if !tabs.finalize(c) {
		return 1
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	in := c.newByteInput(p.Operands)
	for {
		convert := true
		var column uint64
		index := 0
		for {
			ch := in.next()
			if convert {
				switch ch {
				case '\t':
					stop, last := tabs.next(column, &index)
					if last {
						stop = column + 1
					}
					for column++; column < stop; column++ {
						out.WriteByte(' ')
					}
					ch = ' '
				case '\b':
					if column > 0 {
						column--
					}
					if index > 0 {
						index--
					}
				default:
					column++
				}
				convert = all || ch == ' ' || ch == '\t'
			}
			if ch < 0 {
				if err := out.Flush(); err != nil {
					return c.writeFailed(err)
				}
				if c.Canceled() {
					return 1
				}
				return in.status
			}
			out.WriteByte(byte(ch))
			if ch == '\n' {
				break
			}
		}
		if out.err != nil {
			return c.writeFailed(out.err)
		}
	}
}

package builtins

// unexpand, as GNU's: -a/--all, -t N and -t LIST (which imply -a, with
// the "/N" and "+N" forms of the last stop), --first-only, and the
// obsolete -N and -N,M forms. A line may continue from one file into the
// next, as in GNU's. Streams byte by byte through buffers; at most one
// tab stop's worth of blanks is held.

func init() { Register("unexpand", unexpand) }

var unexpandSpec = optSpec{
	Short: ",0123456789at:",
	Long: []longOpt{
		{Name: "tabs", Arg: requiredArg, Key: "t"},
		{Name: "all", Key: "a"},
		{Name: "first-only", Key: "first-only"},
	},
	Status: 1,
	Usage: `Usage: unexpand [OPTION]... [FILE]...
Convert blanks in each FILE to tabs, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -a, --all        convert all blanks, instead of just initial blanks
      --first-only  convert only leading sequences of blanks (overrides -a)
  -t, --tabs=N     have tabs N characters apart instead of 8 (enables -a)
` + tabsHelp + `      --help        display this help and exit
      --version     output version information and exit
`,
}

func unexpand(c *Context) int {
	p, err := c.parseOpts(&unexpandSpec)
	if err != nil {
		return exitStatus(err)
	}
	tabs := &tabStops{}
	all, firstOnly := false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "a":
			all = true
		case "t":
			all = true
			if !tabs.parse(c, o.Val) {
				return 1
			}
		case "first-only":
			firstOnly = true
		default:
			if !tabs.digit(c, o.Key[0]) {
				return 1
			}
		}
	}
	if firstOnly {
		all = false
	}
	if !tabs.finalize(c) {
		return 1
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	in := c.newByteInput(p.Operands)
	pending := make([]byte, 0, 64)
	for {
		convert := true
		var column, nextTab uint64
		index := 0
		oneBlankBeforeStop := false
		prevBlank := true
		for {
			ch := in.next()
			if convert {
				blank := ch == ' ' || ch == '\t'
				if blank {
					var last bool
					nextTab, last = tabs.next(column, &index)
					if last {
						convert = false
					}
					if convert {
						if ch == '\t' {
							column = nextTab
							if len(pending) > 0 {
								pending[0] = '\t'
							}
						} else {
							column++
							if !(prevBlank && column == nextTab) {
								if column == nextTab {
									oneBlankBeforeStop = true
								}
								pending = append(pending, byte(ch))
								prevBlank = true
								continue
							}
							ch = '\t'
							if len(pending) > 0 {
								pending[0] = '\t'
							}
						}
						if oneBlankBeforeStop {
							pending = pending[:1]
						} else {
							pending = pending[:0]
						}
					}
				} else if ch == '\b' {
					if column > 0 {
						column--
					}
					nextTab = column
					if index > 0 {
						index--
					}
				} else {
					column++
				}
				if len(pending) > 0 {
					if len(pending) > 1 && oneBlankBeforeStop {
						pending[0] = '\t'
					}
					out.Write(pending)
					pending = pending[:0]
					oneBlankBeforeStop = false
				}
				prevBlank = blank
				convert = convert && (all || blank)
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

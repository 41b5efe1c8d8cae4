package builtins

import (
	"strings"
)

// echo, as GNU's /bin/echo: options are recognised only while every
// argument starting with '-' is made of n, e and E alone, so "echo -z"
// prints "-z"; --help and --version only as the sole argument. With -e it
// interprets \\ \a \b \c \e \f \n \r \t \v, \0NNN and \NNN (octal, up to
// three digits) and \xHH; \c stops all output. POSIXLY_CORRECT is not
// honoured specially.

func init() { Register("echo", echo) }

const echoUsage = `Usage: echo [SHORT-OPTION]... [STRING]...
  or:  echo LONG-OPTION
Echo the STRING(s) to standard output.

  -n             do not output the trailing newline
  -e             enable interpretation of backslash escapes
  -E             disable interpretation of backslash escapes (default)
      --help     display this help and exit
      --version  output version information and exit

If -e is in effect, the following sequences are recognized:

  \\      backslash
  \a      alert (BEL)
  \b      backspace
  \c      produce no further output
  \e      escape
  \f      form feed
  \n      new line
  \r      carriage return
  \t      horizontal tab
  \v      vertical tab
  \0NNN   byte with octal value NNN (1 to 3 digits)
  \xHH    byte with hexadecimal value HH (1 to 2 digits)
`

func echo(c *Context) int {
	args := c.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			return c.writeOut(echoUsage)
		case "--version":
			return c.writeOut("echo (sandsh builtin) 1.0\n")
		}
	}
	newline, escapes := true, false
	for len(args) > 0 {
		a := args[0]
		if len(a) < 2 || a[0] != '-' || strings.Trim(a[1:], "neE") != "" {
			break
		}
		for _, ch := range a[1:] {
			switch ch {
			case 'n':
				newline = false
			case 'e':
				escapes = true
			case 'E':
				escapes = false
			}
		}
		args = args[1:]
	}
	var b []byte
	stop := false
	for i, a := range args {
		if i > 0 {
			b = append(b, ' ')
		}
		if !escapes {
			b = append(b, a...)
			continue
		}
		b, stop = echoEscapes(b, a)
		if stop {
			break
		}
	}
	if newline && !stop {
		b = append(b, '\n')
	}
	if _, err := c.Stdout.Write(b); err != nil {
		return c.writeFailed(err)
	}
	return 0
}

// echoEscapes appends s to b with its backslash escapes interpreted. stop
// is set by \c.
func echoEscapes(b []byte, s string) ([]byte, bool) {
	isOct := func(ch byte) bool { return ch >= '0' && ch <= '7' }
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch != '\\' || i+1 >= len(s) {
			b = append(b, ch)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 'c':
			return b, true
		case 'e':
			b = append(b, 0x1b)
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, '\v')
		case '\\':
			b = append(b, '\\')
		case 'x':
			v, n := 0, 0
			for n < 2 && i+1 < len(s) && isHex(s[i+1]) {
				i++
				v = v*16 + hexVal(s[i])
				n++
			}
			if n == 0 {
				b = append(b, '\\', 'x')
				continue
			}
			b = append(b, byte(v))
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			max := 2
			if e == '0' {
				max = 3
			}
			for n := 0; n < max && i+1 < len(s) && isOct(s[i+1]); n++ {
				i++
				v = v*8 + int(s[i]-'0')
			}
			b = append(b, byte(v))
		default:
			b = append(b, '\\', e)
		}
	}
	return b, false
}

func isHex(ch byte) bool {
	return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F'
}

func hexVal(ch byte) int {
	switch {
	case ch >= '0' && ch <= '9':
		return int(ch - '0')
	case ch >= 'a' && ch <= 'f':
		return int(ch-'a') + 10
	}
	return int(ch-'A') + 10
}

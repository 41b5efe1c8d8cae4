package builtins

// column, as util-linux 2.38's: the fill modes (columns first, or -x rows
// first) with -c WIDTH, default width from $COLUMNS or 80 (output is never
// a terminal), tab padding and the one-entry-per-line fallback; table mode
// -t with -s SEPARATORS, -o SEPARATOR, -N names (-d to hide the header,
// -e to repeat it every $LINES or 24 lines), -R right alignment, -H hidden
// columns, -O order, -l limit, -L to keep empty lines, -n and -J for JSON.
// Column lists take numbers, names (case-insensitive), 0 for all and - for
// the unnamed columns, as 2.38 does. Input lines are read as in the C
// locale: bytes outside ASCII are shown as \xHH, control characters take
// no width. Not supported: the tree options -r/-i/-p, and -T/-W/-E on a
// table wider than the output width (they change nothing on a table that
// fits, so they are accepted then). The whole input is held, as column
// must see it all before printing.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

func init() { Register("column", column) }

var columnSpec = optSpec{
	Short: "c:dE:eH:hi:Jl:LN:n:O:o:p:R:r:s:T:tVW:x",
	Long: []longOpt{
		{Name: "columns", Arg: requiredArg, Key: "c"},
		{Name: "fillrows", Key: "x"},
		{Name: "json", Key: "J"},
		{Name: "keep-empty-lines", Key: "L"},
		{Name: "output-separator", Arg: requiredArg, Key: "o"},
		{Name: "output-width", Arg: requiredArg, Key: "c"},
		{Name: "separator", Arg: requiredArg, Key: "s"},
		{Name: "table", Key: "t"},
		{Name: "table-columns", Arg: requiredArg, Key: "N"},
		{Name: "table-columns-limit", Arg: requiredArg, Key: "l"},
		{Name: "table-hide", Arg: requiredArg, Key: "H"},
		{Name: "table-name", Arg: requiredArg, Key: "n"},
		{Name: "table-noextreme", Arg: requiredArg, Key: "E"},
		{Name: "table-noheadings", Key: "d"},
		{Name: "table-order", Arg: requiredArg, Key: "O"},
		{Name: "table-right", Arg: requiredArg, Key: "R"},
		{Name: "table-truncate", Arg: requiredArg, Key: "T"},
		{Name: "table-wrap", Arg: requiredArg, Key: "W"},
		{Name: "table-empty-lines", Key: "L"},
		{Name: "table-header-repeat", Key: "e"},
		{Name: "tree", Arg: requiredArg, Key: "r"},
		{Name: "tree-id", Arg: requiredArg, Key: "i"},
		{Name: "tree-parent", Arg: requiredArg, Key: "p"},
	},
	Status: 1,
	Usage: `
Usage:
 column [options] [<file>...]

Columnate lists.

Options:
 -t, --table                      create a table
 -n, --table-name <name>          table name for JSON output
 -O, --table-order <columns>      specify order of output columns
 -N, --table-columns <names>      comma separated columns names
 -l, --table-columns-limit <num>  maximal number of input columns
 -E, --table-noextreme <columns>  don't count long text from the columns to column width
 -d, --table-noheadings           don't print header
 -e, --table-header-repeat        repeat header for each page
 -H, --table-hide <columns>       don't print the columns
 -R, --table-right <columns>      right align text in these columns
 -T, --table-truncate <columns>   truncate text in the columns when necessary
 -W, --table-wrap <columns>       wrap text in the columns when necessary
 -L, --keep-empty-lines           don't ignore empty lines
 -J, --json                       use JSON output format for table

 -r, --tree <column>              column to use tree-like output for the table
 -i, --tree-id <column>           line ID to specify child-parent relation
 -p, --tree-parent <column>       parent to specify child-parent relation

 -c, --output-width <width>       width of output in number of characters
 -o, --output-separator <string>  columns separator for table output (default is two spaces)
 -s, --separator <string>         possible table delimiters
 -x, --fillrows                   fill rows before columns

 -h, --help                       display this help
 -V, --version                    display version

For more details see column(1).
`,
}

const (
	columnFillCols = iota
	columnFillRows
	columnTable
	columnSimple
)

// columnCol is a column of a table.
type columnCol struct {
	name                           *string // nil for an unnamed column
	right, hidden, trunc, wrap, ne bool
	width                          int
}

// columnCtl is the state of a column run, as util-linux's column_control.
type columnCtl struct {
	mode        int
	termWidth   int
	json        bool
	keepEmpty   bool
	noHeadings  bool
	headRepeat  bool
	greedy      bool
	inSep       string
	outSep      string
	maxNCols    int
	names       []string
	hasNames    bool
	tabName     *string
	order       *string
	right       *string
	trunc       *string
	noExtreme   *string
	wrap        *string
	hide        *string
	tree        bool
	ents        []string
	maxLength   int
	cols        []*columnCol
	lines       [][]string
	tableActive bool
}

func column(c *Context) int {
	p, err := c.parseOpts(&columnSpec)
	if err != nil {
		return exitStatus(err)
	}
	ctl := &columnCtl{mode: columnFillCols, greedy: true, inSep: "\t ", outSep: "  ", termWidth: -1}
	excl := [][2]byte{{'J', 'x'}, {'t', 'x'}}
	exclSeen := make([]byte, len(excl))
	exclName := map[byte]string{'J': "json", 'x': "fillrows", 't': "table"}
	str := func(v string) *string { return &v }
	for _, o := range p.Opts {
		k := o.Key[0]
		for i, g := range excl {
			if k != g[0] && k != g[1] {
				continue
			}
			if exclSeen[i] == 0 {
				exclSeen[i] = k
			} else if exclSeen[i] != k {
				return c.Failf(1, "mutually exclusive arguments: --%s --%s", exclName[g[0]], exclName[g[1]])
			}
		}
		switch o.Key {
		case "c":
			v, ok := c.columnU32(o.Val, "invalid columns argument")
			if !ok {
				return 1
			}
			ctl.termWidth = int(v)
		case "d":
			ctl.noHeadings = true
		case "E":
			ctl.noExtreme = str(o.Val)
		case "e":
			ctl.headRepeat = true
		case "H":
			ctl.hide = str(o.Val)
		case "i", "p":
		case "r":
			ctl.tree = true
		case "J":
			ctl.json = true
			ctl.mode = columnTable
		case "L":
			ctl.keepEmpty = true
		case "l":
			v, ok := c.columnU32(o.Val, "invalid columns limit argument")
			if !ok {
				return 1
			}
			if v == 0 {
				return c.Failf(1, "columns limit must be greater than zero")
			}
			ctl.maxNCols = int(v)
		case "N":
			ctl.names = columnSplit(o.Val)
			ctl.hasNames = true
		case "n":
			ctl.tabName = str(o.Val)
		case "O":
			ctl.order = str(o.Val)
		case "o":
			ctl.outSep = o.Val
		case "R":
			ctl.right = str(o.Val)
		case "s":
			ctl.inSep = o.Val
			ctl.greedy = false
		case "T":
			ctl.trunc = str(o.Val)
		case "t":
			ctl.mode = columnTable
		case "W":
			ctl.wrap = str(o.Val)
		case "x":
			ctl.mode = columnFillRows
		case "h":
			return c.writeOut(columnSpec.Usage)
		case "V":
			return c.writeOut("column from util-linux 2.38.1 (sandsh builtin)\n")
		}
	}
	if ctl.termWidth < 0 {
		ctl.termWidth = columnEnvSize(c, "COLUMNS", 80)
	}
	if ctl.tree {
		return c.Failf(1, "the tree options (-r, -i, -p) are not supported")
	}
	if ctl.mode != columnTable && (ctl.order != nil || ctl.tabName != nil || ctl.wrap != nil ||
		ctl.hide != nil || ctl.trunc != nil || ctl.noExtreme != nil || ctl.right != nil || ctl.hasNames) {
		return c.Failf(1, "option --table required for all --table-*")
	}
	if !ctl.hasNames && ctl.json {
		return c.Failf(1, "option --table-columns required for --json")
	}

	eval := 0
	read := func(name string, stdin bool) int {
		var lr *lineReader
		if stdin {
			if c.Stdin == nil {
				return 0
			}
			lr = newLineReader(c.Stdin, '\n')
		} else {
			f, err := c.FS.Open(c.fsPath(name))
			if err != nil {
				c.PathErr(name, err)
				eval++
				return 0
			}
			defer f.Close()
			lr = newLineReader(f, '\n')
		}
		for {
			if c.Canceled() {
				return 1
			}
			line, err := lr.next()
			if err != nil {
				if errors.Is(err, io.EOF) {
					return 0
				}
				return c.Failf(1, "read failed: %s", ErrText(err))
			}
			if st := ctl.addLine(c, line); st != 0 {
				return st
			}
		}
	}
	if len(p.Operands) == 0 {
		if st := read("", true); st != 0 {
			return st
		}
	}
	for _, name := range p.Operands {
		if st := read(name, false); st != 0 {
			return st
		}
	}

	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	if ctl.mode != columnTable {
		if len(ctl.ents) == 0 {
			return eval
		}
		if ctl.maxLength >= ctl.termWidth {
			ctl.mode = columnSimple
		}
	}
	switch ctl.mode {
	case columnTable:
		if len(ctl.lines) > 0 {
			st := ctl.printTable(c, out)
			if st != 0 {
				out.Flush()
				return st
			}
			eval = 0
		}
	case columnFillCols:
		ctl.fillCols(c, out)
	case columnFillRows:
		ctl.fillRows(c, out)
	case columnSimple:
		for _, e := range ctl.ents {
			if c.stopped() {
				break
			}
			out.WriteString(e)
			out.WriteByte('\n')
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if eval != 0 || c.Canceled() {
		return 1
	}
	return 0
}

// columnU32 parses a number as util-linux's strtou32_or_err does.
func (c *Context) columnU32(s, msg string) (uint32, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	u := strings.TrimPrefix(strings.TrimPrefix(t, "+"), "-")
	valid := u != "" && len(t)-len(u) <= 1
	for i := 0; valid && i < len(u); i++ {
		valid = u[i] >= '0' && u[i] <= '9'
	}
	if !valid {
		c.Errorf("%s: '%s'", msg, s)
		return 0, false
	}
	v, err := strconv.ParseUint(u, 10, 64)
	neg := strings.HasPrefix(t, "-") && strings.Trim(u, "0") != ""
	if err != nil || neg || v > math.MaxUint32 {
		c.Errorf("%s: '%s': Numerical result out of range", msg, s)
		return 0, false
	}
	return uint32(v), true
}

// columnEnvSize reads a terminal size from the environment, as
// util-linux's get_terminal_width does when there is no terminal.
func columnEnvSize(c *Context, name string, def int) int {
	if c.Env == nil {
		return def
	}
	v, ok := c.Env(name)
	if !ok {
		return def
	}
	t := strings.TrimLeft(v, " \t\n\v\f\r")
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return def
	}
	return int(n)
}

// columnSplit splits a comma-separated list, dropping empty items, as
// util-linux's strv_split does.
func columnSplit(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// columnWidth is the display width of s in the C locale: control
// characters take none.
func columnWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x20 && s[i] < 0x7f {
			n++
		}
	}
	return n
}

// columnCellWidth is the width libsmartcols gives a cell: control
// characters take none, and a control character followed by "[...m" (a
// colour sequence) hides it.
func columnCellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		ch := s[i]
		if ch < 0x20 || ch == 0x7f {
			i++
			if i < len(s) && s[i] == '[' {
				if j := strings.IndexByte(s[i:], 'm'); j >= 0 {
					i += j + 1
				}
			}
			continue
		}
		if ch < 0x7f {
			n++
		}
		i++
	}
	return n
}

// columnEncode shows the bytes outside ASCII of a line as \xHH, as
// util-linux's mbs_invalid_encode does in the C locale; a literal \x is
// then encoded too.
func columnEncode(s string) string {
	bad := false
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			bad = true
			break
		}
	}
	if !bad {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch >= 0x80 || (ch == '\\' && i+1 < len(s) && s[i+1] == 'x') {
			fmt.Fprintf(&b, "\\x%02x", ch)
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// addLine adds an input line (with its newline, if any). It returns a
// nonzero status when column must exit.
func (ctl *columnCtl) addLine(c *Context, raw []byte) int {
	if i := strings.IndexByte(string(raw), 0); i >= 0 {
		raw = raw[:i]
	}
	line := strings.TrimSuffix(string(raw), "\n")
	if strings.TrimLeft(line, " \t\n\v\f\r") == "" {
		if !ctl.keepEmpty {
			return 0
		}
		if ctl.mode == columnTable {
			ctl.initTable()
			ctl.lines = append(ctl.lines, nil)
		} else {
			ctl.ents = append(ctl.ents, "")
		}
		return 0
	}
	line = columnEncode(line)
	if ctl.mode != columnTable {
		ctl.ents = append(ctl.ents, line)
		if w := columnWidth(line); w > ctl.maxLength {
			ctl.maxLength = w
		}
		return 0
	}
	ctl.initTable()
	// The fields are cut as util-linux 2.38 does, terminating each in
	// place; with -l the last field is read from the position the
	// lengths of the previous fields add up to, which in the default
	// (blank-collapsing) mode is not always where the rest of the line
	// starts: this is reproduced.
	buf := []byte(line)
	cstr := func(i int) string {
		j := i
		for j < len(buf) && buf[j] != 0 {
			j++
		}
		return string(buf[i:j])
	}
	var cells []string
	created := false
	pos, nchars, skip := 0, 0, 0
	for n := 0; ; n++ {
		var data string
		if ctl.maxNCols > 0 && n+1 == ctl.maxNCols {
			if nchars+skip >= len(buf) {
				break
			}
			data = cstr(nchars + skip)
		} else {
			start, end, ok := ctl.token(buf, pos)
			if !ok {
				break
			}
			if ctl.greedy && n == 0 && start > 0 {
				skip = start
			}
			data = string(buf[start:end])
			if end < len(buf) {
				buf[end] = 0
				pos = end + 1
			} else {
				pos = -1
			}
		}
		if len(ctl.cols) < n+1 {
			if ctl.json {
				nl := len(ctl.lines) + 1
				if created {
					nl++
				}
				return c.Failf(1, "line %d: for JSON the name of the column %d is required", nl, n+1)
			}
			ctl.cols = append(ctl.cols, &columnCol{})
		}
		created = true
		cells = append(cells, data)
		nchars += len(data) + 1
		if ctl.maxNCols > 0 && n+1 == ctl.maxNCols {
			break
		}
	}
	if created {
		ctl.lines = append(ctl.lines, cells)
	}
	return 0
}

// initTable creates the named columns when the table gets its first line.
func (ctl *columnCtl) initTable() {
	if ctl.tableActive {
		return
	}
	ctl.tableActive = true
	for i := range ctl.names {
		ctl.cols = append(ctl.cols, &columnCol{name: &ctl.names[i]})
	}
}

// token finds the next field of line from pos (-1: none left): wcstok's
// for the default blank separators, or a split at each separator
// character after -s.
func (ctl *columnCtl) token(buf []byte, pos int) (start, end int, ok bool) {
	if pos < 0 || pos > len(buf) {
		return 0, 0, false
	}
	if ctl.greedy {
		for pos < len(buf) && strings.IndexByte(ctl.inSep, buf[pos]) >= 0 {
			pos++
		}
		if pos == len(buf) {
			return 0, 0, false
		}
	}
	end = pos
	for end < len(buf) && strings.IndexByte(ctl.inSep, buf[end]) < 0 {
		end++
	}
	return pos, end, true
}

// findColumn resolves a column list item: a number (nil when there is no
// such column) or a name; an unknown name is an error.
func (ctl *columnCtl) findColumn(c *Context, s string) (*columnCol, bool) {
	digits := s != ""
	for i := 0; digits && i < len(s); i++ {
		digits = s[i] >= '0' && s[i] <= '9'
	}
	if digits {
		v, ok := c.columnU32(s, "failed to parse column")
		if !ok {
			return nil, false
		}
		n := int64(v) - 1
		if n < 0 {
			n = math.MaxUint32
		}
		if n < int64(len(ctl.cols)) {
			return ctl.cols[n], true
		}
		return nil, true
	}
	for _, cl := range ctl.cols {
		if cl.name != nil && strings.EqualFold(*cl.name, s) {
			return cl, true
		}
	}
	c.Errorf("undefined column name '%s'", s)
	return nil, false
}

// applyFlag sets a flag on the columns of a list, as
// apply_columnflag_from_list does: 0 is every column, and for -H, - is
// the unnamed ones.
func (ctl *columnCtl) applyFlag(c *Context, list *string, hide bool, set func(*columnCol)) bool {
	if list == nil {
		return true
	}
	if *list == "0" {
		for _, cl := range ctl.cols {
			set(cl)
		}
		return true
	}
	unnamed := false
	for _, one := range columnSplit(*list) {
		if hide && one == "-" {
			unnamed = true
			continue
		}
		cl, ok := ctl.findColumn(c, one)
		if !ok {
			return false
		}
		if cl != nil {
			set(cl)
		}
	}
	if unnamed {
		for _, cl := range ctl.cols {
			if cl.name == nil {
				set(cl)
			}
		}
	}
	return true
}

// printTable prints the table as libsmartcols does for column, or as JSON.
func (ctl *columnCtl) printTable(c *Context, out *errWriter) int {
	if !ctl.applyFlag(c, ctl.right, false, func(cl *columnCol) { cl.right = true }) ||
		!ctl.applyFlag(c, ctl.trunc, false, func(cl *columnCol) { cl.trunc = true }) ||
		!ctl.applyFlag(c, ctl.noExtreme, false, func(cl *columnCol) { cl.ne = true }) ||
		!ctl.applyFlag(c, ctl.wrap, false, func(cl *columnCol) { cl.wrap = true }) ||
		!ctl.applyFlag(c, ctl.hide, true, func(cl *columnCol) { cl.hidden = true }) {
		return 1
	}
	// The column order: -O moves each listed column after the previous
	// one, the first to the front.
	index := map[*columnCol]int{}
	for i, cl := range ctl.cols {
		index[cl] = i
	}
	order := append([]*columnCol(nil), ctl.cols...)
	if ctl.order != nil {
		var wanted []*columnCol
		for _, one := range columnSplit(*ctl.order) {
			cl, ok := ctl.findColumn(c, one)
			if !ok {
				return 1
			}
			if cl != nil {
				wanted = append(wanted, cl)
			}
		}
		var last *columnCol
		for _, cl := range wanted {
			if cl != last {
				order = columnMove(order, last, cl)
			}
			last = cl
		}
	}
	var vis []*columnCol
	for _, cl := range order {
		if !cl.hidden {
			vis = append(vis, cl)
		}
	}
	cell := func(line []string, cl *columnCol) string {
		if i := index[cl]; i < len(line) {
			return line[i]
		}
		return ""
	}
	if ctl.json {
		ctl.printJSON(c, out, vis, cell)
		return 0
	}

	total := 0
	anyReduce := false
	for i, cl := range vis {
		if cl.name != nil {
			cl.width = columnCellWidth(*cl.name)
		}
		for _, line := range ctl.lines {
			if w := columnCellWidth(cell(line, cl)); w > cl.width {
				cl.width = w
			}
		}
		total += cl.width
		if i > 0 {
			total += columnWidth(ctl.outSep)
		}
		if cl.trunc || cl.wrap || (cl.ne && ctl.noExtreme != nil) {
			anyReduce = true
		}
	}
	if anyReduce && total > ctl.termWidth {
		return c.Failf(1, "-T, -W and -E are not supported on a table wider than the output (%d columns)", ctl.termWidth)
	}
	printRow := func(get func(cl *columnCol) string) {
		for i, cl := range vis {
			if i > 0 {
				out.WriteString(ctl.outSep)
			}
			data := get(cl)
			pad := cl.width - columnCellWidth(data)
			last := i == len(vis)-1
			if last && data == "" {
				continue
			}
			if cl.right {
				out.WriteString(strings.Repeat(" ", max(pad, 0)))
				out.WriteString(data)
				continue
			}
			out.WriteString(data)
			if !last {
				out.WriteString(strings.Repeat(" ", max(pad, 0)))
			}
		}
		out.WriteByte('\n')
	}
	header := func() {
		printRow(func(cl *columnCol) string {
			if cl.name != nil {
				return *cl.name
			}
			return ""
		})
	}
	showHeader := ctl.hasNames && !ctl.noHeadings
	termHeight := columnEnvSize(c, "LINES", 24)
	if showHeader {
		header()
	}
	for i, line := range ctl.lines {
		if c.stopped() {
			break
		}
		printRow(func(cl *columnCol) string { return cell(line, cl) })
		if showHeader && ctl.headRepeat && (i+1)%termHeight == 0 && i+1 < len(ctl.lines) {
			header()
		}
	}
	return 0
}

// columnMove moves cl after pre (to the front when pre is nil).
func columnMove(order []*columnCol, pre, cl *columnCol) []*columnCol {
	var rest []*columnCol
	for _, x := range order {
		if x != cl {
			rest = append(rest, x)
		}
	}
	at := 0
	if pre != nil {
		for i, x := range rest {
			if x == pre {
				at = i + 1
			}
		}
	}
	res := append([]*columnCol(nil), rest[:at]...)
	res = append(res, cl)
	return append(res, rest[at:]...)
}

// printJSON prints the table as libsmartcols' JSON output.
func (ctl *columnCtl) printJSON(c *Context, out *errWriter, vis []*columnCol, cell func([]string, *columnCol) string) {
	name := "table"
	if ctl.tabName != nil {
		name = *ctl.tabName
	}
	out.WriteString("{\n   " + columnJSONString(name, true) + ": [\n")
	for i, line := range ctl.lines {
		if c.stopped() {
			return
		}
		if i == 0 {
			out.WriteString("      {\n")
		} else {
			out.WriteString(",{\n")
		}
		for j, cl := range vis {
			out.WriteString("         " + columnJSONString(*cl.name, true) + ": ")
			if v := cell(line, cl); v == "" {
				out.WriteString("null")
			} else {
				out.WriteString(columnJSONString(v, false))
			}
			if j < len(vis)-1 {
				out.WriteString(",\n")
			}
		}
		out.WriteString("\n      }")
	}
	out.WriteString("\n   ]\n}\n")
}

// columnJSONString quotes s for JSON as util-linux does, lowering ASCII
// letters for names.
func columnJSONString(s string, lower bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '"' || ch == '\\':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case ch >= 0x20:
			if lower && ch >= 'A' && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			b.WriteByte(ch)
		case ch == '\b':
			b.WriteString(`\b`)
		case ch == '\t':
			b.WriteString(`\t`)
		case ch == '\n':
			b.WriteString(`\n`)
		case ch == '\f':
			b.WriteString(`\f`)
		case ch == '\r':
			b.WriteString(`\r`)
		default:
			fmt.Fprintf(&b, `\u%04x`, ch)
		}
	}
	b.WriteByte('"')
	return b.String()
}

const columnTab = 8

// fillCols prints the entries in columns, filling each column first.
func (ctl *columnCtl) fillCols(c *Context, out *errWriter) {
	maxLen := (ctl.maxLength + columnTab) &^ (columnTab - 1)
	numCols := ctl.termWidth / maxLen
	if numCols == 0 {
		numCols = 1
	}
	n := len(ctl.ents)
	numRows := n / numCols
	if n%numCols != 0 {
		numRows++
	}
	for row := 0; row < numRows; row++ {
		if c.stopped() {
			return
		}
		endCol := maxLen
		chcnt := 0
		for base, col := row, 0; col < numCols; col++ {
			out.WriteString(ctl.ents[base])
			chcnt += columnWidth(ctl.ents[base])
			if base += numRows; base >= n {
				break
			}
			for {
				cnt := (chcnt + columnTab) &^ (columnTab - 1)
				if cnt > endCol {
					break
				}
				out.WriteByte('\t')
				chcnt = cnt
			}
			endCol += maxLen
		}
		out.WriteByte('\n')
	}
}

// fillRows prints the entries in rows, filling each row first.
func (ctl *columnCtl) fillRows(c *Context, out *errWriter) {
	maxLen := (ctl.maxLength + columnTab) &^ (columnTab - 1)
	numCols := ctl.termWidth / maxLen
	endCol := maxLen
	chcnt, col := 0, 0
	for i, e := range ctl.ents {
		if i%1024 == 0 && c.stopped() {
			return
		}
		out.WriteString(e)
		chcnt += columnWidth(e)
		if i == len(ctl.ents)-1 {
			break
		}
		col++
		if col == numCols {
			chcnt, col = 0, 0
			endCol = maxLen
			out.WriteByte('\n')
			continue
		}
		for {
			cnt := (chcnt + columnTab) &^ (columnTab - 1)
			if cnt > endCol {
				break
			}
			out.WriteByte('\t')
			chcnt = cnt
		}
		endCol += maxLen
	}
	if chcnt != 0 {
		out.WriteByte('\n')
	}
}

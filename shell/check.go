package shell

import (
	"bytes"
	"fmt"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// maxNesting bounds how deeply a script may nest; the parser and the
// interpreter recurse once per level, and a Go stack overflow would kill
// the process.
const maxNesting = 1000

// check validates a parsed script before it runs and rewrites process
// substitution <(cmd) into something that runs inside the sandbox.
func (r *run) check(file *syntax.File) error {
	var err error
	syntax.Walk(file, func(n syntax.Node) bool {
		if err != nil {
			return false
		}
		err = r.checkNode(n)
		return err == nil
	})
	if err != nil {
		return err
	}
	rewriteInterpBugs(file)
	return rewriteProcSubst(file)
}

// rewriteInterpBugs works around mvdan/sh bugs that silently give wrong
// results in common scripts, by rewriting the AST into what bash means:
//
//   - for ((...)) stops iterating when the last command of its body fails
//     (the interpreter checks the status before each iteration): a ":" is
//     appended to the body. Left over: $? right after such a loop is 0,
//     where bash gives the status of the last body command.
//   - a[i]+=x empties the element instead of appending: it becomes
//     a[i]="${a[i]}"x.
func rewriteInterpBugs(file *syntax.File) {
	syntax.Walk(file, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.ForClause:
			if _, ok := n.Loop.(*syntax.CStyleLoop); ok {
				n.Do = append(n.Do, colonStmt())
			}
		case *syntax.Stmt:
			rewritePrintfV(n)
		case *syntax.CmdSubst:
			rewriteReadFile(n)
		case *syntax.Assign:
			if n.Append && n.Index != nil && n.Array == nil && n.Name != nil {
				n.Append = false
				old := &syntax.ParamExp{Param: &syntax.Lit{Value: n.Name.Value}, Index: n.Index}
				prefix := &syntax.DblQuoted{Parts: []syntax.WordPart{old}}
				if n.Value == nil {
					n.Value = &syntax.Word{}
				}
				n.Value.Parts = append([]syntax.WordPart{prefix}, n.Value.Parts...)
			}
		}
		return true
	})
}

// printfVTemplate does what "printf -v V ARGS" does, which the interpreter
// lacks: a command substitution keeps every byte of the output (the "."
// protects trailing newlines) and the status of printf is kept.
const printfVTemplate = `{ V=$(printf; __sandsh_st=$?; echo .; exit $__sandsh_st); __sandsh_st=$?; V=${V%.}; (exit $__sandsh_st); }`

// rewritePrintfV turns "printf -v NAME ARGS..." in st into a block that
// assigns NAME the output of printf ARGS.
func rewritePrintfV(st *syntax.Stmt) {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Assigns) > 0 || len(call.Args) < 4 || call.Args[0].Lit() != "printf" || call.Args[1].Lit() != "-v" {
		return
	}
	name := call.Args[2].Lit()
	if !syntax.ValidName(name) {
		return
	}
	f, err := syntax.NewParser().Parse(strings.NewReader(strings.ReplaceAll(printfVTemplate, "V", name)), "")
	if err != nil {
		return
	}
	block := f.Stmts[0].Cmd.(*syntax.Block)
	found := false
	syntax.Walk(block, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && len(c.Args) == 1 && c.Args[0].Lit() == "printf" && !found {
			c.Args = append(c.Args, call.Args[3:]...)
			found = true
		}
		return true
	})
	if found {
		st.Cmd = block
	}
}

// rewriteReadFile turns $(<file) into $(__sandsh_readfile file): the
// interpreter drops the whole command when the file cannot be read, where
// bash reports the error and substitutes nothing.
func rewriteReadFile(cs *syntax.CmdSubst) {
	if len(cs.Stmts) != 1 {
		return
	}
	st := cs.Stmts[0]
	if st.Cmd != nil || len(st.Redirs) != 1 || st.Redirs[0].Op != syntax.RdrIn || st.Redirs[0].N != nil {
		return
	}
	st.Cmd = &syntax.CallExpr{Args: []*syntax.Word{
		{Parts: []syntax.WordPart{&syntax.Lit{Value: internalReadFile}}},
		st.Redirs[0].Word,
	}}
	st.Redirs = nil
}

func colonStmt() *syntax.Stmt {
	f, err := syntax.NewParser().Parse(strings.NewReader(":"), "")
	if err != nil {
		panic(err) // a constant
	}
	return f.Stmts[0]
}

// checkSource parses code that eval, let, trap or source will run and
// applies the same checks. A syntax error is left for the interpreter to
// report.
func (r *run) checkSource(src, what string) error {
	if len(src) > r.limits.MaxScriptBytes {
		return r.stop(&LimitError{Limit: LimitScript,
			Msg: fmt.Sprintf("max-script-bytes: %s code of %d bytes, over the limit of %d", what, len(src), r.limits.MaxScriptBytes)})
	}
	if nestingEstimate(src) > maxNesting {
		return fmt.Errorf("sandsh: %s: code nested more than %d levels deep", what, maxNesting)
	}
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), what)
	if err != nil {
		return nil
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		if err == nil {
			err = r.checkNode(n)
		}
		return err == nil
	})
	return err
}

// checkNode refuses what the interpreter cannot run safely and records
// function names for type and command -v.
func (r *run) checkNode(n syntax.Node) error {
	switch n := n.(type) {
	case *syntax.FuncDecl:
		r.funcsMu.Lock()
		r.funcs[n.Name.Value] = true
		r.funcsMu.Unlock()
	case *syntax.UnaryArithm:
		if (n.Op == syntax.Inc || n.Op == syntax.Dec) && isElement(n.X) {
			return arithErr(n.Pos())
		}
	case *syntax.BinaryArithm:
		if isAssign(n.Op) && isElement(n.X) {
			return arithErr(n.Pos())
		}
	}
	return nil
}

// isElement reports whether an arithmetic operand is not a plain variable
// name, such as a[i]: the interpreter panics assigning to one.
func isElement(x syntax.ArithmExpr) bool {
	w, ok := x.(*syntax.Word)
	return ok && w.Lit() == ""
}

func isAssign(op syntax.BinAritOperator) bool {
	switch op {
	case syntax.Assgn, syntax.AddAssgn, syntax.SubAssgn, syntax.MulAssgn, syntax.QuoAssgn,
		syntax.RemAssgn, syntax.AndAssgn, syntax.OrAssgn, syntax.XorAssgn, syntax.ShlAssgn, syntax.ShrAssgn:
		return true
	}
	return false
}

func arithErr(pos syntax.Pos) error {
	return fmt.Errorf("sandsh: line %d: assigning to an array element inside arithmetic is not supported; write a[i]=$((a[i] + 1)) instead", pos.Line())
}

// nestingEstimate over-approximates how deeply src nests, from its
// brackets and compound-command keywords, without parsing it.
func nestingEstimate(src string) int {
	depth, max := 0, 0
	word := func(w string) {
		switch w {
		case "if", "while", "until", "for", "case", "select":
			depth++
		case "fi", "done", "esac":
			depth--
		}
		if depth > max {
			max = depth
		}
	}
	start := -1
	for i := 0; i < len(src); i++ {
		c := src[i]
		isWord := c >= 'a' && c <= 'z'
		if isWord && start < 0 {
			start = i
		}
		if !isWord && start >= 0 {
			word(src[start:i])
			start = -1
		}
		switch c {
		case '(', '{', '[', '`':
			depth++
		case ')', '}', ']':
			depth--
		}
		if depth > max {
			max = depth
		}
	}
	return max
}

const procSubstTemplate = `x=$(__sandsh_f=$(__sandsh_tmpfile) && { :; } >"$__sandsh_f"; printf %s "$__sandsh_f")`

// rewriteProcSubst turns every <(cmd) into a command substitution that
// runs cmd into a fresh file under /tmp and expands to that file's path.
// cmd runs to completion first instead of alongside the reader, which is
// what scripts such as diff <(sort a) <(sort b) need. >(cmd) is refused.
func rewriteProcSubst(file *syntax.File) error {
	var err error
	syntax.Walk(file, func(n syntax.Node) bool {
		w, ok := n.(*syntax.Word)
		if !ok || err != nil {
			return err == nil
		}
		for i, part := range w.Parts {
			ps, ok := part.(*syntax.ProcSubst)
			if !ok {
				continue
			}
			if ps.Op != syntax.CmdIn {
				err = fmt.Errorf("sandsh: line %d: process substitution >(...) is not supported in the sandbox", ps.Pos().Line())
				return false
			}
			w.Parts[i] = procSubstCmd(ps.Stmts)
		}
		return true
	})
	return err
}

func procSubstCmd(stmts []*syntax.Stmt) *syntax.CmdSubst {
	f, err := syntax.NewParser().Parse(strings.NewReader(procSubstTemplate), "")
	if err != nil {
		panic(err) // the template is a constant
	}
	cs := f.Stmts[0].Cmd.(*syntax.CallExpr).Assigns[0].Value.Parts[0].(*syntax.CmdSubst)
	syntax.Walk(cs, func(n syntax.Node) bool {
		if b, ok := n.(*syntax.Block); ok {
			b.Stmts = stmts
			return false
		}
		return true
	})
	return cs
}

// rewriteSource applies rewriteProcSubst to source code, for eval.
func (r *run) rewriteSource(src string) (string, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "eval")
	if err != nil {
		return src, nil // let eval report it
	}
	if err := rewriteProcSubst(f); err != nil {
		return "", err
	}
	rewriteInterpBugs(f)
	var buf bytes.Buffer
	if err := syntax.NewPrinter().Print(&buf, f); err != nil {
		return "", err
	}
	return buf.String(), nil
}

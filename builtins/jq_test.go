package builtins_test

import (
	"regexp"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// jqErrText keeps only the position of jq's runtime error messages, whose
// texts differ between jq and gojq.
func jqErrText(s string) string {
	s = regexp.MustCompile(`(?m)^(jq: error \(at [^)]*\)):.*$`).ReplaceAllString(s, "$1: ...")
	s = regexp.MustCompile(`(?m)^jq: parse error: .*$`).ReplaceAllString(s, "jq: parse error: ...")
	return s
}

// noColour drops ANSI colour sequences: -C is accepted but never colours.
func noColour(s string) string { return regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "") }

// jqCompileText keeps only the last line of compile error reports.
func jqCompileText(s string) string {
	return regexp.MustCompile(`(?s)^jq: error: .*\n(jq: 1 compile error\n)$`).ReplaceAllString(s, "$1")
}

func TestJq(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a.json", `{"a":1,"b":[1,2,{"c":"x"}],"s":"hé\tllo"}`+"\n"),
		bt.File("multi.json", "1 2\n[3,\n4]\n\"five\"\n"),
		bt.File("nonl.json", `{"k":"v"}`),
		bt.File("nums.json", "[1.000, 1e2, 0.00001, 1.5e-7, 100000000000000000001, -0, 0.0, 3]\n"),
		bt.File("bad.json", "{\"a\":1}\n{\"a\":\n"),
		bt.File("bad2.json", "[1,2,]\n"),
		bt.File("lines.txt", "one\ntwo\n\nthree"),
		bt.File("prog.jq", ".b[] | select(type == \"number\")\n"),
		bt.File("people.json", `[{"name":"ann","age":31},{"name":"bob","age":25},{"name":"cy","age":40}]`+"\n"),
		bt.File("falsy.json", "null\nfalse\n"),
		bt.File("ctl.json", `"a\u0001\u007f\"\\/\b\f\n\r\t\u00e9\ud83d\ude00"`+"\n"),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"jq", ".", "a.json"}},
		{Args: []string{"jq", "."}, Stdin: `{"x": [1, {"y": null}], "z": true}`},
		{Args: []string{"jq"}, Stdin: "[1,2]\n"},
		{Args: []string{"jq", ".a", "a.json"}},
		{Args: []string{"jq", ".b[2].c", "a.json"}},
		{Args: []string{"jq", "-c", ".", "a.json", "multi.json"}},
		{Args: []string{"jq", "-r", ".s", "a.json"}},
		{Args: []string{"jq", "-j", ".b[]", "a.json"}},
		{Args: []string{"jq", "-a", ".", "ctl.json"}},
		{Args: []string{"jq", ".", "ctl.json"}},
		{Args: []string{"jq", "-r", ".", "ctl.json"}},
		{Args: []string{"jq", "-ra", ".", "ctl.json"}},
		{Args: []string{"jq", "-S", ".", "a.json"}},
		{Args: []string{"jq", "-C", ".", "a.json"}, Normalize: noColour},
		{Args: []string{"jq", "-M", "-c", ".", "a.json"}},
		{Args: []string{"jq", "--tab", ".", "a.json"}},
		{Args: []string{"jq", "--indent", "4", ".", "a.json"}},
		{Args: []string{"jq", "--indent", "0", ".", "a.json"}},
		{Args: []string{"jq", "--indent", "7", ".b", "a.json"}},
		{Args: []string{"jq", "--indent", "8", ".", "a.json"}},
		{Args: []string{"jq", "--indent"}},
		{Args: []string{"jq", "-c", "--tab", ".b", "a.json"}},
		{Args: []string{"jq", "--tab", "-c", ".b", "a.json"}},
		{Args: []string{"jq", "-n", "1+1"}},
		{Args: []string{"jq", "-n", "[inputs]", "multi.json"}},
		{Args: []string{"jq", "-n", "input", "multi.json"}},
		{Args: []string{"jq", "-c", "[., input]", "multi.json"}},
		{Args: []string{"jq", "-s", "-c", ".", "multi.json", "nonl.json"}},
		{Args: []string{"jq", "-s", "length"}, Stdin: ""},
		{Args: []string{"jq", "."}, Stdin: ""},
		{Args: []string{"jq", "-R", ".", "lines.txt"}},
		{Args: []string{"jq", "-Rs", ".", "lines.txt", "nonl.json"}},
		{Args: []string{"jq", "-R", "-c", "[., input]"}, Stdin: "a\nb\nc\nd\n"},
		{Args: []string{"jq", "-nR", "[inputs|length]", "-c", "lines.txt"}},
		{Args: []string{"jq", "-c", ".", "nums.json"}},
		{Args: []string{"jq", "-c", "map(. + 0)", "nums.json"}},
		{Args: []string{"jq", "-c", "-n", "[1e17+0, 1e300*10, 1.5e-7+0, 1/3, 0.1+0.2, 1e16+0, 123456789012+0.5, -(1e-5+0)]"}},
		{Args: []string{"jq", "-n", "[nan, infinite, -infinite] | tostring"}},
		{Args: []string{"jq", "-c", "[.[] | tojson]", "nums.json"}},
		{Args: []string{"jq", "--arg", "x", "1", "--argjson", "y", `{"z":[2]}`, "-n", "-c", "[$x, $y, $ARGS.named]"}},
		{Args: []string{"jq", "-n", "-c", "--arg", "x", "first", "--arg", "x", "second", "$x"}},
		{Args: []string{"jq", "-n", "-c", "-S", "$ARGS", "--args", "a", "b"}},
		{Args: []string{"jq", "-n", "-c", "--jsonargs", "$ARGS.positional", "1", `{"a":"b"}`, "null"}},
		{Args: []string{"jq", "-n", "--jsonargs", ".", "{"}},
		{Args: []string{"jq", "-n", "--argjson", "v", "{", "."}},
		{Args: []string{"jq", "-n", "--arg", "x"}},
		{Args: []string{"jq", "-n", "--argjson", "x"}},
		{Args: []string{"jq", "-n", "-c", "--slurpfile", "m", "multi.json", "$m"}},
		{Args: []string{"jq", "-n", "--rawfile", "l", "lines.txt", "$l"}},
		{Args: []string{"jq", "-n", "--slurpfile", "m", "missing.json", "$m"}},
		{Args: []string{"jq", "-n", "--slurpfile", "m", "bad2.json", "$m"}, NormalizeStderr: func(s string) string {
			return regexp.MustCompile(`: [^:]*$`).ReplaceAllString(s, ": ...")
		}},
		{Args: []string{"jq", "-n", "--rawfile", "l", "missing.txt", "$l"}},
		{Args: []string{"jq", "-f", "prog.jq", "a.json"}},
		{Args: []string{"jq", "--from-file", "prog.jq", "a.json"}},
		{Args: []string{"jq", "-f", "nope.jq", "a.json"}},
		{Args: []string{"jq", "-e", ".a", "a.json"}},
		{Args: []string{"jq", "-e", ".", "falsy.json"}},
		{Args: []string{"jq", "-e", "empty", "a.json"}},
		{Args: []string{"jq", "-e", ".[]", "falsy.json", "a.json"}},
		{Args: []string{"jq", "--exit-status", "-n", "null"}},
		{Args: []string{"jq", "-e", "-n", "error(\"boom\")"}},
		{Args: []string{"jq", ".a + 1", "multi.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", ". + \"x\"", "multi.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", "-s", ".[0] + \"x\"", "multi.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", ".a + \"x\""}, Stdin: "{\"a\":1}\n\n{\"a\":2}", NormalizeStderr: jqErrText},
		{Args: []string{"jq", "-n", `error("custom message")`}},
		{Args: []string{"jq", "-n", `error({"a":1})`}},
		{Args: []string{"jq", "-n", `error(null)`}},
		{Args: []string{"jq", ".a", "a.json", "multi.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", "try error(\"x\") catch ."}, Stdin: "1"},
		{Args: []string{"jq", "-n", `"bye\n" | halt_error`}},
		{Args: []string{"jq", "-n", `"bye" | halt_error(1)`}},
		{Args: []string{"jq", "-n", `{"a":1} | halt_error`}},
		{Args: []string{"jq", "-n", `1, halt, 2`}},
		{Args: []string{"jq", ".", "bad.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", "-c", ".", "bad2.json"}, NormalizeStderr: jqErrText},
		{Args: []string{"jq", "."}, Stdin: "1 2 nul", NormalizeStderr: jqErrText},
		{Args: []string{"jq", "."}, Stdin: `{"a":1,}`},
		{Args: []string{"jq", "."}, Stdin: "[1,2"},
		{Args: []string{"jq", ".", "missing.json"}},
		{Args: []string{"jq", "-c", ".", "missing.json", "multi.json"}},
		{Args: []string{"jq", ".", "d"}},
		{Args: []string{"jq", ".["}, NormalizeStderr: jqCompileText},
		{Args: []string{"jq", "-n", "$undefined"}},
		{Args: []string{"jq", "-n", "nosuchfn(1)"}},
		{Args: []string{"jq", "--bogus", "."}},
		{Args: []string{"jq", "-rx", "."}},
		{Args: []string{"jq", "--help"}, HelpOnly: true},
		{Args: []string{"jq", "-h"}, HelpOnly: true},
		{Args: []string{"jq", "--version"}},
		{Args: []string{"jq", "-n", "-c", "[input_filename]"}},
		{Args: []string{"jq", "input_filename", "a.json", "nonl.json"}},
		{Args: []string{"jq", "input_filename"}, Stdin: "1"},
		{Args: []string{"jq", "-n", "$ENV.FOO, env.FOO"}, Env: []string{"FOO=bar"}},
		{Args: []string{"jq", "-r", `.[] | "\(.name) is \(.age)"`, "people.json"}},
		{Args: []string{"jq", "-Sc", "map(select(.age > 30)) | sort_by(.name) | reverse", "people.json"}},
		{Args: []string{"jq", "-r", `.[] | [.name, .age] | @csv, @tsv`, "people.json"}},
		{Args: []string{"jq", "-r", `.[0] | to_entries | sort_by(.key)[] | "\(.key)=\(.value)"`, "people.json"}},
		{Args: []string{"jq", "-c", "group_by(.age > 30) | map(length)", "people.json"}},
		{Args: []string{"jq", "-c", `[paths]`, "a.json"}},
		{Args: []string{"jq", "-c", `del(.b) | keys`, "a.json"}},
		{Args: []string{"jq", "-r", `@base64, @uri, @html, @sh`}, Stdin: `"a b&<c>'d"`},
		{Args: []string{"jq", "-c", `reduce .[] as $x (0; . + $x.age)`, "people.json"}},
		{Args: []string{"jq", "-S", "-c", `{name: .[0].name, n: length}`, "people.json"}},
		{Args: []string{"jq", "-c", `.[1:] | map(.name)`, "people.json"}},
		{Args: []string{"jq", "-c", `.b |= map(numbers * 10)`, "a.json"}},
		{Args: []string{"jq", ".", "--", "a.json"}},
		{Args: []string{"jq", "-c", "--", "-1"}, Stdin: "5"},
		{Args: []string{"jq", "-n", `"\u0000x" | length`}},
		{Args: []string{"jq", "-c", "."}, Stdin: "\"bad \xff utf8\""},
		{Args: []string{"jq", "-R", "."}, Stdin: "bad \xff utf8\n"},
		{Args: []string{"jq", "-n", "[limit(3; repeat(1))] | add"}},
		{Args: []string{"jq", "-n", `"x" | debug | stderr | empty`}},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

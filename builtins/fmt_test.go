package builtins_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

const fmtProse = `The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions (though not quickly enough) to prevent a swirl of gritty dust from entering along with him.
The hallway smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for indoor display, had been tacked to the wall! Was it? "Yes," he said.

  Indented paragraph with a few words that go on for a while so that it wraps around at least once or twice, maybe more.
  Second line of the same indented paragraph, e.g. with an abbreviation.  And a sentence.

Short line.
Another short line.
`

// fmtWords makes a paragraph of n pseudo-random words.
func fmtWords(r *rand.Rand, n int) string {
	words := []string{"a", "an", "the", "of", "quick", "brown", "fox.", "jumps", "over", "lazy", "dog,", "(see", "below)", "e.g.", "internationalization", "x", "hello!", "why?", "\"quoted.\"", "end;", "supercalifragilistic", "to", "be", "or", "not"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			switch r.Intn(12) {
			case 0:
				b.WriteString("  ")
			case 1:
				b.WriteString("\n")
			case 2:
				b.WriteString(" \t")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString(words[r.Intn(len(words))])
	}
	b.WriteString("\n")
	return b.String()
}

func TestFmt(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	tree := []bt.Entry{
		bt.File("prose", fmtProse),
		bt.File("nonl", "no trailing newline here, just some words to fill a line or two of text"),
		bt.File("tabs", "\tTabbed first line of a paragraph that is long enough to be wrapped by fmt at the default width.\n\tAnd its second line.\n"),
		bt.File("crown", "  First line indented by two.\n    Other lines indented by four, and they go on and on and on until the line must be wrapped somewhere.\n    More text here.\n"),
		bt.File("tagged", "Tag: the first line of a tagged paragraph\n   the following lines are indented differently and keep going so that we need to wrap them.\nOne line\n"),
		bt.File("mail", "> quoted text from a previous message that is rather long and should be refilled by fmt with the prefix\n> kept on every line of the output, as fmt -p does.\nnot quoted line which stays as it is even if it is very long, longer than the width of seventy-five\n>\n>   indented quote\n"),
		bt.File("comment", "  # comment line one is here\n  # and comment line two follows it closely\n  #no space after hash\n  code();\n"),
		bt.File("long", fmtWords(r, 1500)),
		bt.File("bigword", strings.Repeat("x", 6000)+" tail words\n"),
		bt.File("rand1", fmtWords(r, 80)+"\n"+fmtWords(r, 40)),
		bt.File("rand2", fmtWords(r, 200)),
		bt.File("ctl", "word\x00. next\rword \vmore\fwords\x01 end.\n"),
		bt.File("blank", "\n\n   \n\t\n"),
		bt.File("pfxeof", "# one two three four five six seven eight nine ten eleven twelve\n#\n  # x\n#"),
		bt.File("pfxeof2", "# a b\nplain tail"),
		bt.File("e", ""),
		bt.Dir("d"),
	}
	cases := []bt.Case{
		{Args: []string{"fmt", "prose"}},
		{Args: []string{"fmt", "-w", "40", "prose"}},
		{Args: []string{"fmt", "-w", "20", "-g", "10", "prose"}},
		{Args: []string{"fmt", "-g", "50", "prose"}},
		{Args: []string{"fmt", "-30", "prose"}},
		{Args: []string{"fmt", "-u", "prose"}},
		{Args: []string{"fmt", "-s", "-w", "30", "prose"}},
		{Args: []string{"fmt", "-su", "prose"}},
		{Args: []string{"fmt", "-c", "crown", "prose"}},
		{Args: []string{"fmt", "-c", "-w", "35", "crown"}},
		{Args: []string{"fmt", "-t", "tagged", "crown", "prose"}},
		{Args: []string{"fmt", "-t", "-w", "30", "tagged"}},
		{Args: []string{"fmt", "-p", ">", "mail"}},
		{Args: []string{"fmt", "-p", "> ", "-w", "40", "mail"}},
		{Args: []string{"fmt", "--prefix=  #", "-w", "20", "comment"}},
		{Args: []string{"fmt", "-p#", "comment"}},
		{Args: []string{"fmt", "-w", "30", "tabs"}},
		{Args: []string{"fmt", "-p", "#", "-w", "20", "pfxeof"}},
		{Args: []string{"fmt", "-p", "  #", "pfxeof"}},
		{Args: []string{"fmt", "-p", "# ", "pfxeof2"}},
		{Args: []string{"fmt", "nonl"}},
		{Args: []string{"fmt", "-w", "10", "nonl"}},
		{Args: []string{"fmt", "long"}},
		{Args: []string{"fmt", "-w", "2500", "long"}},
		{Args: []string{"fmt", "-w", "30", "bigword"}},
		{Args: []string{"fmt", "rand1", "rand2"}},
		{Args: []string{"fmt", "-w", "33", "-u", "rand1"}},
		{Args: []string{"fmt", "-w", "0", "rand1"}},
		{Args: []string{"fmt", "-w", "1", "prose"}},
		{Args: []string{"fmt", "ctl"}},
		{Args: []string{"fmt", "blank", "e"}},
		{Args: []string{"fmt"}, Stdin: "from   stdin. Two  spaces.\n"},
		{Args: []string{"fmt", "-", "prose", "-"}, Stdin: "stdin text\n"},
		{Args: []string{"fmt", "--width=50", "--goal=45", "--uniform-spacing", "--split-only", "prose"}},
		{Args: []string{"fmt", "--crown-margin", "--tagged-paragraph", "crown"}},
		{Args: []string{"fmt", "missing", "nonl"}},
		{Args: []string{"fmt", "d", "nonl"}},
		{Args: []string{"fmt", "-w", "2501", "prose"}},
		{Args: []string{"fmt", "-w", "99999999999", "prose"}},
		{Args: []string{"fmt", "-w", "x", "prose"}},
		{Args: []string{"fmt", "-w", "-1", "prose"}},
		{Args: []string{"fmt", "-w", "40", "-g", "41", "prose"}},
		{Args: []string{"fmt", "-g", "80", "prose"}},
		{Args: []string{"fmt", "-50x", "prose"}},
		{Args: []string{"fmt", "-w", "5", "-3", "prose"}},
		{Args: []string{"fmt", "-q"}},
		{Args: []string{"fmt", "-p"}},
		{Args: []string{"fmt", "--help"}, HelpOnly: true},
	}
	for seed := int64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewSource(seed))
		name := fmt.Sprintf("r%d", seed)
		tree = append(tree, bt.File(name, fmtWords(r, 30+r.Intn(300))))
		w := 20 + r.Intn(60)
		cases = append(cases, bt.Case{Args: []string{"fmt", "-w", fmt.Sprint(w), name}})
	}
	// Long paragraphs overflow GNU's buffers and are flushed in parts.
	for _, seed := range []int64{104, 113, 118} {
		r := rand.New(rand.NewSource(seed))
		name := fmt.Sprintf("long%d", seed)
		tree = append(tree, bt.File(name, fmtWords(r, 900+r.Intn(1500))))
		w := 10 + r.Intn(90)
		cases = append(cases, bt.Case{Args: []string{"fmt", "-w", fmt.Sprint(w), name}},
			bt.Case{Args: []string{"fmt", "-u", "-w", fmt.Sprint(w + 300), name}})
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

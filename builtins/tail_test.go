package builtins_test

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func TestTail(t *testing.T) {
	cases := []bt.Case{
		{Args: []string{"tail", "a"}},
		{Args: []string{"tail", "long"}},
		{Args: []string{"tail", "-n", "3", "a"}},
		{Args: []string{"tail", "-n3", "a", "b", "c"}},
		{Args: []string{"tail", "-n", "+3", "a"}},
		{Args: []string{"tail", "-n", "+0", "c"}},
		{Args: []string{"tail", "-n", "+1", "c"}},
		{Args: []string{"tail", "-n", "+100", "a"}},
		{Args: []string{"tail", "-n", "0", "a"}},
		{Args: []string{"tail", "-n", "-2", "a"}},
		{Args: []string{"tail", "-n", "1", "b"}},
		{Args: []string{"tail", "-n", "2", "c"}},
		{Args: []string{"tail", "-n", "100", "a"}},
		{Args: []string{"tail", "-c", "5", "a"}},
		{Args: []string{"tail", "-c", "+5", "a"}},
		{Args: []string{"tail", "-c", "100", "b"}},
		{Args: []string{"tail", "-c", "1k", "long"}},
		{Args: []string{"tail", "--bytes=3", "b"}},
		{Args: []string{"tail", "--lines=2", "c"}},
		{Args: []string{"tail", "-3", "a"}},
		{Args: []string{"tail", "+11", "a"}},
		{Args: []string{"tail", "-2c", "a"}},
		{Args: []string{"tail", "+2c", "a"}},
		{Args: []string{"tail", "-1b", "a"}},
		{Args: []string{"tail", "-l", "a"}},
		{Args: []string{"tail", "-3", "a", "c"}},
		{Args: []string{"tail", "+3", "a", "c"}},
		{Args: []string{"tail", "-c", "a"}},
		{Args: []string{"tail", "-q", "-n1", "a", "b"}},
		{Args: []string{"tail", "-v", "-n1", "a"}},
		{Args: []string{"tail", "-n1", "a", "-", "b"}, Stdin: "in1\nin2\n"},
		{Args: []string{"tail", "-n", "2"}, Stdin: "x\ny\nz\n"},
		{Args: []string{"tail", "-n", "+2"}, Stdin: "x\ny\nz"},
		{Args: []string{"tail", "-c", "4"}, Stdin: "x\ny\nz"},
		{Args: []string{"tail", "-c", "+4"}, Stdin: "x\ny\nz"},
		{Args: []string{"tail", "-n", "1"}, Stdin: ""},
		{Args: []string{"tail", "-f", "-n", "1"}, Stdin: "x\ny\n"},
		{Args: []string{"tail", "-z", "-n", "2", "nul"}},
		{Args: []string{"tail", "-z", "-n", "+2", "nul"}},
		{Args: []string{"tail", "-z", "-n", "1"}, Stdin: "a\x00b\x00"},
		{Args: []string{"tail", "c", "missing", "b"}},
		{Args: []string{"tail", "d"}},
		{Args: []string{"tail", "-n1", "a", "d", "c"}},
		{Args: []string{"tail", "empty"}},
		{Args: []string{"tail", "-n", "x", "a"}},
		{Args: []string{"tail", "-c", "1x", "a"}},
		{Args: []string{"tail", "-n", "99999999999999999999999", "a"}},
		{Args: []string{"tail", "-n", "+99999999999999999999999", "a"}},
		{Args: []string{"tail", "-n", "1", "-s", "x", "a"}},
		{Args: []string{"tail", "-n", "1", "--pid=abc", "a"}},
		{Args: []string{"tail", "--follow=foo", "a"}},
		{Args: []string{"tail", "-n2q", "a"}},
		{Args: []string{"tail", "--", "-2", "c"}},
		{Args: []string{"tail", "--bogus"}},
		{Args: []string{"tail", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = textTree()
	}
	bt.RunAll(t, cases)
}

// tail -f prints what is appended to the file and stops when the run is
// cancelled.
func TestTailFollow(t *testing.T) {
	o, _ := newOverlay(t, []bt.Entry{bt.File("log", "one\ntwo\n")})
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan int, 1)
	pr, pw := io.Pipe()
	go func() {
		status, _ := bt.Exec(ctx, o, []string{"tail", "-f", "-s", "0.05", "-n", "1", "log"}, nil, nil, pw, io.Discard)
		pw.Close()
		done <- status
	}()
	copied := make(chan struct{})
	go func() { io.Copy(&out, pr); close(copied) }()
	time.Sleep(200 * time.Millisecond)
	f, err := o.OpenFile("/log", 1|02000, 0) // O_WRONLY|O_APPEND
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("three\n"))
	f.Close()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("tail -f still running after cancellation")
	}
	<-copied
	if got := out.String(); got != "two\nthree\n" {
		t.Errorf("tail -f printed %q, want %q", got, "two\nthree\n")
	}
}

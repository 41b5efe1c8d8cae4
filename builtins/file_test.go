package builtins_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

func gzipData(t *testing.T, name string, level int, data string) string {
	t.Helper()
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Name = name
	if name != "" {
		w.ModTime = time.Unix(1000000000, 0)
	}
	w.OS = 3
	w.Write([]byte(data))
	w.Close()
	return b.String()
}

func zipData(t *testing.T, method uint16, names ...string) string {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range names {
		f, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(strings.Repeat("hello ", 10)))
	}
	w.Close()
	return b.String()
}

func tarData(t *testing.T, format tar.Format) string {
	t.Helper()
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	if err := w.WriteHeader(&tar.Header{Name: "a.txt", Mode: 0o644, Size: 3, Format: format,
		ModTime: time.Unix(1000000000, 0), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("hi\n"))
	w.Close()
	return b.String()
}

// v7Tar is a tar header without the ustar magic.
func v7Tar() string {
	h := make([]byte, 1024)
	copy(h, "a.txt")
	copy(h[100:], "0000644\x00")
	copy(h[108:], "0000000\x00")
	copy(h[116:], "0000000\x00")
	copy(h[124:], "00000000000\x00")
	copy(h[136:], "07346545000\x00")
	h[156] = '0'
	copy(h[148:], "        ")
	sum := 0
	for _, c := range h[:512] {
		sum += int(c)
	}
	copy(h[148:], fmt.Sprintf("%06o\x00 ", sum))
	return string(h)
}

func pngData(w, h uint32, depth, ctype, interlace byte) string {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9], ihdr[12] = depth, ctype, interlace
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.String()
}

func TestFile(t *testing.T) {
	elf, err := os.ReadFile("/bin/true")
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	goELF, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 301) + "\n"
	tree := []bt.Entry{
		bt.File("ascii", "hello\nworld\n"),
		bt.File("noeol", "hello"),
		bt.File("crlf", "a\r\nb\r\n"),
		bt.File("cr", "a\rb\r"),
		bt.File("mixed", "a\r\nb\nc\rd\n"),
		bt.File("long", long+strings.Repeat("y", 400)+"\n"),
		bt.File("long300", strings.Repeat("x", 300)+"\n"),
		bt.File("longnoeol", strings.Repeat("x", 500)),
		bt.File("utf8", "h\xc3\xa9llo w\xc3\xb6rld\n"),
		bt.File("bom", "\xef\xbb\xbfhi\n"),
		bt.File("latin1", "h\xe9llo\n"),
		bt.File("extended", "a\x80b\x93\n"),
		bt.File("utf16", "\xff\xfeh\x00i\x00\n\x00"),
		bt.File("ebcdic", "a\x7fb\n"),
		bt.File("esc", "a\x1b[1mb\n"),
		bt.File("bs", "a\bb\n"),
		bt.File("data", "\x00\x01\x02\xff\xfe"),
		bt.File("ctl", "abc\x01def\n"),
		bt.File("one", "a"),
		bt.File("nl", "\n"),
		bt.File("nulpad", "ab\x00\x00"),
		bt.File("empty", ""),
		bt.File("sh", "#!/bin/sh\necho hi\n"),
		bt.File("shsp", "#! /bin/sh -e\necho hi\n"),
		bt.File("bash", "#!/bin/bash\necho hi\n"),
		bt.File("envbash", "#!/usr/bin/env bash\necho hi\n"),
		bt.File("envsh", "#!/usr/bin/env sh\necho hi\n"),
		bt.File("py", "#!/usr/bin/env python3\nprint(1)\n"),
		bt.File("py2", "#!/usr/bin/python3.11\nprint(1)\n"),
		bt.File("perl", "#!/usr/bin/perl -w\nprint 1;\n"),
		bt.File("node", "#!/usr/bin/env node\nconsole.log(1)\n"),
		bt.File("ruby", "#!/usr/bin/env ruby\nputs 1\n"),
		bt.File("zsh", "#!/bin/zsh\necho\n"),
		bt.File("gawk", "#!/usr/bin/gawk -f\n{ print }\n"),
		bt.File("generic", "#!/opt/bin/tool --flag\nrun\n"),
		bt.File("envtool", "#!/usr/bin/env -S deno run\nx\n"),
		bt.File("shcrlf", "#!/bin/sh\r\necho\r\n"),
		bt.File("shell5", "#!/bin/sh5\necho\n"),
		bt.File("json", "{\"a\": [1, 2.5e3, {\"b\": null}], \"c\": \"x\\u00e9\", \"d\": true}\n"),
		bt.File("jsonarr", "[1, \"two\", false]"),
		bt.File("ndjson", "{\"a\": 1}\n{\"b\": 2}\n"),
		bt.File("jsonstr", "\"just a string\"\n"),
		bt.File("badjson", "{\"a\": }\n"),
		bt.File("csv", "name,age\nann,3\nbob,4\n"),
		bt.File("csv2", "a,b\n1,2\n"),
		bt.File("csvq", "\"x,y\",z\n1,2\n3,4\n"),
		bt.File("xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root/>\n"),
		bt.File("xmlbare", "<?xml ver\n"),
		bt.File("svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"),
		bt.File("html", "<!DOCTYPE html>\n<html><body>x</body></html>\n"),
		bt.File("html2", "text first\n<TITLE>x</TITLE>\n"),
		bt.File("notHtml", "<div>x</div>\n"),
		bt.File("php", "<?php echo 1; ?>\n"),
		bt.File("csrc", "#include <stdio.h>\nint main(void) { return 0; }\n"),
		bt.File("cpp", "#include <iostream>\nclass A {};\n"),
		bt.File("cdef", "#define X 1\n"),
		bt.File("gz", gzipData(t, "a.txt", gzip.DefaultCompression, "hello\n")),
		bt.File("gzbest", gzipData(t, "b.txt", gzip.BestCompression, "hello\n")),
		bt.File("gzfast", gzipData(t, "", gzip.BestSpeed, "hello\n")),
		bt.File("zip", zipData(t, zip.Store, "x.txt")),
		bt.File("zipdef", zipData(t, zip.Deflate, "x.txt", "y.txt")),
		bt.File("zipempty", zipData(t, zip.Store)),
		bt.File("tar", tarData(t, tar.FormatGNU)),
		bt.File("ustar", tarData(t, tar.FormatUSTAR)),
		bt.File("v7tar", v7Tar()),
		bt.File("png", pngData(16, 8, 8, 6, 0)),
		bt.File("png2", pngData(1, 1, 1, 0, 1)),
		bt.File("png3", pngData(640, 480, 8, 2, 0)),
		bt.File("png4", pngData(3, 3, 4, 3, 0)),
		bt.File("png5", pngData(3, 3, 16, 4, 0)),
		bt.File("gif", "GIF89a\x10\x00\x08\x00\x00\x00\x00;"),
		bt.File("pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
		bt.File("pdf2", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
		bt.File("ps", "%!PS-Adobe-3.0\n%%EOF\n"),
		bt.File("bz2", "BZh91AY&SY\x00\x00"),
		bt.File("xz", "\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4\x46"),
		bt.File("zst", "\x28\xb5\x2f\xfd\x24\x04\x21\x00\x00"),
		bt.File("elf", string(elf)),
		bt.File("goelf", string(goELF)),
		bt.File("elfhead", string(elf[:64])),
		bt.File("elf32", "\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x03\x00\x01\x00\x00\x00"),
		bt.File("suid", "hi\n").WithMode(0o4755),
		bt.File("sticky", "hi\n").WithMode(0o1644),
		bt.Dir("dir"),
		bt.Dir("sdir").WithMode(0o1777),
		bt.Symlink("link", "ascii"),
		bt.Symlink("dang", "nowhere"),
		bt.Symlink("ldir", "dir"),
		bt.Symlink("loop1", "loop2"),
		bt.Symlink("loop2", "loop1"),
		bt.File("list", "ascii\njson\n\nmissing\n"),
		bt.File("a name", "x y\n"),
	}
	textTypes := []string{"ascii", "noeol", "crlf", "cr", "mixed", "long", "long300", "longnoeol",
		"utf8", "bom", "latin1", "extended", "utf16", "ebcdic", "esc", "bs", "data", "ctl", "one",
		"nl", "nulpad", "empty"}
	scripts := []string{"sh", "shsp", "bash", "envbash", "envsh", "py", "py2", "perl", "node",
		"ruby", "zsh", "gawk", "generic", "envtool", "shcrlf", "shell5"}
	docs := []string{"json", "jsonarr", "ndjson", "jsonstr", "badjson", "csv", "csv2", "csvq",
		"xml", "xmlbare", "svg", "html", "html2", "notHtml", "php", "csrc", "cpp", "cdef"}
	binaries := []string{"gz", "gzbest", "gzfast", "zip", "zipdef", "zipempty", "tar", "ustar",
		"v7tar", "png", "png2", "png3", "png4", "png5", "gif", "pdf", "pdf2", "ps", "bz2", "xz", "zst"}
	fs := []string{"suid", "sticky", "dir", "sdir", "link", "dang", "ldir", "loop1", "missing"}
	all := append(append(append(append([]string{}, textTypes...), scripts...), docs...), binaries...)
	cases := []bt.Case{
		{Name: "text", Args: append([]string{"file"}, textTypes...)},
		{Name: "text -i", Args: append([]string{"file", "-i"}, textTypes...)},
		{Name: "scripts", Args: append([]string{"file"}, scripts...)},
		{Name: "scripts --mime-type", Args: append([]string{"file", "--mime-type"}, scripts...)},
		{Name: "docs", Args: append([]string{"file"}, docs...)},
		{Name: "docs -i", Args: append([]string{"file", "-i"}, docs...)},
		{Name: "binaries", Args: append([]string{"file"}, binaries...)},
		{Name: "binaries -i", Args: append([]string{"file", "--mime"}, binaries...)},
		{Name: "mime-encoding", Args: append([]string{"file", "--mime-encoding"}, all...)},
		{Name: "fs", Args: append([]string{"file"}, fs...)},
		{Name: "fs -i", Args: append([]string{"file", "-i"}, fs...)},
		{Name: "fs -L", Args: append([]string{"file", "-L"}, fs...)},
		{Name: "fs -L -h", Args: append([]string{"file", "-L", "-h"}, fs...)},
		{Name: "fs POSIXLY_CORRECT", Args: []string{"file", "link", "dang"}, Env: []string{"POSIXLY_CORRECT=1"}},
		{Name: "elf", Args: []string{"file", "elf", "elfhead", "elf32"}},
		{Name: "elf -b", Args: []string{"file", "-b", "goelf"}, Timeout: 30 * time.Second},
		{Name: "elf -i", Args: []string{"file", "-i", "elf", "elf32"}},
		{Args: []string{"file", "-b", "ascii", "json", "missing"}},
		{Args: []string{"file", "-F", "@", "ascii", "json"}},
		{Args: []string{"file", "--separator=", "ascii"}},
		{Args: []string{"file", "-N", "ascii", "json", "a name"}},
		{Args: []string{"file", "-0", "ascii", "json"}},
		{Args: []string{"file", "-00", "ascii", "json"}},
		{Args: []string{"file", "-E", "ascii", "missing"}},
		{Args: []string{"file", "-f", "list"}},
		{Args: []string{"file", "-f", "-", "ascii"}, Stdin: "json\n"},
		{Args: []string{"file", "-f", "nolist"}},
		{Args: []string{"file", "-"}, Stdin: "hello\n"},
		{Args: []string{"file", "-", "ascii"}, Stdin: "{\"a\": 1}"},
		{Args: []string{"file", "-i", "-"}, Stdin: ""},
		{Args: []string{"file", "-b", "-"}, Stdin: "#!/bin/sh\necho\n"},
		{Args: []string{"file", "-e", "json", "json"}},
		{Args: []string{"file", "-e", "soft", "sh", "png"}},
		{Args: []string{"file", "-e", "ascii", "ascii"}},
		{Args: []string{"file", "-e", "bogus", "ascii"}},
		{Args: []string{"file", "-k", "ascii"}},
		{Args: []string{"file", "-bi", "dir", "empty"}},
		{Args: []string{"file"}},
		{Args: []string{"file", "-y", "ascii"}},
		{Args: []string{"file", "--bogus", "ascii"}},
		{Args: []string{"file", "-F"}},
		{Args: []string{"file", "--help"}, HelpOnly: true},
	}
	for i := range cases {
		cases[i].Tree = tree
	}
	bt.RunAll(t, cases)
}

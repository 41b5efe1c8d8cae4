module github.com/sandsh/sandsh

go 1.26.0

require github.com/spf13/afero v1.15.0

require (
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/term v0.45.0 // indirect
	golang.org/x/text v0.28.0 // indirect
	mvdan.cc/sh/v3 v3.14.1 // indirect
)

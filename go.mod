module github.com/sandsh/sandsh

go 1.26.0

require github.com/spf13/afero v1.15.0

require (
	github.com/benhoyt/goawk v1.29.1 // indirect
	github.com/gobwas/glob v1.1.0 // indirect
	github.com/itchyny/gojq v0.12.20 // indirect
	github.com/itchyny/timefmt-go v0.1.9 // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/term v0.45.0 // indirect
	golang.org/x/text v0.28.0 // indirect
	mvdan.cc/sh/v3 v3.14.1 // indirect
)

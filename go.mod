module github.com/sandsh/sandsh

go 1.26.0

require (
	github.com/gobwas/glob v1.1.0
	github.com/itchyny/gojq v0.12.20
	github.com/spf13/afero v1.15.0
	golang.org/x/term v0.45.0
	mvdan.cc/sh/v3 v3.14.1
)

require (
	github.com/itchyny/timefmt-go v0.1.9 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/text v0.28.0 // indirect
)

replace mvdan.cc/sh/v3 => ./third_party/mvdan-sh

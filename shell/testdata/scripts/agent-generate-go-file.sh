mkdir -p internal/greet
cat > internal/greet/greet.go <<'EOF'
package greet

import "fmt"

// Hello returns a greeting.
func Hello(name string) string {
	return fmt.Sprintf("hello, %s", name)
}
EOF
pkg=greet
cat > internal/greet/greet_test.go <<EOF
package $pkg

import "testing"

func TestHello(t *testing.T) {
	if Hello("x") != "hello, x" {
		t.Fatal("bad")
	}
}
EOF
ls internal/greet
cat internal/greet/greet_test.go

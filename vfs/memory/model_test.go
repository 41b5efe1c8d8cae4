package memory_test

import (
	"testing"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
	"github.com/sandsh/sandsh/vfs/vfstest"
)

func TestMain(m *testing.M) { vfstest.Main(m) }

var modelConfig = vfstest.Config{
	Setup: vfstest.ViaAPI,
	New:   func(string) (vfs.FS, error) { return memory.New(), nil },
}

// TestModel runs random operation sequences against memory.FS and against a
// real directory, comparing them after every step.
func TestModel(t *testing.T) {
	n := vfstest.Sequences(2000)
	for seed := int64(1); seed <= int64(n); seed++ {
		vfstest.Run(t, modelConfig, seed)
		if t.Failed() {
			return
		}
	}
}

// FuzzModel drives the same comparison from fuzz input.
func FuzzModel(f *testing.F) {
	f.Add([]byte("seed corpus: a short sequence"))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 200, 201, 202, 255, 254, 253})
	f.Fuzz(func(t *testing.T, data []byte) { vfstest.RunBytes(t, modelConfig, data) })
}

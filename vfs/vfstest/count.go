package vfstest

import (
	"os"
	"strconv"
)

// SequencesEnv names the environment variable that overrides the number of
// sequences Sequences returns, for long runs outside CI.
const SequencesEnv = "SANDSH_MODEL_SEQUENCES"

// Sequences returns how many sequences a model test should run: the value
// of SANDSH_MODEL_SEQUENCES if set, else def, divided by 10 under the race
// detector, which slows the run about tenfold.
func Sequences(def int) int {
	if v, err := strconv.Atoi(os.Getenv(SequencesEnv)); err == nil && v > 0 {
		return v
	}
	if raceEnabled {
		return max(def/10, 1)
	}
	return def
}

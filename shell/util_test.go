package shell_test

import "time"

func sleepShort() { time.Sleep(20 * time.Millisecond) }

// Package hostrun runs real host programs for differential tests without
// letting them change anything on the host but one directory.
//
// The tests compare sandsh with real bash and GNU tools, which run on the
// host. A wrong test case (rm -r with the wrong operand, say) could then
// damage the machine. Command runs the program in a private mount
// namespace in which every filesystem is remounted read-only except the
// working directory, so the worst a test can do is fail.
package hostrun

import (
	"context"
	"os/exec"
)

// guard makes every mount read-only but $HOSTRUN_DIR, then runs "$@" there.
const guard = `set -e
mount --make-rprivate /
mount --bind "$HOSTRUN_DIR" "$HOSTRUN_DIR"
while read -r _ mp _; do
	case "$mp" in
	"$HOSTRUN_DIR" | /proc | /proc/* | /sys | /sys/* | /dev | /dev/*) continue ;;
	esac
	mount -o remount,bind,ro "$mp"
done < /proc/mounts
cd "$HOSTRUN_DIR"
exec "$@"`

// Command returns a command that runs name with args in dir, with dir the
// only writable place on the host. It needs root (CI runs as root), like
// the rest of the differential tests; if the namespace cannot be set up,
// the command fails instead of running unguarded.
func Command(ctx context.Context, dir, name string, args ...string) *exec.Cmd {
	argv := append([]string{"--mount", "--propagation", "private", "/bin/bash", "-c", guard, "hostrun", name}, args...)
	cmd := exec.CommandContext(ctx, "/usr/bin/unshare", argv...)
	cmd.Dir = dir
	cmd.Env = []string{"HOSTRUN_DIR=" + dir}
	return cmd
}

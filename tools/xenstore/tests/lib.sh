# SPDX-License-Identifier: GPL-2.0-only
# Shared by the xenstore tests: start/stop our daemon on a private socket.
# Each daemon runs under timeout and is stopped by its own pid.
XS_BUILDDIR=${XS_BUILDDIR:-$(pwd)}
XS_SRCDIR=${XS_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
XS_WORK=$(mktemp -d "${TMPDIR:-/tmp}/xstest.XXXXXX")
XS_PIDS=()

xs_cleanup() {
	local p
	for p in "${XS_PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	rm -rf "$XS_WORK"
}
trap xs_cleanup EXIT

# xs_start NAME [daemon options...]: socket at $XS_WORK/NAME/socket
xs_start() {
	local name=$1 i; shift
	mkdir -p "$XS_WORK/$name"
	env -u XENSTORED_PATH XENSTORED_RUNDIR=$XS_WORK/$name \
		timeout 600 "${XS_DAEMON:-$XS_BUILDDIR/xenstored}" -N "$@" \
		>"$XS_WORK/$name/log" 2>&1 &
	XS_PIDS+=($!)
	for i in $(seq 100); do
		[ -S "$XS_WORK/$name/socket" ] && return 0
		sleep 0.05
	done
	echo "xenstored ($name) did not start:"; cat "$XS_WORK/$name/log"
	return 1
}

# Fail (not skip) when a tool the test needs is missing.
xs_need() {
	command -v "$1" >/dev/null || { echo "FAIL: required tool '$1' not found"; exit 1; }
}

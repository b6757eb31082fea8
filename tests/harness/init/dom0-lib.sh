# SPDX-License-Identifier: GPL-2.0-only
# What the dom0 /init scripts of the e2e tests and benchmarks do alike,
# sourced by them as /usr/lib/xa-test/dom0-lib.sh (tests/harness/
# initramfs.py adds this file to every initramfs whose /init names it).
# Busybox sh only. Every step prints the marker lines the harness asserts
# on (NAME rc=N uptime=S), so a script reads as the list of its steps.

# Markers: the seconds since boot, a line stamped with them, and a
# command's output followed by "NAME rc=<status> uptime=<s>".
up() { cut -d' ' -f1 /proc/uptime; }
say() { echo "$* uptime=$(up)"; }
run() { n=$1; shift; "$@"; echo "$n rc=$? uptime=$(up)"; }

# waitfor SECONDS CMD...: poll CMD every 0.1 s until it succeeds or time is up.
waitfor() {
	_wn=$(($1 * 10)) _wi=0; shift
	while ! "$@" && [ $_wi -lt $_wn ]; do sleep 0.1; _wi=$((_wi + 1)); done
	"$@"
}

# The busybox applets, then the mounts and directories Xen's tools expect
# on a full system (Debian's tree first in PATH's tail, its libraries).
dom0_base() {
	/bin/busybox --install -s /bin
	export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
	export LD_LIBRARY_PATH=/usr/lib/xen-4.17/lib/aarch64-linux-gnu
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev 2>/dev/null
	mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts && mount -t tmpfs tmpfs /dev/shm
	mkdir -p /run/xen /run/xenstored /var/lib/xen/dump /var/lib/xenstored \
		/var/log/xen/console /var/lock /mnt
	ln -sf /run /var/run
}

# dom0 is up: when, and the hypervisor its kernel found.
dom0_ready() {
	echo "DOM0-READY uptime=$(up)"
	echo "HV-TYPE=$(cat /sys/hypervisor/type 2>&1)"
}

# For hotplug scripts (ours and Debian's): the /dev links udev makes on a
# full system (Debian's locking.sh stats /dev/stdin) and a syslog, as
# they log through logger.
hotplug_env() {
	ln -sf /proc/self/fd /dev/fd; ln -sf /proc/self/fd/0 /dev/stdin
	ln -sf /proc/self/fd/1 /dev/stdout; ln -sf /proc/self/fd/2 /dev/stderr
	syslogd -O /var/log/messages
}

# xen_modules [MODULE...]: Debian's kernel builds the dom0 interfaces as
# modules (order matters), then MODULEs (paths under the kernel's module
# tree, no .ko); xenfs mounted on /proc/xen. A failure says which; the
# line matches both failure patterns the harnesses use.
XEN_MODULES="drivers/xen/xen-privcmd drivers/xen/xenfs/xenfs drivers/xen/xen-evtchn
	drivers/xen/xen-gntdev drivers/xen/xen-gntalloc"
xen_modules() {
	km=/lib/modules/$(uname -r)/kernel
	for m in $XEN_MODULES "$@"; do
		insmod "$km/$m.ko" || echo "INSMOD-FAILED insmod $m failed"
	done
	mount -t xenfs xenfs /proc/xen || echo "mount xenfs failed"
}

# Debian's daemons started the way its xencommons does: xenstored (up when
# it answers, at most 30 s), xen-init-dom0, xenconsoled logging guests'
# consoles to /var/log/xen/console/guest-<name>.log.
xencommons() {
	export XENSTORED_ROOTDIR=/var/lib/xenstored
	run XENSTORED xenstored --pid-file /run/xenstored.pid
	waitfor 30 xenstore-read -s / >/dev/null 2>&1
	run INIT-DOM0 xen-init-dom0
	run XENCONSOLED xenconsoled --pid-file /run/xenconsoled.pid --log=guest \
		--log-dir=/var/log/xen/console
}

# The toolstack the initramfs carries: ours brings its own start-up script
# (tools/misc/xen-dom0-start); Debian's is started as its xencommons does.
start_toolstack() {
	if [ -x /usr/sbin/xen-dom0-start ]; then
		run XEN-START /usr/sbin/xen-dom0-start
	else
		xen_modules
		xencommons
	fi
}

# bridge NAME ADDRESS: a bridge for guests' vifs, dom0 at ADDRESS/24.
bridge() {
	brctl addbr "$1" && ip addr add "$2/24" dev "$1" && ip link set "$1" up
}

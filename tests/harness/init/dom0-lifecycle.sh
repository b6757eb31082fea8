#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the lifecycle-actions tests: one dom0 boot runs a guest's whole
# life with whichever toolstack the initramfs carries (Debian's or ours: the
# same commands). Every step prints a marker the harness asserts on; every
# failure prints a line the harness fails on (LEFT-..., ...-MISSING, rc=N).
#   three create/list/console/destroy rounds (vcpus 1, 2, and a gzip Image),
#   free_memory back after each; xl shutdown -w; xl reboot; the on_poweroff /
#   on_reboot / on_crash actions; bad configs leaving nothing behind.
. /usr/lib/xa-test/dom0-lib.sh
dom0_base

start_toolstack
XL=xl
CFG=/etc/xen/life.cfg
LOG=/var/log/xen/console/guest-life.log
say "TOOLSTACK-READY $(readlink -f $(which xl))"

readies() { cat $LOG 2>/dev/null | grep -c DOMU-READY; }
ready_n() { [ "$(readies)" -ge "$1" ]; }
gone() { ! $XL domid "$1" >/dev/null 2>&1; }
freemem() { $XL info | sed -n 's/^free_memory *: *//p'; }
others() { $XL list 2>/dev/null | awk 'NR > 1 && $2 != 0'; }
no_others() { [ -z "$(others)" ]; }
xsnap() {
	for p in /local/domain /vm /libxl; do
		echo "$p: $(xenstore-list $p 2>/dev/null | sort | tr '\n' ' ')"
	done
}
mem_back() { [ "$(freemem)" = "$FREE0" ]; }
# clean TAG: no guest, xenstore and free memory as before the first guest,
# no saved guest config (libxl's userdata files) left.
clean() {
	ok=1
	waitfor 30 no_others || { echo "$1-LEFT-DOMAIN $(others)"; ok=0; }
	[ "$(xsnap)" = "$XS0" ] || { echo "$1-LEFT-XENSTORE"; xsnap; ok=0; }
	ud=$(ls /var/lib/xen/userdata-d.[1-9]* 2>/dev/null)
	[ -z "$ud" ] || { echo "$1-LEFT-USERDATA $ud"; ok=0; }
	waitfor 30 mem_back || { echo "$1-LEFT-MEMORY free $(freemem) MB, was $FREE0 MB"; ok=0; }
	[ $ok = 1 ] && say "$1-CLEAN"
}
# start TAG [OVERRIDES...]: a fresh console log, xl create, the guest's shell up.
start() {
	t=$1; shift
	rm -f $LOG
	run $t-CREATE $XL create $CFG "$@"
	waitfor 150 ready_n 1 && say "$t-UP" || { echo "$t-UP-MISSING"; cat $LOG; }
}
# console CMD ANSWER: type CMD into the guest's shell with xl console, wait
# (up to 60 s) for ANSWER in what xl console shows, then detach with Ctrl-]
# typed on its own (Xen's xenconsole only honours it alone). On a pty
# (ptyrun), as xenconsole reads only a terminal.
console() {
	rm -f /tmp/cons.out
	( sleep 1; echo "$1"
	  i=0; while ! grep -q "$2" /tmp/cons.out 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.1; i=$((i + 1)); done
	  sleep 0.5; printf '\035' ) |
		timeout 90 /usr/lib/xa-test/ptyrun $XL console life > /tmp/cons.out 2>&1
	echo "CONSOLE rc=$?"
}

run LIST-0 $XL list
FREE0=$(freemem)
XS0=$(xsnap)
say "BASELINE free_memory=$FREE0"
echo "$XS0"

# 1. Three create / list / console / destroy rounds in one boot.
gzip -t /boot/vmlinuz-guest.gz && say "IMAGE-GZ-IS-GZIP"
# A name in use: a second create is refused, the first guest untouched.
in_use() {
	$XL create $CFG > /tmp/bad.out 2>&1; rc=$?
	sed 's/^/  INUSE| /' /tmp/bad.out
	[ $rc != 0 ] && say "INUSE-REFUSED (exit $rc)" || echo "INUSE-ACCEPTED"
	grep -q life /tmp/bad.out && say "INUSE-MESSAGE-NAMES-IT" || echo "INUSE-MESSAGE-MISSING"
	[ "$($XL domid life)" = "$D" ] && [ "$($XL list | grep -c '^life ')" = 1 ] &&
		say "INUSE-FIRST-UNTOUCHED"
}
round() { # round N VCPUS KERNEL
	start R$1 vcpus=$2 "kernel=\"$3\""
	grep -q "DOMU-READY cpus=$2 " $LOG && say "R$1-GUEST-SEES-$2-CPUS"
	$XL list life | tee /tmp/l.out
	awk -v v=$2 'NR == 2 && $1 == "life" && $3 == 128 && $4 == v && $5 ~ /^[rb-]+$/ { ok = 1 }
		END { exit !ok }' /tmp/l.out && say "R$1-LISTED 128 MB $2 vCPUs"
	D=$($XL domid life)
	$XL list -l life > /tmp/ll.out
	head -n 1 /tmp/ll.out | grep -qx '\[' && grep -q "^        \"domid\": $D,\$" /tmp/ll.out &&
		grep -q '"name": "life"' /tmp/ll.out && grep -q "\"max_vcpus\": $2," /tmp/ll.out &&
		say "R$1-LIST-L-JSON" || cat /tmp/ll.out
	$XL list -v | grep -qE "^life +$D +128 +$2 .* [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} " &&
		say "R$1-LIST-V-UUID" || $XL list -v
	$XL vcpu-list life | tee /tmp/vl.out
	[ "$(awk '$1 == "life" && $3 ~ /^[0-9]+$/ && $5 ~ /^[rb-]+$/' /tmp/vl.out | wc -l)" = $2 ] &&
		say "R$1-VCPU-LIST $2 vCPUs"
	run R$1-PAUSE $XL pause life
	$XL list life | awk 'NR == 2 { exit $5 !~ /p/ }' && say "R$1-PAUSED"
	run R$1-UNPAUSE $XL unpause life
	$XL list life | awk 'NR == 2 { exit $5 ~ /p/ }' && say "R$1-UNPAUSED"
	console "echo IN-\$((6*7))-R$1" "IN-42-R$1"
	grep -q "IN-42-R$1" /tmp/cons.out && say "R$1-CONSOLE-INPUT-ANSWERED" || cat /tmp/cons.out
	[ $1 = 1 ] && in_use
	run R$1-DESTROY $XL destroy life
	clean R$1
}
round 1 1 /boot/vmlinuz-guest
round 2 2 /boot/vmlinuz-guest
round 3 2 /boot/vmlinuz-guest.gz

# 2. xl shutdown -w: the guest's kernel gets the request over xenbus and
# powers off; xl reboot: a new domain with the same name reaches its shell.
# The guest of this step has an unknown key in its config: ignored, as xl
# does (the guest still starts); ours also warns, naming file, line and key.
printf 'no_such_key = "x"\n' > /tmp/unknown-key.cfg; cat $CFG >> /tmp/unknown-key.cfg
rm -f $LOG
$XL create /tmp/unknown-key.cfg > /tmp/uk.out 2>&1; echo "SHUTDOWN-CREATE rc=$?"
sed 's/^/  UNKNOWN-KEY| /' /tmp/uk.out
grep -q "unknown-key.cfg:1:.*no_such_key" /tmp/uk.out && say "UNKNOWN-KEY-WARNED"
waitfor 150 ready_n 1 && say "SHUTDOWN-UP" || { echo "SHUTDOWN-UP-MISSING"; cat $LOG; }
run SHUTDOWN-W $XL shutdown -w life
gone life && say "SHUTDOWN-GONE"
grep -q GUEST-GOT-POWEROFF $LOG && say "SHUTDOWN-GUEST-GOT-REQUEST"
grep -q 'reboot: Power down' $LOG && say "SHUTDOWN-GUEST-KERNEL-POWERED-DOWN"
clean SHUTDOWN
start REBOOT
D1=$($XL domid life)
run REBOOT-CMD $XL reboot life
newdom() { D=$($XL domid life 2>/dev/null); [ -n "$D" ] && [ "$D" != "$D1" ] && ready_n 2; }
waitfor 150 newdom && say "REBOOT-RESTARTED as $D (was $D1)" || { echo "REBOOT-MISSING"; cat $LOG; }
grep -q GUEST-GOT-REBOOT $LOG && say "REBOOT-GUEST-GOT-REQUEST"
run REBOOT-DESTROY $XL destroy life
clean REBOOT

# 3. Each on_* action at least once, each event at least twice (the
# defaults, poweroff=destroy and reboot=restart, ran above). trigger: poweroff (xl shutdown), reboot (xl reboot),
# crash (the hypervisor told that the guest crashed, by remote-crash).
trigger() {
	case $1 in
	poweroff) $XL shutdown life ;;
	reboot) $XL reboot life ;;
	crash) /usr/lib/xa-test/remote-crash $D1 ;;
	esac
}
state_of() { $XL list 2>/dev/null | awk -v d=$1 '$2 == d { print $5 }'; }
name_of() { $XL list 2>/dev/null | awk -v d=$1 '$2 == d { print $1 }'; }
shut_or_crashed() { case $(state_of $D1) in *s*|*c*) true ;; *) false ;; esac; }
dumped() { [ "$(head -c 4 /var/lib/xen/dump/life 2>/dev/null | tail -c 3)" = ELF ]; }
# action TAG EVENT ACTION
action() {
	rm -f /var/lib/xen/dump/life
	# Small guests where the action writes a core file into dom0's RAM.
	case $3 in coredump-*) mem=64 ;; *) mem=128 ;; esac
	start $1 "on_$2=\"$3\"" memory=$mem
	D1=$($XL domid life)
	run $1-TRIGGER trigger $2
	case $3 in
	destroy|coredump-destroy)
		waitfor 30 gone life && say "$1-DESTROYED" ;;
	preserve)
		sleep 3
		shut_or_crashed && [ "$(name_of $D1)" = life ] && say "$1-PRESERVED $(state_of $D1)"
		$XL list ;;
	restart|coredump-restart|rename-restart)
		waitfor 150 newdom && say "$1-RESTARTED as $D (was $D1)" ;;
	esac
	case $3 in
	coredump-*)
		# dom0's root is RAM: keep one dump at a time.
		waitfor 30 dumped && say "$1-CORE-DUMPED $(wc -c < /var/lib/xen/dump/life) bytes" &&
			rm -f /var/lib/xen/dump/life ;;
	rename-restart)
		name_of $D1 | grep -qE '^life-[0-9]{8}T[0-9]{4}Z$' && shut_or_crashed &&
			say "$1-OLD-RENAMED $(name_of $D1)"
		$XL list ;;
	esac
	for d in $($XL list | awk 'NR > 1 && $2 != 0 { print $2 }'); do $XL destroy $d; done
	clean $1
}
action POWEROFF-PRESERVE poweroff preserve
action REBOOT-RENAME reboot rename-restart
action CRASH-PRESERVE crash preserve
action CRASH-COREDUMP crash coredump-destroy
action CRASH-COREDUMP-RESTART crash coredump-restart

# 4. Bad input: a clear error naming the culprit, non-zero exit, nothing left.
# bad TAG PATTERN CREATE-ARGS...: PATTERN must be in xl's error output.
bad() {
	t=$1 p=$2; shift 2
	$XL create "$@" > /tmp/bad.out 2>&1; rc=$?
	sed "s/^/  $t| /" /tmp/bad.out
	[ $rc != 0 ] && say "$t-REFUSED (exit $rc)" || echo "$t-ACCEPTED"
	grep -qE "$p" /tmp/bad.out && say "$t-MESSAGE-NAMES-IT" || echo "$t-MESSAGE-MISSING: $p"
	clean $t
}
sed 's/^name = .*/name = [ "life" ]/' $CFG > /tmp/bad-type.cfg
sed 's/^memory = 128/memory = = 128/' $CFG > /tmp/bad-syntax.cfg
head -c 2000000 /dev/urandom > /tmp/corrupt.img
bad BAD-TYPE "bad-type.cfg:5:.*name" /tmp/bad-type.cfg
bad BAD-SYNTAX "bad-syntax.cfg:[0-9]+.*(syntax|parsing)" /tmp/bad-syntax.cfg
bad BAD-KERNEL-PATH "/boot/no-such-kernel" $CFG 'kernel="/boot/no-such-kernel"'
bad BAD-MEMORY "[Mm]emory|ENOMEM|populat" $CFG memory=4096
bad BAD-KERNEL-IMAGE "corrupt.img|kernel|loader|image" $CFG 'kernel="/tmp/corrupt.img"'
bad BAD-NO-CFG "/etc/xen/no-such.cfg" /etc/xen/no-such.cfg
say "DOM0-LIFECYCLE-DONE"
poweroff -f

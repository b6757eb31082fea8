# SPDX-License-Identifier: GPL-2.0-only
"""dom0's Xen drivers on our hypervisor (docs/testing.md): Debian's
xen-privcmd, xenfs, xen-evtchn, xen-gntdev and xen-gntalloc modules load,
xenfs mounts on /proc/xen, and tests/dom0/xen-drivers-check.c (built here
with aarch64-linux-gnu-gcc -static) exercises event channels, grants and
privcmd; the fuzz scenario runs tests/dom0/xen-hcall-fuzz.c in between two
checks. Then dom0 powers the machine off."""
import os
import subprocess

import harness as h
import ourboot
from initramfs import Initramfs

MODULES = ('xen-privcmd', 'xenfs/xenfs', 'xen-evtchn', 'xen-gntdev', 'xen-gntalloc')
CC = 'aarch64-linux-gnu-gcc'
# Linux lines that mean a Xen interface dom0 uses is missing or broken
# (the reference prints none of these).
XEN_COMPLAINTS = [r'add_to_physmap failed', r'Cannot get hvm parameter',
                  r'xen.*: .*err=-', r'INSMOD-FAILED', r'DRIVERS-CHECK FAIL',
                  r'FUZZ-.*FAIL', r'FUZZ-EXIT rc=[1-9]', r'BUG:', r'Unable to handle kernel',
                  r'unhandled trap', r'Unexpected exception']


def build(name, prog):
    """Cross-compiles one tests/dom0 program, static, with the repo's
    Linux uapi headers (tools/include/xen-sys)."""
    src = os.path.join(h.ROOT, 'tests', 'dom0', prog + '.c')
    out = os.path.join(h.workdir(name), prog)
    cmd = [CC, '-static', '-O2', '-Wall', '-Wextra', '-Werror',
           '-I' + os.path.join(h.ROOT, 'tools', 'include', 'xen-sys'),
           '-I' + os.path.join(h.ROOT, 'tests', 'dom0'), '-o', out, src]
    try:
        subprocess.run(cmd, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise h.HarnessError('%s missing (Debian package gcc-aarch64-linux-gnu)' % CC)
    except subprocess.CalledProcessError as e:
        raise h.HarnessError('building %s failed:\n%s' % (prog, e.stderr))
    return out


def initrd(name, fuzz_args=None):
    fx = h.fixtures()
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], h.init_script('dom0-drivers.sh'))
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/bin/xen-drivers-check', build(name, 'xen-drivers-check'), 0o755)
    if fuzz_args:
        rd.add_file('/bin/xen-hcall-fuzz', build(name, 'xen-hcall-fuzz'), 0o755)
        rd.add_bytes('/etc/fuzz.args', fuzz_args.encode())
    return h.initramfs_path(name, rd)


def scenario(name, board_name, fuzz_args=None, timeout=240, dom0_poweroff=True):
    """Our hypervisor, Debian's kernel as dom0 with the drivers initramfs.
    dom0_poweroff=False stops at DOM0-DONE (zcu102's known power-off bug,
    docs/hypervisor.md)."""
    sc = ourboot.boot(name, board_name, timeout=timeout)
    sc.initrd = initrd(name, fuzz_args)
    sc.also = [sc.also[0], ourboot.module_marker('Ramdisk', sc.board.ramdisk_addr,
                                                 os.path.getsize(sc.initrd))]
    checks = [r'^MODULES-LOADED', r'^XENFS-MOUNTED caps=control_d',
              r'^PRIVCMD-VERSION=4\.17\.0-xa', r'^MULTICALL-OK entries=40',
              r'^GNTTAB-BATCH-OK ops=100', r'^EVTCHN-OK ports=',
              r'^GNT-OK ref=', r'^DRIVERS-CHECK PASS']
    middle = []
    if fuzz_args:
        middle = [r'^FUZZ-DONE calls=[1-9]', r'^FUZZ-EXIT rc=0'] + checks[2:]
    sc.expect = sc.expect[:-1] + [
        r'^\(XEN\) \*\*\* LOADING DOMAIN 0 \*\*\*',
        r'^\[ *[0-9.]+\] Grant table initialized',
        r'^DOM0-READY ', r'^HV-TYPE=xen\s*$'] + checks + middle + [
        r'^XEN-LINES 0\s*$', r'^DOM0-DONE',
        r'^\(XEN\) Hardware Dom0 halted: halting machine', sc.expect[-1]]
    sc.fail = list(sc.fail) + XEN_COMPLAINTS
    if not dom0_poweroff:
        sc.expect = sc.expect[:sc.expect.index(r'^DOM0-DONE') + 1]
        sc.end = 'any'
    return sc

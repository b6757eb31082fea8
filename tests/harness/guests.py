# SPDX-License-Identifier: GPL-2.0-only
"""Guest isolation scenario (docs/testing.md): dom0 with a toolstack starts
an idle domU (the second victim), then an unprivileged domU whose
initramfs runs tests/domu/xen-isolation.c against dom0 and against the
other domU (foreign map, domctl, sysctl, event-channel bind, grant map,
xenstore read of the victim's nodes: all must be refused) and the
hypercall fuzzer tests/dom0/xen-hcall-fuzz.c; dom0 prints the domU's
console, checks both domUs and itself survived, destroys them and powers
off. One QEMU boot per
hypervisor ('reference' = Debian's Xen 4.17, 'ours')."""
import os

import drivers
import harness as h
import lifecycle
from initramfs import Initramfs

DOMU = os.path.join(h.ROOT, 'tests', 'domu')
FUZZ_ARGS = os.environ.get('XA_ISO_FUZZ', '0x150 3000')
# xen-isolation's arguments: the victim domid, and "nomap" to skip the
# foreign-map check (diagnosis only: the test then fails at that marker).
ISO_ARGS = os.environ.get('XA_ISO_ARGS', '0')
CHECKS = ['PRIVCMD-WORKS', 'DOMCTL', 'DOMCTL', 'SYSCTL', 'FOREIGN-MAP', 'EVTCHN-CONTROL',
          'EVTCHN-BIND', 'GRANT-MAP', 'XENSTORE-OWN', 'XENSTORE-OTHER']


def _text(fname):
    with open(os.path.join(DOMU, fname)) as f:
        return f.read()


def build_isolation(name):
    """tests/domu/xen-isolation.c, static aarch64, as drivers.build does."""
    out = os.path.join(h.workdir(name), 'xen-isolation')
    cmd = [drivers.CC, '-static', '-O2', '-Wall', '-Wextra', '-Werror', '-Wshadow',
           '-I' + os.path.join(h.ROOT, 'tools', 'include', 'xen-sys'), '-o', out,
           os.path.join(DOMU, 'xen-isolation.c')]
    try:
        h.subprocess.run(cmd, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise h.HarnessError('%s missing (Debian package gcc-aarch64-linux-gnu)' % drivers.CC)
    except h.subprocess.CalledProcessError as e:
        raise h.HarnessError('building xen-isolation failed:\n%s' % e.stderr)
    return out


def domu_initrd(name, fx):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], _text('domu-isolation.sh'))
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in ('xen-privcmd', 'xenfs/xenfs'):
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/bin/xen-isolation', build_isolation(name), 0o755)
    rd.add_file('/bin/xen-hcall-fuzz', drivers.build(name, 'xen-hcall-fuzz'), 0o755)
    rd.add_bytes('/etc/fuzz.args', FUZZ_ARGS.encode())
    rd.add_bytes('/etc/iso.args', ISO_ARGS.encode())
    return rd.write(os.path.join(h.workdir(name), 'initrd-iso.cpio.gz'))


def dom0_initrd(name, fx, toolstack):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], _text('dom0-isolation.sh'))
    lifecycle.add_toolstack(rd, fx, toolstack)
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in lifecycle.XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    rd.add_file('/boot/initrd-iso.cpio.gz', domu_initrd(name, fx))
    rd.add_file('/etc/xen/iso.cfg', os.path.join(DOMU, 'iso.cfg'))
    rd.add_file('/boot/initrd-guest.cpio.gz', lifecycle.guest_initrd(name, fx))
    rd.add_file('/etc/xen/guest.cfg', lifecycle.GUEST_CFG)
    return h.initramfs_path(name, rd)


def expect():
    exp = [r'^DOM0-READY', r'^HV-TYPE=xen$', r'^XENSTORED rc=0', r'^TOOLSTACK-READY',
           r'^VICTIM-CREATE rc=0', r'^VICTIM-DOMID [1-9]', r'^XL-CREATE rc=0',
           r'^ISOLATION-DONE-SEEN', r'^ISO-DOMU-UP .*hv=xen', r'^ISO-START victim=0']
    exp += [r'^ISO-%s PASS' % c for c in CHECKS]
    exp += [r'^ISO-SUMMARY pass=%d fail=0' % len(CHECKS), r'^ISO-EXIT rc=0',
            r'^ISOV-START victim=[1-9]']
    exp += [r'^ISOV-%s PASS' % c for c in CHECKS]
    exp += [r'^ISOV-SUMMARY pass=%d fail=0' % len(CHECKS),
            r'^FUZZ-DONE calls=[1-9]', r'^FUZZ-EXIT rc=0']
    exp += [r'^ISO2-%s PASS' % c for c in CHECKS]
    exp += [r'^ISO2-SUMMARY pass=%d fail=0' % len(CHECKS), r'^ISOLATION-DONE uptime',
            r'^DOMU-ALIVE', r'^DOM0-HV-VERSION 4\.17', r'^XL-DESTROY rc=0',
            r'^VICTIM-ALIVE', r'^VICTIM-DESTROY rc=0', r'^DOM0-ISOLATION-DONE']
    return exp


def scenario(name, hv='reference', toolstack='debian', board='virt64-gicv3', echo=False):
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS[board], lifecycle.hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=dom0_initrd(name, fx, toolstack),
                    xen_args='dom0_mem=512M bootscrub=0', echo=echo,
                    timeout=float(os.environ.get('XA_ISO_TIMEOUT', 600)))
    sc.expect = expect() + [lifecycle.HV_END[hv]]
    sc.fail = list(h.DEFAULT_FAIL) + [r'^ISO[2V]?-[A-Z-]+ FAIL', r'^ISOLATION-TIMEOUT',
                                      r'^FUZZ-.*FAIL', r'^[A-Z0-9-]+ rc=[1-9]']
    return sc


# xenctx (tests/domu/dom0-xenctx.sh): our tool against Debian's on a
# running domU and on one stopped at its exception vector. The broken
# Image's UDF traps to VBAR_EL1 (0 at reset) + 0x200 (synchronous, current
# EL with SP_ELx); 0x200 is not guest RAM, so the fetch there faults back
# to the same vector: Debian's Xen 4.17 shows PC 0x200, as a debug build's
# xenctx would.
XENCTX_REGS = [r'^PC: +ffff[0-9a-f]{12}$', r'^LR: +[0-9a-f]{16}$', r'^ELR_EL1: +[0-9a-f]{16}$',
               r'^CPSR: +[0-9a-f]{8}$', r'^SPSR_EL1: +[0-9a-f]{8}$', r'^SP_EL0: +[0-9a-f]{16}$',
               r'^SP_EL1: +ffff[0-9a-f]{12}$', r'^ +x0: [0-9a-f]{16}\t +x1: [0-9a-f]{16}\t +x2: ',
               r'^x27: [0-9a-f]{16}\tx28: [0-9a-f]{16}\tx29: [0-9a-f]{16}$', r'^x30: [0-9a-f]{16}$',
               r'^SCTLR: [0-9a-f]{16}$', r'^TTBR1: [0-9a-f]{16}$']


def broken_image(name, fx):
    """Debian's Image with its first instruction replaced by UDF #0."""
    with open(fx['XA_KERNEL_ARM64'], 'rb') as f:
        data = bytearray(f.read())
    if data[0x38:0x3c] != b'ARM\x64':
        raise h.HarnessError('%s is not an arm64 Image' % fx['XA_KERNEL_ARM64'])
    data[0:4] = b'\0\0\0\0'
    out = os.path.join(h.workdir(name), 'Image-broken')
    with open(out, 'wb') as f:
        f.write(data)
    return out


def xenctx_initrd(name, fx, toolstack):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], _text('dom0-xenctx.sh'))
    lifecycle.add_toolstack(rd, fx, toolstack)
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in lifecycle.XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    rd.add_file('/boot/vmlinuz-broken', broken_image(name, fx))
    rd.add_file('/boot/initrd-guest.cpio.gz', lifecycle.guest_initrd(name, fx))
    rd.add_file('/etc/xen/guest.cfg', lifecycle.GUEST_CFG)
    rd.add_file('/etc/xen/broken.cfg', os.path.join(DOMU, 'broken.cfg'))
    return h.initramfs_path(name, rd)


def xenctx_scenario(name, hv='reference', echo=False):
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS['virt64-gicv3'], lifecycle.hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=xenctx_initrd(name, fx, 'ours'),
                    xen_args='dom0_mem=512M bootscrub=0', echo=echo,
                    timeout=float(os.environ.get('XA_ISO_TIMEOUT', 600)))
    sc.expect = ([r'^DOM0-READY', r'^HV-TYPE=xen$', r'^TOOLSTACK-READY',
                  r'^XENCTX-BAD-DOMID rc=1', r'^ours: xenctx: .*domain 4000',
                  r'^GOOD-CREATE rc=0', r'^GOOD-XENCTX-OURS rc=0'] + XENCTX_REGS +
                 [r'^GOOD-XENCTX-DEBIAN rc=0', r'^GOOD-PC ours=ffff[0-9a-f]{12} debian=ffff',
                  r'^GOOD-DESTROY rc=0', r'^BROKEN-CREATE rc=0', r'^BROKEN-XENCTX-OURS rc=0',
                  r'^BROKEN-XENCTX-DEBIAN rc=0', r'^BROKEN-PC-AGREE pc=0000000000000200$',
                  r'^BROKEN-DESTROY rc=0', r'^DOM0-XENCTX-DONE', lifecycle.HV_END[hv]])
    sc.fail = list(h.DEFAULT_FAIL) + [r'^(?!XENCTX-BAD-DOMID)[A-Z0-9-]+ rc=[1-9]']
    return sc


def debug_hvc_image(name):
    """tests/domu/debug-hvc.S assembled into a raw arm64 Image."""
    src = os.path.join(DOMU, 'debug-hvc.S')
    wd = h.workdir(name)
    obj, elf, img = (os.path.join(wd, 'debug-hvc' + s) for s in ('.o', '.elf', '.img'))
    steps = [['aarch64-linux-gnu-as', '-o', obj, src],
             ['aarch64-linux-gnu-ld', '-Ttext=0', '-o', elf, obj],
             ['aarch64-linux-gnu-objcopy', '-O', 'binary', elf, img]]
    for cmd in steps:
        try:
            h.subprocess.run(cmd, check=True, capture_output=True, text=True)
        except FileNotFoundError:
            raise h.HarnessError('%s missing (Debian package binutils-aarch64-linux-gnu)' % cmd[0])
        except h.subprocess.CalledProcessError as e:
            raise h.HarnessError('%s failed:\n%s' % (' '.join(cmd), e.stderr))
    return img


def debug_hvc_scenario(name):
    """Our hypervisor with tests/domu/debug-hvc.S as dom0's kernel: each
    debug HVC's console line, then the guest's PSCI SYSTEM_OFF."""
    import ourboot
    sc = ourboot.boot(name, 'virt64-gicv3', timeout=60)
    sc.kernel = debug_hvc_image(name)
    sc.also = [ourboot.module_marker('Kernel', sc.board.kernel_addr, os.path.getsize(sc.kernel))]
    sc.expect = sc.expect[:-1] + [
        r'^\(XEN\) hvc-ok$', r'^\(XEN\) DOM0: R1 = 0x000000001234abcd at 0x[0-9a-f]{16}$',
        r'^\(XEN\) DOM0: Reached [0-9a-f]{16}$', r'^\(XEN\) DOM0: DEBUG$',
        r'^\(XEN\) +PC: [0-9a-f]{16}$', r'X7 ?: 0000000000007777$',
        r'^\(XEN\) DOM0: Unhandled debug trap 0x42$', sc.expect[-1]]
    return sc

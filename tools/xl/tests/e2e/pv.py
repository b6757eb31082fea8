# SPDX-License-Identifier: GPL-2.0-only
"""Pieces shared by pv-devices.test and bench/pvdev/run.py: disk images
made on the host at test time (ext4 with mkfs.ext4 -d, raw), the guest
initramfs (PV front ends and ext4 from Debian's kernel modules), and a dom0
initramfs carrying the toolstack, dom0's back ends and our hotplug scripts."""
import os
import subprocess

import harness as h
import lifecycle
from initramfs import Initramfs

HERE = os.path.dirname(os.path.abspath(__file__))
GUEST_MODULES = {'crc16': 'lib/crc16', 'mbcache': 'fs/mbcache',
                 'crc32c_generic': 'crypto/crc32c_generic', 'jbd2': 'fs/jbd2/jbd2',
                 'ext4': 'fs/ext4/ext4', 'xen-blkfront': 'drivers/block/xen-blkfront',
                 'xen-netfront': 'drivers/net/xen-netfront'}
DOM0_MODULES = ('drivers/block/loop', 'drivers/block/xen-blkback/xen-blkback',
                'drivers/net/xen-netback/xen-netback', 'net/llc/llc', 'net/802/stp',
                'net/bridge/bridge', 'lib/crc16', 'fs/mbcache', 'crypto/crc32c_generic',
                'fs/jbd2/jbd2', 'fs/ext4/ext4')


def text(name):
    """A file next to this one, or at an absolute path."""
    with open(os.path.join(HERE, name)) as f:
        return f.read()


def raw_image(path, mib, marker=b''):
    with open(path, 'wb') as f:
        f.write(marker)
        f.truncate(mib << 20)
    return path


def ext4_root(name, fx, init_name, mib=24):
    """An ext4 image whose /sbin/init is init_name, made without root."""
    wd = h.workdir(name)
    tree = os.path.join(wd, 'rootfs')
    subprocess.run(['rm', '-rf', tree], check=True)
    for d in ('bin', 'sbin', 'dev', 'proc', 'sys', 'tmp', 'mnt'):
        os.makedirs(os.path.join(tree, d))
    subprocess.run(['cp', fx['XA_BUSYBOX_ARM64'], os.path.join(tree, 'bin', 'busybox')], check=True)
    with open(os.path.join(tree, 'sbin', 'init'), 'w') as f:
        f.write(text(init_name))
    os.chmod(os.path.join(tree, 'sbin', 'init'), 0o755)
    img = os.path.join(wd, 'root.img')
    if os.path.exists(img):
        os.unlink(img)
    r = subprocess.run(['mkfs.ext4', '-q', '-F', '-L', 'pvroot', '-d', tree, img, '%dM' % mib],
                       capture_output=True, text=True)
    if r.returncode:
        raise h.HarnessError('mkfs.ext4 -d failed: ' + r.stderr.strip())
    return img


def guest_initrd(name, fx, pv_init=None):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], text('pv-domu-initrd.sh'))
    for mod, rel in GUEST_MODULES.items():
        rd.add_file('/m/%s.ko' % mod, os.path.join(fx['XA_KMOD_DIR_ARM64'], 'kernel', rel + '.ko'))
    if pv_init:
        rd.add_bytes('/pv-init', text(pv_init).encode(), 0o755)
    return rd.write(os.path.join(h.workdir(name), 'initrd-pv.cpio.gz'))


def dom0_initrd(name, fx, dom0_script, toolstack, files, scripts='ours', env=None):
    """files: {path in dom0: host path}. /etc/pv-env names the xl to use
    (X) and the toolstack (TS). scripts: the hotplug scripts in
    /etc/xen/scripts, 'ours' (POSIX sh) or 'debian' (xen-utils-common's, as
    unpacked with Debian's tree; they are bash and use util-linux's flock,
    so Debian's bash and flock go in)."""
    if scripts == 'debian' and toolstack != 'debian':
        raise h.HarnessError("Debian's hotplug scripts go with Debian's toolstack only")
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], text(dom0_script))
    lifecycle.add_toolstack(rd, fx, toolstack)
    if scripts == 'debian':
        for k in ('XA_BASH_ARM64', 'XA_FLOCK_ARM64'):
            if k not in fx:
                raise h.HarnessError('%s missing from the fixtures: run scripts/fixtures.sh' % k)
        rd.add_file('/bin/bash', fx['XA_BASH_ARM64'], 0o755)
        rd.add_file('/usr/bin/flock', fx['XA_FLOCK_ARM64'], 0o755)  # util-linux's
    elif toolstack == 'debian':
        # Debian's xl with our hotplug scripts: the same scripts for both
        # toolstacks, so only the toolstack differs.
        scripts = os.path.join(h.BUILD, 'aarch64', 'install', 'etc', 'xen', 'scripts')
        if not os.path.isdir(scripts):
            raise h.HarnessError('%s missing: build it (build/tools-aarch64)' % scripts)
        rd.add_tree('/etc/xen/scripts', scripts)
    xl = '/usr/sbin/xl' if toolstack == 'ours' else '/usr/lib/xen-4.17/bin/xl'
    lines = ['X=%s' % xl, 'TS=%s' % toolstack] + ["%s='%s'" % kv for kv in (env or {}).items()]
    rd.add_bytes('/etc/pv-env', ('\n'.join(lines) + '\n').encode())
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in lifecycle.XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    for m in DOM0_MODULES:
        rel = 'kernel/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    for dst, src in files.items():
        rd.add_file(dst, src)
    return h.initramfs_path(name, rd)


def scenario(name, initrd, hv, timeout):
    fx = h.fixtures()
    return h.Scenario(name, h.BOARDS['virt64-gicv3'], lifecycle.hypervisor(fx, hv),
                      kernel=fx['XA_KERNEL_ARM64'], initrd=initrd,
                      xen_args='dom0_mem=512M bootscrub=0', timeout=timeout)


BAD = ('UNKNOWN-KEY', 'NO-TARGET', 'MISSING-FILE', 'DUP-VDEV', 'CDROM', 'QCOW2', 'NO-BRIDGE', 'VIFNAME',
       'DISK-SCRIPT', 'VIF-SCRIPT')


def devices(NAME, hv, toolstack='ours'):
    """The pv-devices scenario (see pv-devices.test) on hypervisor hv, with
    our toolstack and scripts or Debian's xen-utils-4.17 and its scripts."""
    fx = h.fixtures()
    wd = h.workdir(NAME)
    files = {'/images/root.img': ext4_root(NAME, fx, 'pv-domu-root.sh'),
             '/images/ro.img': raw_image(os.path.join(wd, 'ro.img'), 1, b'RO-DISK-DATA\n'),
             '/images/hot.img': raw_image(os.path.join(wd, 'hot.img'), 2, b'HOTPLUG-DISK\n'),
             '/boot/initrd-pv.cpio.gz': guest_initrd(NAME, fx),
             '/etc/xen/pvguest.cfg': os.path.join(HERE, 'pvguest.cfg')}
    bad = BAD
    if os.environ.get('XA_PV_SKIP_BAD'):   # diagnosis: straight to the guest
        files['/etc/pv-skip-bad'] = raw_image(os.path.join(wd, 'skip'), 0)
        bad = ()
    initrd = dom0_initrd(NAME, fx, 'pv-dom0.sh', toolstack, files, scripts=toolstack)
    sc = scenario(NAME, initrd, hv, timeout=840)
    # Debian's xl builds a guest with a cdrom disk on Arm (ours refuses it).
    accepted = ('CDROM',) if toolstack == 'debian' else ()
    sc.expect = ([r'^TOOLSTACK-READY'] +
                 [r'^BAD-%s-%s' % (b, 'ACCEPTED' if b in accepted else 'REFUSED') for b in bad] +
                 [r'^CREATE rc=0', r'/51712/physical-device = "7:', r'^BLOCK-LIST rc=0',
                  r'^0 +0 +00:16:3e:[0-9a-f:]+ +0 +4 ', r'^NETWORK-LIST-1 rc=0',
                  r'^BLOCK-ATTACH rc=0', r'/51728/hotplug-status = "connected"',
                  r'^BLOCK-ATTACH-AGAIN rc=0', r'^BLOCK-DETACH rc=0', r'^HOT-LOOP-RELEASED',
                  r'^HOT-WRITE-SEEN', r'^NETWORK-ATTACH rc=0', r'^VIFNAME-ON-BRIDGE', r'/1/vifname = "pvnet1"',
                  r'^1 +0 +00:16:3e:',
                  r'^NETWORK-LIST-2 rc=0', r'^NETWORK-DETACH rc=0', r'^GUEST-ROOT-ON-XVDA',
                  r'^GUEST-RO-REFUSED', r'^GUEST-PINGED-DOM0', r'^GUEST-SAW-HOTPLUG',
                  r'^GUEST-MAC-XEN-OUI', r'^DESTROY rc=0', r'^LOOPS-RELEASED', r'^BACKENDS-GONE',
                  r'^RO-IMAGE-UNCHANGED', r'^ROOT-FILE-IN-IMAGE', r'^PV-DEVICES-DONE'])
    # rate=10Mb/s on the hot-plugged vif, in netback's bytes,usecs (50 ms
    # credit interval, as Xen's libxl)
    sc.also = [r'/1/rate = "62500,50000"']
    sc.fail = list(h.DEFAULT_FAIL) + [r'^[A-Z0-9-]+ rc=[1-9]', r'-NOT-REFUSED', r'-NOT-ACCEPTED', r'^GUEST-TIMEOUT',
                                      r'^VIF-STILL-THERE', r'insmod .* failed']
    return sc

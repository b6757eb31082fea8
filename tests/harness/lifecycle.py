# SPDX-License-Identifier: GPL-2.0-only
"""The guest lifecycle scenario: a dom0 with a toolstack runs xl list,
xl create (tests/e2e/guest.cfg), waits for the guest's console, xl destroy.

Both halves are parameters so one scenario serves every pairing the design
asks for: hypervisor 'reference' (Debian's Xen 4.17) or 'ours', toolstack
'debian' (xen-utils-4.17) or 'ours' (our cross-built install tree, laid over
Debian's tree, which still supplies the C library).
"""
import os

import harness as h
from initramfs import Initramfs

XEN_MODULES = ('xen-privcmd', 'xenfs/xenfs', 'xen-evtchn', 'xen-gntdev', 'xen-gntalloc')
# Not needed by the C programs, and large.
DEBIAN_SKIP = ('usr/share', 'usr/lib/xen-4.17/lib/python',
               'usr/lib/xen-4.17/lib/aarch64-linux-gnu/xenfsimage')
GUEST_CFG = os.path.join(h.ROOT, 'tests', 'e2e', 'guest.cfg')


def guest_initrd(name, fx):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], h.init_script('domu-ready.sh'))
    return rd.write(os.path.join(h.workdir(name), 'initrd-guest.cpio.gz'))


def add_toolstack(rd, fx, toolstack):
    rd.add_tree('/', fx['XA_XEN_UTILS_ARM64'], skip=DEBIAN_SKIP)
    if toolstack == 'ours':
        tree = os.path.join(h.BUILD, 'aarch64', 'install')
        if not os.path.isdir(tree):
            raise h.HarnessError('%s missing: build it (build/tools-aarch64)' % tree)
        rd.add_tree('/', tree, skip=('usr/share', 'usr/include'))
    elif toolstack != 'debian':
        raise h.HarnessError('unknown toolstack ' + toolstack)


def guest_dom0(name, fx, toolstack, init):
    """A dom0 initramfs (init script tests/harness/init/<init>) with the
    toolstack, the Xen modules, and the sample guest (kernel, initramfs,
    tests/e2e/guest.cfg); callers add their extras, then write it."""
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], h.init_script(init))
    add_toolstack(rd, fx, toolstack)
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    rd.add_file('/boot/initrd-guest.cpio.gz', guest_initrd(name, fx))
    rd.add_file('/etc/xen/guest.cfg', GUEST_CFG)
    return rd


def dom0_initrd(name, fx, toolstack):
    return h.initramfs_path(name, guest_dom0(name, fx, toolstack, 'dom0-xl.sh'))


EXPECT = [r'^DOM0-READY', r'^HV-TYPE=xen$', r'^XENSTORED rc=0', r'^TOOLSTACK-READY',
          r'^Domain-0 +0 ', r'^XL-LIST-1 rc=0', r'^XL-CREATE rc=0', r'^DOMU-READY-SEEN',
          r'^guest +[1-9][0-9]* ', r'^XL-LIST-2 rc=0', r'^DOMU-READY uptime=.* hv=xen',
          r'^XL-DESTROY rc=0', r'^XL-LIST-3 rc=0', r'^DOM0-XL-DONE']
HV_END = {'reference': r'\(XEN\) Hardware Dom0 halted: halting machine',
          'ours': r'^\(XEN\) Powering off \(PSCI SYSTEM_OFF\)'}


def hypervisor(fx, which):
    return fx['XA_REF_XEN_ARM64'] if which == 'reference' else h.our_xen('arm64')


def scenario(name, hv='reference', toolstack='debian', board='virt64-gicv3', echo=False):
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS[board], hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=dom0_initrd(name, fx, toolstack),
                    xen_args='dom0_mem=512M bootscrub=0', timeout=240, echo=echo)
    sc.expect = EXPECT + [HV_END[hv]]
    sc.fail = list(h.DEFAULT_FAIL) + [r'^DOMU-TIMEOUT', r'^GUEST-STILL-LISTED',
                                      r'^[A-Z0-9-]+ rc=[1-9]', r'failed$']
    return sc


# OUR hypervisor's domctl/sysctl under a real toolstack (init/dom0-ours.sh):
# xl info and xl list, then rounds of paused create/destroy with
# free_memory back to the same figure.
OURS_EXPECT = [r'^DOM0-READY', r'^XENSTORED rc=0', r'^INIT-DOM0 rc=0', r'^TOOLSTACK-READY',
               r'^nr_cpus +: 2$', r'^free_memory +: [1-9]', r'^xen_version +: 4\.17',
               r'^XL-INFO rc=0', r'^Domain-0 +0 +512 +2 ', r'^XL-LIST-1 rc=0',
               r'^\(XEN\) \*\*\* LOADING DOMAIN 0 \*\*\*', r'^XL-DMESG rc=0', r'^XL-CREATE-P rc=0', r'^GUEST-LISTED state=--p---', r'^XL-DESTROY rc=0',
               r'^FREE-MEMORY-SAME ', r'^DOM0-OURS-DONE']


def ours_dom0_initrd(name, fx, toolstack):
    return h.initramfs_path(name, guest_dom0(name, fx, toolstack, 'dom0-ours.sh'))


def ours_scenario(name, toolstack='ours', board='virt64-gicv3', rounds=3, echo=False):
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS[board], h.our_xen('arm64'),
                    kernel=fx['XA_KERNEL_ARM64'],
                    initrd=ours_dom0_initrd(name, fx, toolstack),
                    xen_args='dom0_mem=512M', timeout=600, echo=echo)
    sc.dom0_args += ' xa_rounds=%d' % rounds
    sc.expect = OURS_EXPECT + [r'^\(XEN\) Powering off \(PSCI SYSTEM_OFF\)']
    sc.fail = list(h.DEFAULT_FAIL) + [r'^GUEST-STILL-LISTED', r'^FREE-MEMORY-CHANGED',
                                      r'^[A-Z0-9-]+ rc=[1-9]', r'failed$']
    return sc


# The whole-life scenario (tests/harness/init/dom0-lifecycle.sh): create /
# console / destroy rounds, shutdown, reboot, every on_* action, bad input.
LIFE_CFG = os.path.join(h.ROOT, 'tests', 'e2e', 'life.cfg')
ROUNDS = [r'^R%d-CREATE rc=0', r'^R%d-UP', r'^R%d-GUEST-SEES-%d-CPUS', r'^R%d-LISTED 128 MB %d vCPUs',
          r'^R%d-LIST-L-JSON', r'^R%d-LIST-V-UUID', r'^R%d-VCPU-LIST %d vCPUs', r'^R%d-PAUSE rc=0',
          r'^R%d-PAUSED', r'^R%d-UNPAUSE rc=0', r'^R%d-UNPAUSED', r'^R%d-CONSOLE-INPUT-ANSWERED', r'^R%d-DESTROY rc=0', r'^R%d-CLEAN']
ACTIONS = [('POWEROFF-PRESERVE', ['PRESERVED']), ('REBOOT-RENAME', ['RESTARTED', 'OLD-RENAMED']),
           ('CRASH-PRESERVE', ['PRESERVED']),
           ('CRASH-COREDUMP', ['DESTROYED', 'CORE-DUMPED']),
           ('CRASH-COREDUMP-RESTART', ['RESTARTED', 'CORE-DUMPED'])]
BAD = ['BAD-TYPE', 'BAD-SYNTAX', 'BAD-KERNEL-PATH', 'BAD-MEMORY', 'BAD-KERNEL-IMAGE', 'BAD-NO-CFG']


def life_expect(toolstack):
    exp = [r'^TOOLSTACK-READY', r'^LIST-0 rc=0', r'^BASELINE free_memory=\d+', r'^IMAGE-GZ-IS-GZIP']
    for n, v in ((1, 1), (2, 2), (3, 2)):
        exp += [p % ((n, v) if '%d-CPUS' in p or 'vCPUs' in p else n) for p in ROUNDS]
        if n == 1:  # a second guest of the same name while round 1's runs
            exp[-2:-2] = [r'^INUSE-REFUSED', r'^INUSE-MESSAGE-NAMES-IT', r'^INUSE-FIRST-UNTOUCHED']
    exp += [r'^SHUTDOWN-CREATE rc=0']
    # Debian's xl ignores an unknown key silently; ours names it.
    exp += [r'^UNKNOWN-KEY-WARNED'] if toolstack == 'ours' else []
    exp += [r'^SHUTDOWN-UP', r'^SHUTDOWN-W rc=0', r'^SHUTDOWN-GONE', r'^SHUTDOWN-GUEST-GOT-REQUEST',
            r'^SHUTDOWN-GUEST-KERNEL-POWERED-DOWN', r'^SHUTDOWN-CLEAN',
            r'^REBOOT-UP', r'^REBOOT-CMD rc=0', r'^REBOOT-RESTARTED', r'^REBOOT-GUEST-GOT-REQUEST',
            r'^REBOOT-DESTROY rc=0', r'^REBOOT-CLEAN']
    for tag, outcomes in ACTIONS:
        exp += [r'^%s-UP' % tag, r'^%s-TRIGGER rc=0' % tag]
        exp += [r'^%s-%s' % (tag, o) for o in outcomes] + [r'^%s-CLEAN' % tag]
    for tag in BAD:
        exp += [r'^%s-REFUSED' % tag, r'^%s-MESSAGE-NAMES-IT' % tag, r'^%s-CLEAN' % tag]
    return exp + [r'^DOM0-LIFECYCLE-DONE']


def static_helper(name, tool):
    """tests/harness/<tool>.c built static for the arm64 dom0 at test time."""
    out = os.path.join(h.workdir(name), tool)
    src = os.path.join(h.ROOT, 'tests', 'harness', tool + '.c')
    h.subprocess.run(['aarch64-linux-gnu-gcc', '-static', '-O2', '-Wall', '-Wextra', '-Werror',
                      '-I', os.path.join(h.ROOT, 'tools', 'include'), '-o', out, src], check=True)
    return out


def gzipped(name, src):
    """The guest kernel gzip-compressed now, by the real gzip."""
    out = os.path.join(h.workdir(name), 'Image.gz')
    with open(out, 'wb') as f:
        h.subprocess.run(['gzip', '-c', '-6', src], stdout=f, check=True)
    return out


def life_initrd(name, fx, toolstack):
    rd = Initramfs(fx['XA_BUSYBOX_ARM64'], h.init_script('dom0-lifecycle.sh'))
    add_toolstack(rd, fx, toolstack)
    kv = fx['XA_KERNEL_VERSION_ARM64']
    for m in XEN_MODULES:
        rel = 'kernel/drivers/xen/%s.ko' % m
        rd.add_file('/lib/modules/%s/%s' % (kv, rel), os.path.join(fx['XA_KMOD_DIR_ARM64'], rel))
    rd.add_file('/boot/vmlinuz-guest', fx['XA_KERNEL_ARM64'])
    rd.add_file('/boot/vmlinuz-guest.gz', gzipped(name, fx['XA_KERNEL_ARM64']))
    guest = Initramfs(fx['XA_BUSYBOX_ARM64'], h.init_script('domu-shell.sh'))
    rd.add_file('/boot/initrd-life.cpio.gz',
                guest.write(os.path.join(h.workdir(name), 'initrd-life.cpio.gz')))
    rd.add_file('/etc/xen/life.cfg', LIFE_CFG)
    for tool in ('remote-crash', 'ptyrun'):
        rd.add_file('/usr/lib/xa-test/' + tool, static_helper(name, tool), perm=0o755)
    return h.initramfs_path(name, rd)


def life_scenario(name, hv='reference', toolstack='debian', board='virt64-gicv3', echo=False):
    """15 guest boots: about 5 min on an idle machine, 3 times that under load
    (XA_LIFE_TIMEOUT raises the 880 s limit; tests/run's own is E2E_TIMEOUT)."""
    fx = h.fixtures()
    sc = h.Scenario(name, h.BOARDS[board], hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=life_initrd(name, fx, toolstack),
                    xen_args='dom0_mem=512M bootscrub=0', echo=echo,
                    timeout=float(os.environ.get('XA_LIFE_TIMEOUT', 880)))
    start = [r'^XEN-START rc=0'] if toolstack == 'ours' else []
    sc.expect = start + life_expect(toolstack) + [HV_END[hv]]
    sc.fail = list(h.DEFAULT_FAIL) + [r'-LEFT-', r'-MISSING', r'-ACCEPTED$',
                                      r'^[A-Z0-9-]+ rc=[1-9]']
    return sc


# Issue 6's create/destroy rounds (init/dom0-rounds.sh): ROUNDS rounds of
# xl create (running, to its shell marker) / xl destroy / gone in one boot,
# free memory (MiB and exact pages) and xenstored's node count back to their
# figures before the first create, after every round and at the end.
def rounds_initrd(name, fx, toolstack):
    rd = guest_dom0(name, fx, toolstack, 'dom0-rounds.sh')
    rd.add_file('/usr/lib/xa-test/free-pages', static_helper(name, 'free-pages'), perm=0o755)
    return h.initramfs_path(name, rd)


def rounds_expect(rounds, toolstack):
    exp = [r'^XEN-START rc=0'] if toolstack == 'ours' else [r'^XENSTORED rc=0', r'^INIT-DOM0 rc=0']
    exp += [r'^TOOLSTACK-READY', r'^LIST-0 rc=0',
            r'^BASELINE free_memory=[1-9]\d* free_pages=[1-9]\d* nodes=[1-9]']
    for n in range(1, rounds + 1):
        exp += [p % n for p in (r'^R%d-CREATE rc=0', r'^R%d-UP DOMU-READY .* hv=xen',
                                r'^R%d-DESTROY rc=0', r'^R%d-GONE', r'^R%d-FIGURES ')]
    return exp + [r'^FREE-MEMORY-BACK ', r'^NODES-BACK ', r'^DOM0-ROUNDS-DONE']


def rounds_scenario(name, hv='ours', toolstack='ours', board='virt64-gicv3', rounds=20,
                    echo=False):
    """About 5 s a round on an idle machine (XA_ROUNDS_TIMEOUT: the 600 s
    limit; XA_ROUNDS: fewer rounds, by hand)."""
    fx = h.fixtures()
    rounds = int(os.environ.get('XA_ROUNDS', rounds))
    sc = h.Scenario(name, h.BOARDS[board], hypervisor(fx, hv),
                    kernel=fx['XA_KERNEL_ARM64'], initrd=rounds_initrd(name, fx, toolstack),
                    xen_args='dom0_mem=512M bootscrub=0', echo=echo,
                    timeout=float(os.environ.get('XA_ROUNDS_TIMEOUT', 600)))
    sc.dom0_args += ' xa_rounds=%d' % rounds
    if toolstack == 'debian':   # the parents Debian's libxl never removes
        sc.dom0_args += ' xa_kept_nodes=/libxl,/vm'
    sc.expect = rounds_expect(rounds, toolstack) + [HV_END[hv]]
    if hv == 'ours':    # `xl debug-keys m`: our heap account on the console
        sc.also = [r"^\(XEN\) 'm' pressed -> heap: \d+ of \d+ MiB free"]
    sc.fail = list(h.DEFAULT_FAIL) + [r'-MISSING', r'-LEFT-', r'^FREE-MEMORY-CHANGED',
                                      r'^NODES-CHANGED', r'^[A-Z0-9-]+ rc=[1-9]', r'failed$']
    return sc

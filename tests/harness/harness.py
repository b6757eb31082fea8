# SPDX-License-Identifier: GPL-2.0-only
"""The QEMU end-to-end harness.

A Scenario says which board to start, which hypervisor image, dom0 kernel and
initramfs to load, what to put in the boot DTB, which console lines must
appear (in order), which must not, what to type when a line appears and how
the run must end. run() boots it, streams the serial console to a log with
timestamps relative to QEMU's start, always kills QEMU's process group, and
prints one line:

    PASS|FAIL <scenario> <reason> (<seconds>s) log=<path>

See docs/testing.md for the API and examples (tests/e2e/*.test).
"""
import os
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

import dtb as dtbmod
from boards import BOARDS, Board  # noqa: F401  (re-exported for tests)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
CACHE = os.environ.get('XA_CACHE', '/var/cache/xen-arm/v1')
BUILD = os.environ.get('XA_BUILD', os.path.join(ROOT, 'build'))

# Lines that mean a run has gone wrong whatever the scenario expects.
DEFAULT_FAIL = (r'\(XEN\) FATAL', r'Panic on CPU', r'Kernel panic',
                r'Unhandled Exception', r'Internal error: Oops')


class HarnessError(Exception):
    """A problem with the test set-up (missing fixture or tool)."""


class Fixtures(dict):
    """fixtures/env.sh as a dict; a missing key is a set-up error."""

    def __missing__(self, key):
        raise HarnessError('fixture %s not in fixtures/env.sh: run scripts/fixtures.sh' % key)


def fixtures():
    """The variables scripts/fixtures.sh wrote (KEY='value' lines)."""
    path = os.path.join(CACHE, 'fixtures', 'env.sh')
    if not os.path.exists(path):
        raise HarnessError('%s missing: run scripts/fixtures.sh' % path)
    env = Fixtures()
    for line in open(path):
        m = re.match(r"^(XA_\w+)='([^']*)'$", line.strip())
        if m:
            env[m.group(1)] = m.group(2)
    return env


def our_xen(arch, variant=''):
    """Our hypervisor image as tests/run builds it (dist-<arch><variant>)."""
    path = os.path.join(BUILD, 'dist-%s%s' % (arch, variant), 'install', 'boot', 'xen')
    if not os.path.exists(path):
        raise HarnessError('%s missing: build it (tests/run build step '
                           'build/xen-%s%s)' % (path, arch, variant))
    return path


def workdir(name):
    d = os.path.join(BUILD, 'test-work', name)
    os.makedirs(d, exist_ok=True)
    return d


@dataclass
class Scenario:
    name: str
    board: Board
    hypervisor: str                      # image to boot (path)
    kernel: str = None                   # dom0 kernel -> multiboot,kernel
    initrd: str = None                   # dom0 initramfs -> multiboot,ramdisk
    xen_args: str = ''                   # after console=dtuart dtuart=<uart>
    dtuart: str = None                   # default: the board's UART
    dom0_args: str = 'console=hvc0 earlycon=xenboot rdinit=/init'
    boot: str = 'kernel'                 # kernel: -kernel/-dtb; loader: x0 = 0;
                                         # stub: x0/r2 = dtb loaded raw (any bytes)
                                         # uboot: U-Boot's booti/bootz at its prompt
    dtb: str = None                      # a ready DTB instead of the recipe
    expect: list = field(default_factory=list)      # ordered regexes
    also: list = field(default_factory=list)        # regexes seen anywhere, any order
    fail: list = field(default_factory=lambda: list(DEFAULT_FAIL))
    send: list = field(default_factory=list)        # dialog: (regex, line) pairs
    end: str = 'poweroff'                # poweroff | halt | any
    settle: float = 2.0                  # halt: seconds QEMU must stay up
    timeout: float = 120.0
    qemu_args: list = field(default_factory=list)
    echo: bool = False                   # copy the console to stdout
    reboot: bool = False                 # a guest reset restarts the machine
                                         # (no -no-reboot); default: QEMU exits

    def full_xen_args(self):
        base = 'console=dtuart dtuart=%s' % (self.dtuart or self.board.dtuart)
        return (base + ' ' + self.xen_args).strip()

    def modules(self):
        mods = []
        if self.kernel:
            mods.append(('kernel', self.board.kernel_addr, self.kernel))
        if self.initrd:
            mods.append(('ramdisk', self.board.ramdisk_addr, self.initrd))
        return mods


def check_kernel_fits(sc):
    if sc.kernel and os.path.getsize(sc.kernel) > sc.board.ramdisk_addr - sc.board.kernel_addr:
        raise HarnessError('%s too big for the kernel slot of %s' % (sc.kernel, sc.board.name))


def make_dtb(sc, wd, qemu_extra=()):
    if sc.dtb:
        return sc.dtb
    return dtbmod.boot_dtb(sc.board, fixtures(), os.path.join(wd, 'boot.dtb'),
                           sc.full_xen_args(), sc.dom0_args, sc.modules(), qemu_extra)


def loader(path, addr, extra=''):
    return ['-device', 'loader,file=%s,addr=0x%x,force-raw=on%s' % (path, addr, extra)]


# A few instructions that enter the hypervisor the way a boot loader does
# (arm64: x0 = DTB; arm32: r0 = 0, r1 = ~0, r2 = DTB), so that a DTB QEMU's
# own loader would refuse (bad magic, bad size) still reaches the image.
STUB = {
    'qemu-system-aarch64': ('aarch64-linux-gnu-', """
        ldr x0, 1f
        mov x1, xzr
        mov x2, xzr
        mov x3, xzr
        ldr x4, 2f
        br x4
        .balign 8
1:      .quad {dtb}
2:      .quad {entry}
"""),
    'qemu-system-arm': ('arm-linux-gnueabihf-', """
        mov r0, #0
        mvn r1, #0
        ldr r2, 1f
        ldr pc, 2f
1:      .word {dtb}
2:      .word {entry}
"""),
}


def _assemble(prefix, src, out):
    obj = out + '.o'
    for cmd in ([prefix + 'as', '-o', obj, src],
                [prefix + 'objcopy', '-O', 'binary', obj, out]):
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode:
            raise HarnessError('%s: %s' % (' '.join(cmd), r.stdout.decode()))
    return out


def stub_boot(sc, wd):
    """QEMU args: DTB at RAM + 128 MiB, hypervisor at its loader address,
    stub at RAM + 1.5 MiB as the entry point."""
    b = sc.board
    dtb_addr, stub_addr = b.ram_base + 0x08000000, b.ram_base + 0x00180000
    prefix, text = STUB[b.qemu]
    src = os.path.join(wd, 'stub.S')
    with open(src, 'w') as f:
        f.write(text.format(dtb='0x%x' % dtb_addr, entry='0x%x' % b.loader_addr))
    stub = _assemble(prefix, src, os.path.join(wd, 'stub.bin'))
    return (loader(sc.hypervisor, b.loader_addr) + loader(sc.dtb, dtb_addr) +
            loader(stub, stub_addr, ',cpu-num=0'))


# Debian's u-boot-qemu builds for QEMU's virt, and the command that boots
# each architecture's image format (arm64 Image, arm32 zImage).
UBOOT = {'qemu-system-aarch64': ('/usr/lib/u-boot/qemu_arm64/u-boot.bin', 'booti'),
         'qemu-system-arm': ('/usr/lib/u-boot/qemu_arm/u-boot.bin', 'bootz')}


def uboot_boot(sc, wd):
    """QEMU args for U-Boot as firmware with the hypervisor at RAM + 32 MiB
    and the boot DTB at RAM + 128 MiB; the dialog stops autoboot and types
    the boot command, as a user at U-Boot's prompt would."""
    b = sc.board
    bios, boot = UBOOT[b.qemu]
    xen_at, dtb_at = b.ram_base + 0x02000000, b.ram_base + 0x08000000
    sc.send = [(r'Hit any key to stop autoboot', ''),
               (r'^=> ', '%s 0x%x - 0x%x' % (boot, xen_at, dtb_at))] + list(sc.send)
    return (['-bios', bios] + loader(sc.hypervisor, xen_at) +
            loader(make_dtb(sc, wd, ['-bios', bios]), dtb_at))


def qemu_command(sc, wd):
    b = sc.board
    cmd = [b.qemu] + dtbmod.qemu_machine_args(b) + ['-nographic']
    if not sc.reboot:
        cmd.append('-no-reboot')
    if sc.boot == 'kernel':
        cmd += ['-kernel', sc.hypervisor, '-dtb', make_dtb(sc, wd)]
    elif sc.boot == 'loader':
        cmd += loader(sc.hypervisor, b.loader_addr, ',cpu-num=0')
    elif sc.boot == 'stub':
        cmd += stub_boot(sc, wd)
    elif sc.boot == 'uboot':
        cmd += uboot_boot(sc, wd)
    else:
        raise HarnessError('unknown boot method ' + sc.boot)
    for _kind, addr, path in sc.modules():
        cmd += loader(path, addr)
    return cmd + list(b.extra) + list(sc.qemu_args)


class Console:
    """QEMU's serial output, line by line, timestamped into a log file."""

    def __init__(self, proc, log, echo):
        self.proc, self.log, self.echo = proc, log, echo
        self.t0 = time.monotonic()
        self.buf = b''
        self.mark = 0          # start of the partial line not yet answered
        self.eof = False
        os.set_blocking(proc.stdout.fileno(), False)

    def elapsed(self):
        return time.monotonic() - self.t0

    def _emit(self, raw):
        line = raw.rstrip(b'\r').decode('utf-8', errors='replace')
        self.log.write('%9.3f %s\n' % (self.elapsed(), line))
        self.log.flush()
        if self.echo:
            print(line, flush=True)
        return line

    def lines(self, wait):
        """Complete lines read within `wait` seconds (at EOF: the rest)."""
        r, _, _ = select.select([self.proc.stdout], [], [], wait)
        if r:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                self.eof = True
            self.buf += chunk
        parts = self.buf.split(b'\n')
        self.buf = parts.pop()
        if parts:
            self.mark = 0
        if self.eof and self.buf:
            parts.append(self.buf)
            self.buf = b''
        return [self._emit(p) for p in parts]

    def partial(self):
        """The line being printed (a prompt has no newline yet)."""
        return self.buf[self.mark:].decode('utf-8', errors='replace')

    def answered(self):
        self.mark = len(self.buf)

    def note(self, text):
        """A harness event in the log (marker times feed benchmarks)."""
        self.log.write('%9.3f === %s\n' % (self.elapsed(), text))

    def send(self, text):
        """A str is a line (newline added); bytes are keys sent as they
        are (e.g. b'\\x01\\x01\\x01', CTRL-a three times)."""
        self.log.write('%9.3f >>> %r\n' % (self.elapsed(), text) if isinstance(text, bytes)
                       else '%9.3f >>> %s\n' % (self.elapsed(), text))
        self.proc.stdin.write(text if isinstance(text, bytes) else text.encode() + b'\n')
        self.proc.stdin.flush()


class Watch:
    """Ordered pass markers, fail markers, and a dialog: (regex, line)
    pairs answered in order, each once, on a complete line or on a prompt
    (the partial line QEMU has printed so far)."""

    def __init__(self, sc):
        self.expect = [re.compile(r) for r in sc.expect]
        self.also = [re.compile(r) for r in sc.also]
        self.fail = [re.compile(r) for r in sc.fail]
        self.send = [(re.compile(r), text) for r, text in sc.send]
        self.next = 0
        self.failure = None

    def done(self):
        return self.next == len(self.expect)

    def missing_also(self):
        return ('never saw /%s/' % self.also[0].pattern) if self.also else None

    def waiting_for(self):
        return self.expect[self.next].pattern if not self.done() else None

    def feed(self, line, console):
        for rx in self.fail:
            if rx.search(line) and not self.failure:
                self.failure = 'fail marker /%s/: %s' % (rx.pattern, line.strip())
        if not self.done() and self.expect[self.next].search(line):
            console.note('marker %d /%s/' % (self.next + 1, self.expect[self.next].pattern))
            self.next += 1
        self.also = [rx for rx in self.also if not rx.search(line)]
        if self.send and self.send[0][0].search(line):
            console.send(self.send.pop(0)[1])

    def feed_partial(self, console):
        if self.send and self.send[0][0].search(console.partial()):
            console.answered()
            console.send(self.send.pop(0)[1])


def kill_group(proc, wait=10.0):
    """SIGKILLs QEMU's process group and waits until no member is left
    (QEMU takes a moment to tear down guest RAM after the signal)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(wait)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def _pump(console, watch, deadline, stop):
    """Feeds lines to watch until stop() holds, EOF, a failure or the
    deadline; returns why it stopped."""
    while not stop():
        if watch.failure:
            return 'failure'
        if console.eof:
            return 'exited'
        if time.monotonic() > deadline:
            return 'timeout'
        for line in console.lines(0.2):
            watch.feed(line, console)
        watch.feed_partial(console)
    return 'ok'


def _finish(sc, console, watch, deadline):
    """After every pass marker: check how the run ends."""
    if sc.end == 'poweroff':
        why = _pump(console, watch, deadline, lambda: False)
        if why == 'exited':
            rc = console.proc.wait(10)
            return watch.failure or (None if rc == 0 else 'QEMU exit status %d' % rc)
        return watch.failure or 'no power-off within the timeout (QEMU still running)'
    if sc.end == 'halt':
        why = _pump(console, watch, min(deadline, time.monotonic() + sc.settle), lambda: False)
        if why == 'exited':
            return watch.failure or 'QEMU exited (status %s): expected a halt' % console.proc.wait(10)
        return watch.failure
    return watch.failure


def _drive(sc, console, watch):
    deadline = console.t0 + sc.timeout
    why = _pump(console, watch, deadline, watch.done)
    if why == 'failure':
        return watch.failure
    if why == 'exited':
        return 'QEMU exited (status %s) before /%s/' % (console.proc.wait(10), watch.waiting_for())
    if why == 'timeout':
        return 'timeout (%ds) waiting for /%s/' % (sc.timeout, watch.waiting_for())
    return _finish(sc, console, watch, deadline) or watch.missing_also()


def _describe(sc):
    n = len(sc.expect) + len(sc.also)
    return {'poweroff': '%d markers, powered off' % n,
            'halt': '%d markers, halted' % n}.get(sc.end, '%d markers' % n)


def _start(sc, cmd, log):
    log.write('# scenario %s\n# %s\n' % (sc.name, ' '.join(cmd)))
    log.flush()
    return subprocess.Popen(['timeout', '-k', '5', str(int(sc.timeout) + 30)] + cmd,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True,
                            env=dtbmod.QEMU_ENV)


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def run(sc):
    """Boots sc; prints the result line; returns 0 (PASS) or 1 (FAIL)."""
    logdir = os.path.join(BUILD, 'test-logs')
    os.makedirs(logdir, exist_ok=True)
    logpath = os.path.join(logdir, sc.name + '.console.log')
    signal.signal(signal.SIGTERM, _on_signal)
    t0 = time.monotonic()
    proc = None
    with open(logpath, 'w') as log:
        try:
            check_kernel_fits(sc)
            proc = _start(sc, qemu_command(sc, workdir(sc.name)), log)
            err = _drive(sc, Console(proc, log, sc.echo), Watch(sc))
        except (HarnessError, RuntimeError, OSError, subprocess.SubprocessError,
                re.error) as e:
            err = 'set-up: %s' % e
        finally:
            if proc:
                kill_group(proc)
    verdict = 'FAIL' if err else 'PASS'
    if err:
        print_tail(logpath)
    print('%s %s %s (%.1fs) log=%s' % (verdict, sc.name, err or _describe(sc),
                                       time.monotonic() - t0, logpath), flush=True)
    return 1 if err else 0


def print_tail(logpath, lines=15):
    """The console's last lines, so that a failure seen only in CI (where
    the log stays behind) shows what led to it in the test's own output."""
    try:
        with open(logpath, 'rb') as f:
            tail = f.read().decode('utf-8', errors='replace').splitlines()[-lines:]
    except OSError:
        return
    for line in tail:
        print('  console: ' + line[:200])


def main(make, name=None):
    """Entry point of a test: make() builds the Scenario (initramfs, DTB ...);
    a set-up error there is a FAIL line too, never a traceback."""
    try:
        sc = make() if callable(make) else make
    except (HarnessError, RuntimeError, OSError, subprocess.SubprocessError) as e:
        name = name or os.path.basename(sys.argv[0]).rsplit('.', 1)[0]
        print('FAIL %s set-up: %s (0.0s) log=-' % (name, e), flush=True)
        sys.exit(1)
    sys.exit(run(sc))


def initramfs_path(name, rd):
    """Writes Initramfs rd into the scenario's work dir; returns the path."""
    return rd.write(os.path.join(workdir(name), 'initrd.cpio.gz'))


def init_script(name):
    """The text of tests/harness/init/<name>."""
    with open(os.path.join(os.path.dirname(__file__), 'init', name)) as f:
        return f.read()

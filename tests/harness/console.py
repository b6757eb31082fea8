# SPDX-License-Identifier: GPL-2.0-only
"""Scenarios for the serial console with input (docs/hypervisor.md,
"Console input"): dom0 runs tests/harness/init/dom0-console.sh, which
prints `DOM0-ASK <n>` and runs the line typed next; the harness types on
QEMU's serial line, as a user at the board's UART would.

    (XEN) *** Serial input to DOM0 (type 'CTRL-a' three times to switch input)
    DOM0-ASK 1                       <- typed: a command; its output follows
    (XEN) *** Serial input to Xen (type 'CTRL-a' three times to switch input)
    (XEN) 'h' pressed -> showing installed handlers
"""
import os

import harness as h
import ourboot
from initramfs import Initramfs

# QEMU's -nographic console multiplexer takes CTRL-a as its escape key:
# CTRL-a CTRL-a sends one CTRL-a to the serial line.
CTRL_A3 = b'\x01\x01' * 3
TO_XEN = r"^\(XEN\) \*\*\* Serial input to Xen \(type 'CTRL-a' three times to switch input\)"
TO_DOM0 = r"^\(XEN\) \*\*\* Serial input to DOM0 \(type 'CTRL-a' three times to switch input\)"


def console_boot(name, board_name, **kw):
    """ourboot.boot() with the interactive /init."""
    sc = ourboot.boot(name, board_name, **kw)
    fx = h.fixtures()
    kkey, bkey = ourboot.DOM0[ourboot.arch_of(sc.board)]
    rd = Initramfs(fx[bkey], h.init_script('dom0-console.sh'))
    sc.initrd = h.initramfs_path(name, rd)
    sc.also[1] = ourboot.module_marker('Ramdisk', sc.board.ramdisk_addr,
                                       os.path.getsize(sc.initrd))
    sc.fail = list(sc.fail) + [r'unhandled trap', r'Unexpected exception']
    return sc


def dialog(name, board_name):
    """Type a command for dom0 and read its output; CTRL-a x3 to the
    hypervisor: 'h' lists the keys, 'q' dumps the domains, an unbound key
    is refused (and does not reach dom0); CTRL-a x3 back to dom0, whose
    next command (arithmetic, then poweroff -f) must arrive intact."""
    sc = console_boot(name, board_name)
    sc.expect = sc.expect[:-1] + [
        TO_DOM0,
        r'^\(XEN\) \*\*\* LOADING DOMAIN 0 \*\*\*',
        r'^DOM0-ASK 1(?!\d)',
        r'^sum=42\s*$',
        r'^DOM0-ASK 2(?!\d)',
        TO_XEN,
        r"^\(XEN\) 'h' pressed -> showing installed handlers",
        r"^\(XEN\)  key 'q' \(ascii '71'\) => dump domain",
        r"^\(XEN\) 'q' pressed -> dumping domain info",
        r'^\(XEN\) General information for domain 0:',
        r'^\(XEN\)   VCPU0: ',
        r"^\(XEN\) 'r' pressed -> dumping run queues",
        r'^\(XEN\)   CPU0: (idle|running d0v\d)',
        r"^\(XEN\) 'z' \(ascii 7a\): no handler",
        TO_DOM0,
        r'^second=2\s*$',
        r'^\(XEN\) Hardware Dom0 halted: halting machine',
        sc.expect[-1],
    ]
    sc.send = [
        (r'^DOM0-ASK 1(?!\d)', 'echo sum=$((6*7))'),
        (r'^DOM0-ASK 2(?!\d)', CTRL_A3),
        (TO_XEN, b'h'),
        (r"key 'h' \(ascii '68'\)", b'q'),
        (r'^\(XEN\)   VCPU0: ', b'r'),
        (r"dumping run queues", b'z'),
        (r"no handler", CTRL_A3),
        (TO_DOM0, 'echo second=$((1+1)); poweroff -f'),
    ]
    return sc


def reboot(name, board_name):
    """`reboot -f` in dom0 restarts the machine: the hypervisor boots
    again from what QEMU reloads, dom0 reaches userspace a second time and
    `poweroff -f` then powers the machine off."""
    sc = console_boot(name, board_name)
    sc.reboot = True
    first = [ourboot.BANNER, r'^\(XEN\) \*\*\* LOADING DOMAIN 0 \*\*\*',
             r'^DOM0-READY ', r'^DOM0-ASK 1(?!\d)']
    sc.expect = first + [
        r'^\(XEN\) Hardware Dom0 shutdown: rebooting machine',
        r'^\(XEN\) Resetting \(PSCI SYSTEM_RESET\)',
    ] + first + [r'^\(XEN\) Hardware Dom0 halted: halting machine', sc.expect[-1]]
    # The prompt is answered as a partial line and seen again complete:
    # the reset line in between keeps the second answer for the second boot.
    sc.send = [(r'^DOM0-ASK 1(?!\d)', 'reboot -f'),
               (r'^\(XEN\) Resetting', b''),
               (r'^DOM0-ASK 1(?!\d)', 'poweroff -f')]
    sc.timeout = 300
    return sc

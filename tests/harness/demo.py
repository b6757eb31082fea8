#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The demo's QEMU parts (scripts/demo.sh), printing the console live.

    demo.py boot [--board B]                      our hypervisor boots
    demo.py lifecycle [--hv reference|ours] [--toolstack debian|ours]
"""
import argparse
import sys

import harness as h
import lifecycle
import ourboot


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('what', choices=('boot', 'lifecycle'))
    ap.add_argument('--board', default='virt64-gicv3')
    ap.add_argument('--hv', default='ours', choices=('reference', 'ours'))
    ap.add_argument('--toolstack', default='debian', choices=('debian', 'ours'))
    a = ap.parse_args()
    if a.what == 'boot':
        make = lambda: ourboot.boot('demo-boot-' + a.board, a.board, echo=True)
        name = 'demo-boot-' + a.board
    else:
        name = 'demo-lifecycle-%s-%s' % (a.hv, a.toolstack)
        make = lambda: lifecycle.scenario(name, a.hv, a.toolstack, a.board, echo=True)
    h.main(make, name)


if __name__ == '__main__':
    sys.exit(main())

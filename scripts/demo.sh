#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The demo (README command 1), as root on Debian 12:
#   1. installs the build and test dependencies, fetches the fixtures
#      (Debian kernels, busybox, Xen 4.17) and builds everything
#      (tests/run --build-only);
#   2. boots OUR hypervisor on QEMU virt arm64 with Debian's kernel as dom0:
#      banner, RAM and boot modules, dom0 Linux to its /init, which reports
#      the hypervisor and powers the machine off;
#   3. a guest's lifecycle with OUR toolstack (xl, libxl, libxc, xenstored,
#      xenconsoled) on OUR hypervisor: xl list, xl create of
#      tests/e2e/guest.cfg, the guest's console, xl destroy.
# Every console is printed here as it runs; logs go to $XA_BUILD/test-logs.
# Which hypervisor and toolstack step 3 pairs is a parameter:
#   DEMO_HV=reference|ours  DEMO_TOOLSTACK=debian|ours  scripts/demo.sh
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HV=${DEMO_HV:-ours}
TS=${DEMO_TOOLSTACK:-ours}
rc=0

banner() { printf '\n==== %s ====\n' "$*"; }

banner "1. dependencies, fixtures, builds"
tests/run --build-only || rc=1
export XA_BUILD=${XA_BUILD:-$ROOT/build}
banner "2. our hypervisor on QEMU virt arm64 (GICv3, 2 CPUs)"
python3 tests/harness/demo.py boot || rc=1
banner "3. a guest's lifecycle: hypervisor=$HV, toolstack=$TS"
python3 tests/harness/demo.py lifecycle --hv "$HV" --toolstack "$TS" || rc=1
banner "demo $([ $rc = 0 ] && echo passed || echo FAILED) (logs: $XA_BUILD/test-logs)"
exit $rc

#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the event-channel benchmark's domU: serve round trips for dom0.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
insmod /lib/modules/$(uname -r)/kernel/drivers/xen/xen-evtchn.ko
/bin/hv-pingpong serve

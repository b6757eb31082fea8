# SPDX-License-Identifier: GPL-2.0-only
"""Builds a gzip'd newc cpio initramfs in Python.

Writing the archive ourselves (rather than staging a directory for `cpio`)
lets an unprivileged user put /dev/console and /dev/null device nodes in it:
the kernel opens /dev/console before /init runs, so without that node /init
prints nothing.

    rd = Initramfs(busybox=fx['XA_BUSYBOX_ARM64'], init=INIT_SCRIPT)
    rd.add_tree('/', fx['XA_XEN_UTILS_ARM64'])
    rd.add_file('/boot/Image', kernel)
    rd.write('/path/initrd.cpio.gz')
"""
import gzip
import os
import stat

NEWC_MAGIC = b'070701'
# The dom0 /init scripts' shared functions (init/dom0-lib.sh): put in any
# initramfs whose /init sources it, so no builder has to remember it.
DOM0_LIB = '/usr/lib/xa-test/dom0-lib.sh'
DOM0_LIB_SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'init', 'dom0-lib.sh')
DIRS = ('bin', 'sbin', 'proc', 'sys', 'dev', 'etc', 'tmp', 'run', 'root',
        'usr', 'usr/bin', 'usr/sbin', 'var', 'mnt')


def _pad4(n):
    return (4 - n % 4) % 4


class Initramfs:
    """An ordered set of archive entries: path -> (mode, data, rdev)."""

    def __init__(self, busybox=None, init=None):
        self.entries = {}
        for d in DIRS:
            self.add_dir('/' + d)
        self.add_node('/dev/console', stat.S_IFCHR | 0o600, 5, 1)
        self.add_node('/dev/null', stat.S_IFCHR | 0o666, 1, 3)
        if busybox:
            self.add_file('/bin/busybox', busybox, 0o755)
            self.add_symlink('/bin/sh', 'busybox')
        if init is not None:
            self.add_bytes('/init', init.encode(), 0o755)
            if DOM0_LIB in init:
                self.add_file(DOM0_LIB, DOM0_LIB_SRC, 0o644)

    def _parents(self, path):
        parts = path.strip('/').split('/')[:-1]
        for i in range(1, len(parts) + 1):
            p = '/' + '/'.join(parts[:i])
            if p not in self.entries:
                self.entries[p] = (stat.S_IFDIR | 0o755, b'', (0, 0))

    def _put(self, path, mode, data=b'', rdev=(0, 0)):
        path = '/' + path.strip('/')
        self._parents(path)
        self.entries[path] = (mode, data, rdev)

    def add_dir(self, path, perm=0o755):
        self._put(path, stat.S_IFDIR | perm)

    def add_node(self, path, mode, major, minor):
        self._put(path, mode, b'', (major, minor))

    def add_symlink(self, path, target):
        self._put(path, stat.S_IFLNK | 0o777, target.encode())

    def add_bytes(self, path, data, perm=0o644):
        self._put(path, stat.S_IFREG | perm, data)

    def add_file(self, path, src, perm=None):
        with open(src, 'rb') as f:
            data = f.read()
        if perm is None:
            perm = stat.S_IMODE(os.stat(src).st_mode)
        self.add_bytes(path, data, perm)

    def add_tree(self, dest, src, skip=()):
        """Copies the tree under src to dest, keeping symlinks as links;
        skip lists paths relative to src (directories prune their subtree)."""
        for root, dirs, files in os.walk(src):
            rel = os.path.relpath(root, src)
            dirs[:] = [d for d in dirs
                       if os.path.normpath(os.path.join(rel, d)) not in skip]
            for name in dirs + files:
                self._add_walked(os.path.join(root, name),
                                 os.path.normpath(os.path.join(dest, rel, name)))

    def _add_walked(self, src, path):
        st = os.lstat(src)
        if stat.S_ISLNK(st.st_mode):
            self.add_symlink(path, os.readlink(src))
        elif stat.S_ISDIR(st.st_mode):
            self.add_dir(path, stat.S_IMODE(st.st_mode))
        elif stat.S_ISREG(st.st_mode):
            self.add_file(path, src, stat.S_IMODE(st.st_mode))

    def _header(self, ino, name, mode, size, rdev):
        fields = (ino, mode, 0, 0, 1, 0, size, 0, 0, rdev[0], rdev[1],
                  len(name) + 1, 0)
        return NEWC_MAGIC + b''.join(b'%08X' % v for v in fields)

    def _entry(self, ino, name, mode, data, rdev):
        hdr = self._header(ino, name, mode, len(data), rdev) + name + b'\0'
        return (hdr + b'\0' * _pad4(len(hdr)) + data + b'\0' * _pad4(len(data)))

    def archive(self):
        out = []
        for ino, path in enumerate(sorted(self.entries), start=1):
            mode, data, rdev = self.entries[path]
            out.append(self._entry(ino, path.lstrip('/').encode(), mode, data, rdev))
        out.append(self._entry(0, b'TRAILER!!!', 0, b'', (0, 0)))
        return b''.join(out)

    def write(self, path):
        with gzip.open(path, 'wb', compresslevel=6) as f:
            f.write(self.archive())
        return path

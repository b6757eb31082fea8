# SPDX-License-Identifier: GPL-2.0-only
"""A minimal raw xenstore wire client for the conformance tests."""
import os
import socket
import struct

TYPES = dict(CONTROL=0, DIRECTORY=1, READ=2, GET_PERMS=3, WATCH=4, UNWATCH=5,
             TRANSACTION_START=6, TRANSACTION_END=7, INTRODUCE=8, RELEASE=9,
             GET_DOMAIN_PATH=10, WRITE=11, MKDIR=12, RM=13, SET_PERMS=14,
             WATCH_EVENT=15, ERROR=16, IS_DOMAIN_INTRODUCED=17, RESUME=18,
             SET_TARGET=19, RESET_WATCHES=21, DIRECTORY_PART=22)
NAMES = {v: k for k, v in TYPES.items()}


class Closed(Exception):
    pass


class Conn:
    def __init__(self, path=None, timeout=5):
        self.s = socket.socket(socket.AF_UNIX)
        self.s.settimeout(timeout)
        self.s.connect(path or os.environ['XENSTORED_PATH'])
        self.events = []
        self.rid = 0

    def close(self):
        self.s.close()

    def _recvn(self, n):
        b = b''
        while len(b) < n:
            c = self.s.recv(n - len(b))
            if not c:
                raise Closed()
            b += c
        return b

    def recv(self):
        t, rid, tx, ln = struct.unpack('=IIII', self._recvn(16))
        return t, rid, tx, self._recvn(ln)

    def send_raw(self, data):
        self.s.sendall(data)

    def send(self, typ, payload, tx=0, rid=None):
        t = TYPES[typ] if isinstance(typ, str) else typ
        self.rid += 1
        rid = self.rid if rid is None else rid
        self.s.sendall(struct.pack('=IIII', t, rid, tx, len(payload)) + payload)
        return rid

    def req(self, typ, payload, tx=0):
        """Returns (type name, payload); watch events go to self.events."""
        rid = self.send(typ, payload, tx)
        while True:
            t, r, rtx, p = self.recv()
            if t == TYPES['WATCH_EVENT']:
                self.events.append(tuple(p.split(b'\0')[:2]))
                continue
            assert r == rid, 'reply req_id %d != %d' % (r, rid)
            return NAMES.get(t, t), p

    def event(self):
        if self.events:
            return self.events.pop(0)
        t, _, _, p = self.recv()
        assert t == TYPES['WATCH_EVENT'], 'expected event, got %r' % t
        return tuple(p.split(b'\0')[:2])

    # conveniences: return payload, or 'E...' error name
    def _v(self, typ, payload, tx=0):
        t, p = self.req(typ, payload, tx)
        return p.rstrip(b'\0').decode() if t == 'ERROR' else p

    def write(self, path, val, tx=0):
        return self._v('WRITE', path.encode() + b'\0' + val.encode(), tx)

    def read(self, path, tx=0):
        return self._v('READ', path.encode() + b'\0', tx)

    def mkdir(self, path, tx=0):
        return self._v('MKDIR', path.encode() + b'\0', tx)

    def rm(self, path, tx=0):
        return self._v('RM', path.encode() + b'\0', tx)

    def ls(self, path, tx=0):
        r = self._v('DIRECTORY', path.encode() + b'\0', tx)
        return r if isinstance(r, str) else [x.decode() for x in r.split(b'\0')[:-1]]

    def getperms(self, path):
        r = self._v('GET_PERMS', path.encode() + b'\0')
        return r if isinstance(r, str) else [x.decode() for x in r.split(b'\0')[:-1]]

    def setperms(self, path, perms, tx=0):
        return self._v('SET_PERMS', b'\0'.join([path.encode()] + [p.encode() for p in perms]) + b'\0', tx)

    def watch(self, path, token):
        return self._v('WATCH', path.encode() + b'\0' + token.encode() + b'\0')

    def unwatch(self, path, token):
        return self._v('UNWATCH', path.encode() + b'\0' + token.encode() + b'\0')

    def tstart(self):
        r = self._v('TRANSACTION_START', b'\0')
        return int(r.rstrip(b'\0'))

    def tend(self, tx, commit=True):
        return self._v('TRANSACTION_END', b'T\0' if commit else b'F\0', tx)

    def control(self, *args):
        return self._v('CONTROL', b''.join(a.encode() + b'\0' for a in args))

    def become(self, domid):
        r = self.control('become', str(domid))
        assert r == b'OK\0', 'become failed: %r' % r
        return self

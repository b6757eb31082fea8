#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Raw-protocol conformance of xenstored (xenstore-protocol.md, C daemon
behaviour).  Needs XENSTORED_PATH of a daemon started with --fake-rings, and
XENSTORED_QUOTA_PATH of one started with small quotas (see conformance.test).
Unprivileged callers are emulated with the daemon's "become" control command.
"""
import os
import struct
import sys
import time
from xsproto import Conn, Closed, TYPES

failures = []
checks = 0


def eq(what, got, want):
    global checks
    checks += 1
    if got != want:
        failures.append('%s: got %r, want %r' % (what, got, want))


def test_basic():
    c = Conn()
    eq('write', c.write('/t/a/b', 'hello'), b'OK\0')
    eq('read', c.read('/t/a/b'), b'hello')
    eq('implicit parent empty', c.read('/t/a'), b'')
    eq('mkdir existing keeps value', (c.mkdir('/t/a/b'), c.read('/t/a/b')), (b'OK\0', b'hello'))
    eq('mkdir new', c.mkdir('/t/m'), b'OK\0')
    eq('directory', sorted(c.ls('/t')), ['a', 'm'])
    eq('read missing', c.read('/t/zz'), 'ENOENT')
    eq('rm missing leaf', c.rm('/t/zz'), b'OK\0')
    eq('rm missing parent', c.rm('/t/zz/yy'), 'ENOENT')
    eq('rm /', c.rm('/'), 'EINVAL')
    eq('write @foo', c.write('@foo', 'x'), 'EINVAL')
    for bad in ['/t//a', '/t/a/', '', '/t/a b', '/t/\u00e9']:
        eq('invalid path %r' % bad, c.write(bad, 'x'), 'EINVAL')
    eq('path no NUL', c.req('READ', b'/t/a/b')[1], b'EINVAL\0')
    eq('write no NUL', c.req('WRITE', b'/t/a/b')[1], b'EINVAL\0')
    eq('unknown type 99', c.req(99, b'\0'), ('ERROR', b'ENOSYS\0'))
    eq('removed type 20', c.req(20, b'\0'), ('ERROR', b'ENOSYS\0'))
    eq('INVALID type', c.req(0xffff, b''), ('ERROR', b'ENOSYS\0'))
    eq('relative path', (c.write('rel', 'r'), c.read('/local/domain/0/rel')), (b'OK\0', b'r'))
    eq('get_domain_path', c.req('GET_DOMAIN_PATH', b'7\0'), ('GET_DOMAIN_PATH', b'/local/domain/7\0'))
    eq('dom0 introduced', c.req('IS_DOMAIN_INTRODUCED', b'0\0')[1], b'T\0')
    eq('dom9 not introduced', c.req('IS_DOMAIN_INTRODUCED', b'9\0')[1], b'F\0')
    eq('binary value', (c._v('WRITE', b'/t/bin\0\x00\x01\xff'), c.read('/t/bin')), (b'OK\0', b'\x00\x01\xff'))
    eq('rm subtree', (c.rm('/t/a'), c.read('/t/a/b'), c.ls('/t')), (b'OK\0', 'ENOENT', ['m', 'bin']))
    eq('getperms default', c.getperms('/t'), ['n0'])
    eq('setperms', (c.setperms('/t/m', ['n0', 'r5', 'w6', 'b7']), c.getperms('/t/m')),
       (b'OK\0', ['n0', 'r5', 'w6', 'b7']))
    eq('setperms bad letter', c.setperms('/t/m', ['x0']), 'EINVAL')
    eq('inherit perms', (c.write('/t/m/c', ''), c.getperms('/t/m/c')), (b'OK\0', ['n0', 'r5', 'w6', 'b7']))
    eq('dom0 4090-byte value', c.write('/t/big', 'v' * 4089), b'OK\0')
    eq('4096-byte payload max', c.req('READ', b'/t/big\0')[1][:1], b'v')
    eq('reset_watches', c.req('RESET_WATCHES', b'\0')[1], b'OK\0')
    c.rm('/t')
    c.close()


def test_bigdir():
    c = Conn()
    for i in range(1000):
        c.write('/big/child-entry-%04d' % i, '')
    eq('big DIRECTORY', c.ls('/big'), 'E2BIG')
    names, off, gen0 = [], 0, None
    while True:
        t, p = c.req('DIRECTORY_PART', b'/big\0' + str(off).encode() + b'\0')
        assert t == 'DIRECTORY_PART', (t, p)
        parts = p.split(b'\0')
        gen, chunk = parts[0], parts[1:-1]
        gen0 = gen0 or gen
        eq('gen stable', gen, gen0)
        if chunk and chunk[-1] == b'':
            names += chunk[:-1]
            break
        if not chunk:
            break
        names += chunk
        off += sum(len(x) + 1 for x in chunk)
        checks_ok = len(p) <= 4096
        eq('part fits', checks_ok, True)
    eq('DIRECTORY_PART all names', sorted(n.decode() for n in names),
       ['child-entry-%04d' % i for i in range(1000)])
    eq('past end', c.req('DIRECTORY_PART', b'/big\0999999\0')[1].split(b'\0')[1:], [b'', b''])
    c.rm('/big')
    c.close()


def test_transactions():
    c, o = Conn(), Conn()
    c.write('/tx/k', 'old')
    t = c.tstart()
    eq('tx read', c.read('/tx/k', t), b'old')
    o.write('/tx/k', 'new')
    eq('snapshot isolation', c.read('/tx/k', t), b'old')
    c.write('/tx/k', 'mine', t)
    eq('conflict EAGAIN', c.tend(t), 'EAGAIN')
    eq('conflict left outside value', c.read('/tx/k'), b'new')
    # write-only conflict (C daemon: EAGAIN too)
    t = c.tstart()
    c.write('/tx/w', 'a', t)
    o.write('/tx/w', 'b')
    eq('write-only conflict', c.tend(t), 'EAGAIN')
    # own writes visible, outside invisible until commit; events on commit
    o.watch('/tx', 'tok')
    eq('initial event', o.event(), (b'/tx', b'tok'))
    t = c.tstart()
    c.write('/tx/n/deep', 'v', t)
    eq('own write visible', c.read('/tx/n/deep', t), b'v')
    eq('not visible outside', o.read('/tx/n/deep'), 'ENOENT')
    eq('dir in tx', sorted(c.ls('/tx', t)), ['k', 'n', 'w'])
    c.rm('/tx/k', t)
    eq('rm in tx', c.read('/tx/k', t), 'ENOENT')
    eq('rm not visible outside', o.read('/tx/k'), b'new')
    eq('commit', c.tend(t), b'OK\0')
    eq('committed', (o.read('/tx/n/deep'), o.read('/tx/k')), (b'v', 'ENOENT'))
    evs = sorted([o.event(), o.event()])
    eq('events on commit', evs, [(b'/tx/k', b'tok'), (b'/tx/n/deep', b'tok')])
    # abort
    t = c.tstart()
    c.write('/tx/ab', 'x', t)
    eq('abort', c.tend(t, False), b'OK\0')
    eq('aborted invisible', c.read('/tx/ab'), 'ENOENT')
    eq('unknown tx', c.read('/tx/k', 4242), 'ENOENT')
    eq('end unknown tx', c.tend(4242), 'ENOENT')
    eq('end tx 0', c.tend(0), 'ENOENT')
    eq('end bad arg', c._v('TRANSACTION_END', b'X\0', c.tstart()), 'EINVAL')
    # retry loop converges
    for attempt in range(5):
        t = c.tstart()
        v = int(c.read('/tx/ctr', t) or b'0') if c.read('/tx/ctr', t) != 'ENOENT' else 0
        if attempt == 0:
            o.write('/tx/ctr', '10')
        c.write('/tx/ctr', str(v + 1), t)
        if c.tend(t) == b'OK\0':
            break
    eq('retry converges', (attempt, c.read('/tx/ctr')), (1, b'11'))
    c.rm('/tx')
    c.close()
    o.close()


def test_watches():
    c, w = Conn(), Conn()
    c.write('/w/a', '1')
    eq('watch', w.watch('/w', 'T1'), b'OK\0')
    eq('initial', w.event(), (b'/w', b'T1'))
    eq('dup watch', w.watch('/w', 'T1'), 'EEXIST')
    eq('unwatch unknown', w.unwatch('/w', 'nope'), 'ENOENT')
    w.watch('/w/a/b/c', 'T2')
    eq('initial 2', w.event(), (b'/w/a/b/c', b'T2'))
    for i in range(5):
        c.write('/w/a/x%d' % i, str(i))
    eq('order', [w.event() for _ in range(5)], [(('/w/a/x%d' % i).encode(), b'T1') for i in range(5)])
    c.rm('/w/a')
    evs = sorted([w.event(), w.event()])
    eq('rm fires above and below', evs, [(b'/w/a', b'T1'), (b'/w/a/b/c', b'T2')])
    c.setperms('/w', ['n0'])
    eq('setperms fires', w.event(), (b'/w', b'T1'))
    w.watch('relw', 'R')
    eq('relative initial', w.event(), (b'relw', b'R'))
    c.write('/local/domain/0/relw/sub', 'x')
    eq('relative event', w.event(), (b'relw/sub', b'R'))
    eq('unwatch', w.unwatch('/w', 'T1'), b'OK\0')
    c.write('/w/after', 'x')
    c.write('/local/domain/0/relw', 'y')
    eq('no event after unwatch', w.event(), (b'relw', b'R'))
    w.req('RESET_WATCHES', b'\0')
    c.write('/local/domain/0/relw', 'z')
    w.write('/w/ping', '')   # a round trip: any event would come first
    eq('no events after reset', w.events, [])
    c.rm('/w')
    c.rm('/local/domain/0/relw')
    c.close()
    w.close()


def test_permissions():
    d0 = Conn()
    d0.write('/p/secret', 's')
    d0.setperms('/p', ['n0'])
    d0.setperms('/p/secret', ['n0'])
    u = Conn().become(5)
    eq('unpriv read denied', u.read('/p/secret'), 'EACCES')
    eq('missing under unreadable: EACCES', u.read('/p/nothere'), 'EACCES')
    eq('unpriv write denied', u.write('/p/secret', 'x'), 'EACCES')
    eq('unpriv dir denied', u.ls('/p'), 'EACCES')
    d0.setperms('/p/secret', ['n0', 'r5'])
    eq('granted read', u.read('/p/secret'), b's')
    eq('r does not allow write', u.write('/p/secret', 'x'), 'EACCES')
    eq('other domain still denied', Conn().become(6).read('/p/secret'), 'EACCES')
    d0.setperms('/p/secret', ['r0'])
    eq('default letter applies', u.read('/p/secret'), b's')
    d0.setperms('/p/secret', ['n0', 'w5'])
    eq('w allows write', u.write('/p/secret', 'x'), b'OK\0')
    eq('w without r', u.read('/p/secret'), 'EACCES')
    eq('non-owner setperms', u.setperms('/p/secret', ['n0', 'b5']), 'EACCES')
    d0.mkdir('/local/domain/5')
    d0.setperms('/local/domain/5', ['n5'])
    eq('owner reads own', u.read('/local/domain/5'), b'')
    eq('create relative', u.write('data/x', 'v'), b'OK\0')
    eq('creator owns', d0.getperms('/local/domain/5/data/x'), ['n5'])
    eq('owner setperms', u.setperms('data/x', ['n5', 'r6']), b'OK\0')
    eq('owner change by unpriv', u.setperms('data/x', ['n6']), 'EPERM')
    eq('priv owner change', d0.setperms('/local/domain/5/data/x', ['n6']), b'OK\0')
    eq('lost ownership', u.read('data/x'), 'EACCES')
    for typ, pl in [('INTRODUCE', b'5\0' + b'1\0' + b'2\0'), ('RELEASE', b'5\0'),
                    ('RESUME', b'5\0'), ('SET_TARGET', b'5\0' + b'6\0'), ('CONTROL', b'check\0')]:
        eq('priv-only %s' % typ, u.req(typ, pl)[1], b'EACCES\0')
    eq('special perms priv only', u.setperms('@releaseDomain', ['r5']), 'EACCES')
    # watches need read permission on the node
    d0.setperms('/p/secret', ['n0'])
    u.watch('/p/secret', 'U')
    eq('initial event even unreadable', u.event(), (b'/p/secret', b'U'))
    d0.write('/p/secret', 'changed')
    d0.setperms('/p/secret', ['n0', 'r5'])
    d0.write('/p/secret', 'visible')
    eq('event only when readable', u.event(), (b'/p/secret', b'U'))
    eq('no spurious', u.events, [])
    d0.rm('/p')
    d0.rm('/local/domain/5')


def test_domains():
    d0, w = Conn(), Conn()
    w.watch('@introduceDomain', 'I')
    w.watch('@releaseDomain', 'R')
    eq('special initial', sorted([w.event(), w.event()]), [(b'@introduceDomain', b'I'), (b'@releaseDomain', b'R')])
    eq('introduce', d0.req('INTRODUCE', b'3\0' + b'12345\0' + b'9\0'), ('INTRODUCE', b'OK\0'))
    eq('@introduceDomain fired', w.event(), (b'@introduceDomain', b'I'))
    eq('introduced', d0.req('IS_DOMAIN_INTRODUCED', b'3\0')[1], b'T\0')
    eq('introduce bad args', d0.req('INTRODUCE', b'3\0')[1], b'EINVAL\0')
    eq('resume', d0.req('RESUME', b'3\0')[1], b'OK\0')
    eq('set_target', d0.req('SET_TARGET', b'4\0' + b'3\0')[1], b'OK\0')
    d0.write('/dm/of3', 'x')
    d0.setperms('/dm/of3', ['n3'])
    eq('target gets owner rights', Conn().become(4).read('/dm/of3'), b'x')
    eq('non-target denied', Conn().become(8).read('/dm/of3'), 'EACCES')
    eq('release', d0.req('RELEASE', b'3\0')[1], b'OK\0')
    eq('@releaseDomain fired', w.event(), (b'@releaseDomain', b'R'))
    eq('released', d0.req('IS_DOMAIN_INTRODUCED', b'3\0')[1], b'F\0')
    eq('release unknown', d0.req('RELEASE', b'77\0')[1], b'ENOENT\0')
    eq('resume unknown', d0.req('RESUME', b'77\0')[1], b'ENOENT\0')
    eq('getperms special', d0.getperms('@releaseDomain'), ['n0'])
    d0.rm('/dm')


def test_control():
    c = Conn()
    eq('check', c.control('check'), b'OK\0')
    eq('help lists', b'quota' in c.control('help') and b'memreport' in c.control('help'), True)
    eq('quota lists nodes', b'nodes' in c.control('quota'), True)
    eq('memreport', b'nodes:' in c.control('memreport'), True)
    eq('unknown control', c.control('frobnicate'), 'EINVAL')
    eq('log', c.control('log', 'off'), b'OK\0')


def test_quotas():
    qp = os.environ['XENSTORED_QUOTA_PATH']
    d0 = Conn(qp)
    d0.mkdir('/local/domain/5')
    d0.setperms('/local/domain/5', ['n5'])
    u = Conn(qp).become(5)
    # -E 6: dom5 owns 1 node already
    res = [u.write('n%d' % i, '') for i in range(6)]
    eq('nodes quota', res, [b'OK\0'] * 5 + ['ENOSPC'])
    eq('node-size ok', u.write('n0', 'x' * 16), b'OK\0')
    eq('node-size quota', u.write('n0', 'x' * 17), 'ENOSPC')
    eq('perms quota', u.setperms('n0', ['n5', 'r1', 'r2']), 'ENOSPC')
    eq('path-max quota', u.read('p' * 31), 'EINVAL')
    res = [u.watch('/w%d' % i, 't') for i in range(4)]
    eq('watch quota', res, [b'OK\0'] * 3 + ['E2BIG'])
    txs = []
    for i in range(3):
        r = u._v('TRANSACTION_START', b'\0')
        txs.append(r if isinstance(r, str) else b'ok')
    eq('transaction quota', txs, [b'ok', b'ok', 'ENOSPC'])
    u.req('RESET_WATCHES', b'\0')
    t = u.tstart()
    res = [u.write('n%d' % i, 'y', t) for i in range(5)] + [u.write('/local/domain/5', 'y', t)]
    eq('transaction-nodes quota', res, [b'OK\0'] * 5 + ['ENOSPC'])
    eq('dom0 exempt', d0.write('/big', 'v' * 4000), b'OK\0')
    eq('healthy after quotas', d0.read('/big')[:1], b'v')
    eq('unpriv still works', u.read('n1'), b'')


def test_malformed():
    c = Conn()
    bad = Conn()
    bad.send_raw(struct.pack('=IIII', TYPES['WRITE'], 1, 0, 5000) + b'x' * 100)
    try:
        r = bad.recv()
        eq('oversize payload dropped', r, 'closed')
    except (Closed, ConnectionResetError):
        eq('oversize payload dropped', 'closed', 'closed')
    part = Conn()
    part.send_raw(struct.pack('=IIII', TYPES['WRITE'], 1, 0, 100) + b'/half')
    part.close()
    eq('healthy after bad clients', c.write('/m/ok', 'y'), b'OK\0')
    # a header split across writes still parses
    s = Conn()
    msg = struct.pack('=IIII', TYPES['READ'], 7, 0, 6) + b'/m/ok\0'
    for i in range(len(msg)):
        s.send_raw(msg[i:i + 1])
    eq('byte-by-byte', s.recv()[3], b'y')
    eq('garbage type with payload', s.req(12345, b'abc'), ('ERROR', b'ENOSYS\0'))
    eq('empty payload read', s.req('READ', b''), ('ERROR', b'EINVAL\0'))
    eq('watch missing token', s.req('WATCH', b'/m\0'), ('ERROR', b'EINVAL\0'))
    eq('setperms no perms', s.req('SET_PERMS', b'/m\0'), ('ERROR', b'EINVAL\0'))
    eq('domid garbage', s.req('GET_DOMAIN_PATH', b'12x\0'), ('ERROR', b'EINVAL\0'))
    eq('txn start inside txn', s.req('TRANSACTION_START', b'\0', tx=s.tstart())[1], b'EBUSY\0')
    c.rm('/m')


def test_backpressure():
    """A client that pipelines without reading must not stall others, and
    gets every reply once it reads; an unread watcher does not hurt either."""
    import threading
    c = Conn()
    c.write('/bp/k', 'v')
    flood = Conn(timeout=30)
    n = 30000
    msg = struct.pack('=IIII', TYPES['READ'], 1, 0, 6) + b'/bp/k\0'
    sender = threading.Thread(target=lambda: flood.send_raw(msg * n))
    sender.start()
    time.sleep(0.5)
    t0 = time.time()
    eq('others served during a flood', c.read('/bp/k'), b'v')
    eq('promptly', time.time() - t0 < 2, True)
    lazy = Conn().become(5)
    c.setperms('/bp', ['r0'])
    lazy.watch('/bp', 'L')          # then never reads
    for i in range(2000):
        c.write('/bp/x', 'y' * 100)
    got = 0
    while got < n:
        t, rid, tx, p = flood.recv()
        got += t == TYPES['READ'] and p == b'v'
    sender.join()
    eq('every pipelined reply', got, n)
    eq('lazy watcher still usable', lazy.read('/bp'), b'')
    c.rm('/bp')


def main():
    tests = [v for k, v in sorted(globals().items()) if k.startswith('test_')]
    for t in tests:
        try:
            t()
        except Exception as e:  # a crash of the daemon shows up here
            failures.append('%s raised %r' % (t.__name__, e))
    for f in failures:
        print('FAIL', f)
    print('%d checks, %d failures' % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

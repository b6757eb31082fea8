#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The generated build files are committed (so ./configure works in a fresh
# clone): check they match what ./autogen.sh makes from configure.ac and the
# Makefile.am files as committed. Names every file that is out of date.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$ROOT"
git ls-files -z | grep -zv -e '^configure$' -e 'Makefile\.in$' -e '^aclocal\.m4$' -e '^config\.h\.in$' |
	xargs -0 cp --parents -t "$tmp" 2>/dev/null || true
(cd "$tmp" && autoreconf -fi >/dev/null 2>&1)
stale=0
for f in configure aclocal.m4 config.h.in $(git ls-files '*Makefile.in'); do
	if ! cmp -s "$f" "$tmp/$f"; then echo "out of date: $f (run ./autogen.sh and commit it)"; stale=1; fi
done
[ $stale = 0 ] && echo "generated build files are current"
exit $stale

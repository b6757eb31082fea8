# SPDX-License-Identifier: GPL-2.0-only
# Sourced: where fetched packages and built fixtures live, outside the repository.
# Bump XA_CACHE_VERSION when the layout or the contents change incompatibly.
XA_CACHE_VERSION=1
XA_CACHE=${XA_CACHE:-/var/cache/xen-arm/v$XA_CACHE_VERSION}
xa_sysroot() { echo "$XA_CACHE/sysroot/$1"; }

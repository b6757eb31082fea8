# SPDX-License-Identifier: GPL-2.0-only
# Project macros for configure.ac.

# XA_TARGET_SYSROOT: when cross-compiling, use the target sysroot that
# scripts/deps.sh unpacks (Debian's -dev packages for the target) if present.
# Override with XA_SYSROOT=DIR; ignored for a native build.
AC_DEFUN([XA_TARGET_SYSROOT], [
	AC_ARG_VAR([XA_SYSROOT], [directory holding the target's unpacked -dev packages])
	AS_IF([test "x$cross_compiling" = xyes], [
		AS_IF([test -z "$XA_SYSROOT"],
			[XA_SYSROOT="${XA_CACHE:-/var/cache/xen-arm/v1}/sysroot/$host_alias"])
		AS_IF([test -d "$XA_SYSROOT/usr/include"], [
			AC_MSG_NOTICE([using target libraries from $XA_SYSROOT])
			CPPFLAGS="$CPPFLAGS -I$XA_SYSROOT/usr/include"
			for d in "$XA_SYSROOT/usr/lib/$host_alias" "$XA_SYSROOT/lib/$host_alias"; do
				LDFLAGS="$LDFLAGS -L$d -Wl,-rpath-link,$d"
			done
		])
	])
])

# XA_WARN_CFLAGS: the project's warning set; --disable-werror drops -Werror.
AC_DEFUN([XA_WARN_CFLAGS], [
	AC_ARG_ENABLE([werror],
		[AS_HELP_STRING([--disable-werror], [do not treat warnings as errors])],
		[], [enable_werror=yes])
	WARN_CFLAGS="-Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wvla -Wimplicit-fallthrough -Wno-unused-parameter"
	AS_IF([test "x$enable_werror" = xyes], [WARN_CFLAGS="$WARN_CFLAGS -Werror"])
	AC_SUBST([WARN_CFLAGS])
])

# XA_REQUIRE_LIB(name, lib, function, header, debian-package)
# Fails configure with a message naming the Debian package to install.
AC_DEFUN([XA_REQUIRE_LIB], [
	AC_CHECK_HEADER([$4], [],
		[AC_MSG_ERROR([$1 header $4 not found: install $5 (for the build machine, or for --host with scripts/deps.sh)])])
	AC_CHECK_LIB([$2], [$3], [AC_SUBST(m4_toupper([$2])[_LIBS], [-l$2])],
		[AC_MSG_ERROR([$1 (-l$2) not found: install $5 (for the build machine, or for --host with scripts/deps.sh)])])
])

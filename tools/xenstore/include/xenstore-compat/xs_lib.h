/* SPDX-License-Identifier: LGPL-2.1-only */
/* Old name of xenstore_lib.h, kept for source compatibility. */
#warning xs_lib.h is deprecated use xenstore_lib.h instead
#include <xenstore_lib.h>

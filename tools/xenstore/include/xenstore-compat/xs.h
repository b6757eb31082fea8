/* SPDX-License-Identifier: LGPL-2.1-only */
/* Old name of xenstore.h, kept for source compatibility. */
#warning xs.h is deprecated use xenstore.h instead
#include <xenstore.h>

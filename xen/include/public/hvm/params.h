/* SPDX-License-Identifier: MIT */
/* HVM parameters (the ones Arm uses) and hvm_op. */
#ifndef XEN_PUBLIC_HVM_PARAMS_H
#define XEN_PUBLIC_HVM_PARAMS_H

#include "../xen.h"

#define HVMOP_set_param 0
#define HVMOP_get_param 1

#define HVM_PARAM_CALLBACK_IRQ     0
#define HVM_PARAM_STORE_PFN        1
#define HVM_PARAM_STORE_EVTCHN     2
#define HVM_PARAM_CONSOLE_PFN      17
#define HVM_PARAM_CONSOLE_EVTCHN   18
#define HVM_PARAM_MONITOR_RING_PFN 28
#define HVM_NR_PARAMS              39

#define HVM_PARAM_CALLBACK_TYPE_PPI 2
#define HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL 2

struct xen_hvm_param {
	domid_t domid;
	uint32_t index;
	uint64_t value;
};

#endif

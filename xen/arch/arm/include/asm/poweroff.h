/* SPDX-License-Identifier: GPL-2.0-only */
/* One power-off method: check the DT (NULL = usable, else why not), act. */
#ifndef ASM_ARM_POWEROFF_H
#define ASM_ARM_POWEROFF_H

struct poweroff_method {
	const char *name;
	const char *(*prepare)(const void *fdt);
	void (*off)(void);
};

extern const struct poweroff_method psci_poweroff;
extern const struct poweroff_method vexpress_poweroff;

#endif

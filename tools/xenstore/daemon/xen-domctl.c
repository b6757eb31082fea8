/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain states from the hypervisor: XEN_DOMCTL_getdomaininfo through
 * Linux's /dev/xen/privcmd.  Used on VIRQ_DOM_EXC to find domains that shut
 * down or died, as the C daemon does (libxl relies on xenstored to notice a
 * destroyed domain and drop its ring mapping, which otherwise keeps the
 * domain a zombie).
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xen/domctl.h>
#include <xen-sys/linux/privcmd.h>
#include "xenstored.h"

static int privcmd_fd = -1;
static struct xen_domctl *domctl_buf;	/* a page the hypervisor can write */

static int domctl_open(void)
{
	int hfd;
	void *p = MAP_FAILED;

	if (domctl_buf)
		return 0;
	if (privcmd_fd < 0 &&
	    (privcmd_fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC)) < 0)
		return errno;
	/* /dev/xen/hypercall pages stay mapped; else lock an anonymous one. */
	if ((hfd = open("/dev/xen/hypercall", O_RDWR | O_CLOEXEC)) >= 0) {
		p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, hfd, 0);
		close(hfd);
	}
	if (p == MAP_FAILED) {
		p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return errno;
		mlock(p, 4096);
	}
	memset(p, 0, 4096);	/* fault it in writable before Xen uses it */
	domctl_buf = p;
	return 0;
}

/*
 * Flags (XEN_DOMINF_*) of domid: 0 and *flags, ENOENT if the domain no
 * longer exists, another errno if the hypervisor cannot be asked.
 */
int xen_domain_flags(uint32_t domid, uint32_t *flags)
{
	privcmd_hypercall_t call = { .op = __HYPERVISOR_domctl };
	int err;

	if ((err = domctl_open()))
		return err;
	memset(domctl_buf, 0, sizeof(*domctl_buf));
	domctl_buf->cmd = XEN_DOMCTL_getdomaininfo;
	domctl_buf->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	domctl_buf->domain = domid;
	call.arg[0] = (uint64_t)(uintptr_t)domctl_buf;
	if (ioctl(privcmd_fd, IOCTL_PRIVCMD_HYPERCALL, &call) < 0)
		return errno == ESRCH ? ENOENT : errno;
	/* getdomaininfo answers with the next domain if domid is gone. */
	if (domctl_buf->u.getdomaininfo.domain != domid)
		return ENOENT;
	*flags = domctl_buf->u.getdomaininfo.flags;
	return 0;
}

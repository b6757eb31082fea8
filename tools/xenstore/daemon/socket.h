/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XENSTORED_SOCKET_H
#define XENSTORED_SOCKET_H
#include <stdbool.h>
struct conn;
int socket_listen(const char *path);
void socket_accept(int lfd);
bool socket_pending(const struct conn *c);
int socket_wake_fd(void);
void socket_wake_loop(void);	/* the poll loop must re-poll (POLLOUT) */
#endif

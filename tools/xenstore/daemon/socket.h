/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XENSTORED_SOCKET_H
#define XENSTORED_SOCKET_H
#include <stdint.h>
struct conn;
int socket_listen(const char *path);
void socket_accept(int lfd);
void socket_event(struct conn *c, uint32_t events);
void socket_interest_all(void);
#endif

/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XENSTORED_SOCKET_H
#define XENSTORED_SOCKET_H
#include <stdbool.h>
struct conn;
int socket_listen(const char *path);
void socket_accept(int lfd);
void socket_service(struct conn *c);
bool socket_is(const struct conn *c);
#endif

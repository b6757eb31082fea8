/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XENSTORED_LOOP_H
#define XENSTORED_LOOP_H
#include <signal.h>
#include <stdint.h>
int loop_add(int fd, void *tag, uint32_t events);
int loop_mod(int fd, void *tag, uint32_t events);
int loop_run(int lfd, volatile sig_atomic_t *stop);
#endif

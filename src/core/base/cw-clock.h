/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one clock of Casewise. Everything that needs the time asks it: the
 * deadlines' "today", the audit trail's timestamps (through the SQL
 * function cw_now(), which the store registers), backups' names, reports'
 * creation dates. Tests, screenshots and reproducible reports fix it, with
 * cw_clock_set() or with CASEWISE_NOW in the environment of a process. */

GDateTime *cw_clock_now          (void);
void       cw_clock_today        (GDate       *out);
char      *cw_clock_timestamp    (void);
gboolean   cw_clock_set          (const char  *when,
                                  GError     **error);
void       cw_clock_set_fixed    (GDateTime   *when);
gboolean   cw_clock_is_fixed     (void);

char      *cw_timestamp_format   (GDateTime   *when);
GDateTime *cw_timestamp_parse    (const char  *timestamp);
gboolean   cw_timestamp_local_date (const char *timestamp,
                                  GDate       *out);

G_END_DECLS

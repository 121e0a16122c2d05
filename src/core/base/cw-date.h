/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates as people in the UK write them (day first) and as
 * Casewise stores them (YYYY-MM-DD), and the names of the months, shared by
 * every place that writes a date. */

gboolean    cw_date_parse           (const char  *text,
                                     GDate       *out);
char       *cw_date_explain_invalid (const char  *text);
char       *cw_date_format_iso      (const GDate *date);
char       *cw_date_format_display  (const GDate *date);
char       *cw_date_iso_to_display  (const char  *iso);
const char *cw_date_month_abbreviation (int       month);
const char *cw_translate_once       (const char **cache,
                                     const char  *context,
                                     const char  *msgid) G_GNUC_FORMAT (3);
const char *cw_date_month_name      (int          month);
int         cw_date_parse_month_name (const char *word);

G_END_DECLS

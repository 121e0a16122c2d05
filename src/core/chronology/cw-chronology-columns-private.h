/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-chronology-columns.h"

G_BEGIN_DECLS

/* Shared by cw-chronology-columns.c (headings, the mapping) and
 * cw-chronology-row.c (turning a record into a row). */

struct _CwChronoMapping
{
  guint          n_columns;
  GStrv          headers; /* as written, as valid UTF-8 */
  GStrv          keys;    /* header_key() of each */
  CwChronoField *fields;
  GPtrArray     *notes;   /* translated sentences, %NULL-terminated */
};

gboolean cw_chrono_is_space_at (const char *s);
char    *cw_chrono_trim        (const char *text);
void     cw_chrono_trim_bounds (const char  *text,
                                const char **start,
                                const char **end);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-demo.h"
#include "cw-store-private.h"

G_BEGIN_DECLS

/* Shared by cw-demo.c and cw-demo-analysis.c. */

gint64   cw_demo_entry_at      (CwStore      *self,
                                gint64        review,
                                const char   *file,
                                guint         row);
char    *cw_demo_iso_days_from (const GDate  *today,
                                int           days);
gboolean cw_demo_add_analysis  (CwStore      *self,
                                gint64        review,
                                const GDate  *today,
                                GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The review the chronology benchmarks open: one review holding a generated
 * police return (bench/make-return.py) brought in through the real import. */

#define BENCH_REVIEW_ROWS 100000

char    *bench_review_default_path (guint        rows);
gboolean bench_review_ensure       (const char  *path,
                                    guint        rows,
                                    gint64      *review_id,
                                    gboolean    *built,
                                    GError     **error);

G_END_DECLS

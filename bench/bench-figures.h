/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Timings are milliseconds in a GArray of doubles; sorted in place when read. */

double  bench_elapsed_ms  (gint64      start);
double  bench_percentile  (GArray     *ms,
                           double      fraction);
double  bench_median      (GArray     *ms);
double  bench_max         (GArray     *ms);
void    bench_print_runs  (const char *what,
                           GArray     *ms,
                           const char *extra);
double  bench_resident_mb (void);
double  bench_cpu_ms      (void);
double  bench_children_cpu_ms (void);
void    bench_print_rss   (const char *what,
                           double      mb,
                           double      base_mb);
G_GNUC_NORETURN
void    bench_fail        (const char *what,
                           GError     *error);

G_END_DECLS

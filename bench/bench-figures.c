/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench-figures.h"

/* What every benchmark prints the same way: runs as a median with their
 * spread, and the resident set size. */

double
bench_elapsed_ms (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank, so every figure printed is one that was measured. */
double
bench_percentile (GArray *ms,
                  double  fraction)
{
  guint rank;

  g_assert (ms->len > 0);
  g_array_sort (ms, compare_doubles);
  rank = (guint) ceil (fraction * ms->len);
  return g_array_index (ms, double, CLAMP (rank, 1, ms->len) - 1);
}

double
bench_median (GArray *ms)
{
  return bench_percentile (ms, 0.5);
}

double
bench_max (GArray *ms)
{
  return bench_percentile (ms, 1.0);
}

void
bench_print_runs (const char *what,
                  GArray     *ms,
                  const char *extra)
{
  double median = bench_median (ms);

  g_print ("  %-40s %8.1f ms  (min %.1f, max %.1f, %u runs)%s%s\n", what, median,
           g_array_index (ms, double, 0), bench_max (ms), ms->len, extra ? "  " : "",
           extra ? extra : "");
}

/* Linux only: the second field of /proc/self/statm is the resident pages. */
double
bench_resident_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size, resident;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;
  return (double) resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

void
bench_print_rss (const char *what,
                 double      mb,
                 double      base_mb)
{
  if (mb < 0)
    g_print ("  %-40s not measured (needs /proc/self/statm)\n", what);
  else if (base_mb < 0)
    g_print ("  %-40s %8.1f MB\n", what, mb);
  else
    g_print ("  %-40s %8.1f MB  (%+.1f MB)\n", what, mb, mb - base_mb);
}

void
bench_fail (const char *what,
            GError     *error)
{
  g_printerr ("%s: %s\n", what, error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

/* Processor time of this process, and of its children that have ended,
 * in ms: on a machine shared with other work the wall-clock figures grow
 * with the load, these much less. */
double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double
bench_children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chronology of a 100,000-entry review without a display: opening it
 * and showing the first rows, searching and filtering it, and the memory
 * it holds. The targets: open under 300 ms, a search under 20 ms,
 * resident memory under 150 MB.
 *   bench-chronology [--runs N] [--rows N] [--prepare] [DATABASE]
 * DATABASE is built once when missing (bench-review.c). */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "bench-figures.h"
#include "cw-core.h"
#include "bench-review.h"
#include "cw-chronology.h"

/* What the table shows first in a 780-pixel window, with some to spare. */
#define FIRST_ROWS 40

#define OPEN_TARGET_MS   300.0
#define SEARCH_TARGET_MS 20.0
#define MEMORY_TARGET_MB 150.0

static int runs = 7;
static int rows = BENCH_REVIEW_ROWS;
static gboolean prepare_only;

static const char *const searches[] = {
  "strategy",       /* one word in a twelfth of the entries */
  "mother",
  "call home",      /* two words, both needed */
  "referral mash",
  "emergency",
  "strat",          /* a word half typed: the search runs at each key */
  "child",          /* in most entries */
  "entry",          /* in every entry: the longest list to order */
  "99999",          /* one entry's own number: a rare word */
  "CAD 150000",     /* an agency's reference, from the source column */
  "xylophone",      /* nothing */
};

static void
read_first_rows (GListModel *model)
{
  guint n = MIN (g_list_model_get_n_items (model), FIRST_ROWS);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));
}

static void
read_every_row (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));
}

static CwStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  CwStore *store = cw_store_open (path, &error);

  if (store == NULL)
    bench_fail ("Could not open the database", error);
  return store;
}

/* What the view does on opening a review, and on every change of filter. */
static void
refresh (CwChronologyModel        *model,
         const CwChronologyFilter *filter)
{
  g_autoptr (GError) error = NULL;

  if (!cw_chronology_model_refresh (model, filter, &error))
    bench_fail ("Could not read the chronology", error);
  read_first_rows (G_LIST_MODEL (model));
}

static const char *
verdict (double   figure,
         double   target)
{
  return figure < target ? "met" : "NOT met";
}

/* Memory */

/* Measured first, while the heap holds nothing from the timed runs. */
static void
measure_memory (const char *path,
                gint64      review_id)
{
  double start = bench_resident_mb (), with_store, opened, everything;
  g_autoptr (CwStore) store = NULL;
  g_autoptr (CwChronologyModel) model = NULL;

  g_print ("\nResident memory (resident set size from /proc/self/statm, Linux)\n");
  bench_print_rss ("at start", start, -1);
  store = open_store (path);
  bench_print_rss ("store open, chronology not yet", with_store = bench_resident_mb (), start);
  model = cw_chronology_model_new (store, review_id);
  refresh (model, NULL);
  bench_print_rss ("chronology open, first rows read", opened = bench_resident_mb (), with_store);
  read_every_row (G_LIST_MODEL (model));
  everything = bench_resident_mb ();
  bench_print_rss ("every row read once (scrolled to end)", everything, with_store);
  if (everything >= 0)
    g_print ("  target: under %.0f MB for the process with the chronology read to the end: "
             "%s (%.1f MB, of which %.1f MB the chronology's)\n", MEMORY_TARGET_MB,
             verdict (everything, MEMORY_TARGET_MB), everything, everything - with_store);
}

/* Opening */

static void
measure_open (const char *path,
              gint64      review_id)
{
  g_autoptr (GArray) store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) chronology_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint shown = 0;

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (CwStore) store = open_store (path);
      g_autoptr (CwChronologyModel) model = NULL;
      double ms = bench_elapsed_ms (start);

      g_array_append_val (store_ms, ms);
      start = g_get_monotonic_time ();
      model = cw_chronology_model_new (store, review_id);
      refresh (model, NULL);
      ms = bench_elapsed_ms (start);
      g_array_append_val (chronology_ms, ms);
      shown = g_list_model_get_n_items (G_LIST_MODEL (model));
    }
  g_print ("\nOpening (a fresh store each run)\n");
  bench_print_runs ("cw_store_open (the app's start)", store_ms, NULL);
  bench_print_runs ("chronology open + first 40 rows", chronology_ms, NULL);
  g_print ("  %u rows listed; target: chronology open under %.0f ms: %s\n", shown,
           OPEN_TARGET_MS, verdict (bench_median (chronology_ms), OPEN_TARGET_MS));
}

/* Searching and filtering */

static double
measure_filter (CwChronologyModel        *model,
                const char               *what,
                const CwChronologyFilter *filter)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *count = NULL;

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      refresh (model, filter);
      elapsed = bench_elapsed_ms (start);
      g_array_append_val (ms, elapsed);
    }
  count = g_strdup_printf ("%6u entries", cw_chronology_model_get_n_entries (model));
  bench_print_runs (what, ms, count);
  return bench_median (ms);
}

static void
measure_searches (CwChronologyModel *model)
{
  double worst = 0;
  const char *slowest = NULL;

  g_print ("\nSearching (refresh with the words, then the first 40 rows)\n");
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      CwChronologyFilter filter = { .text = (char *) searches[i] };
      g_autofree char *what = g_strdup_printf ("search \"%s\"", searches[i]);
      double median = measure_filter (model, what, &filter);

      if (median > worst)
        worst = median, slowest = searches[i];
    }
  g_print ("  target: each search under %.0f ms: %s (slowest median %.1f ms, \"%s\")\n",
           SEARCH_TARGET_MS, verdict (worst, SEARCH_TARGET_MS), worst, slowest);
}

static gint64
find_agency (CwStore    *store,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_chronology_find_agency (store, name, &error);

  if (id == 0)
    bench_fail (name, error);
  return id;
}

static void
measure_agency (CwStore           *store,
                CwChronologyModel *model,
                const char        *what,
                const char        *agency)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = find_agency (store, agency);
  CwChronologyFilter filter = { .agency_ids = ids };

  g_array_append_val (ids, id);
  measure_filter (model, what, &filter);
}

static void
measure_filters (CwStore           *store,
                 CwChronologyModel *model)
{
  const CwChronologyFilter year = { .from = (char *) "2000-01-01", .to = (char *) "2000-12-31" };
  const CwChronologyFilter month = { .from = (char *) "2000-03-01", .to = (char *) "2000-03-31" };
  const CwChronologyFilter rated = {
    .significances = (1 << CW_CHRONO_SIGNIFICANCE_SIGNIFICANT) | (1 << CW_CHRONO_SIGNIFICANCE_KEY)
  };
  const CwChronologyFilter both = { .from = year.from, .to = year.to, .text = (char *) "mother" };

  g_print ("\nFiltering (refresh with the filter, then the first 40 rows)\n");
  measure_filter (model, "none (a search cleared)", NULL);
  measure_agency (store, model, "agency: the police (every entry)", "Northshire Police");
  measure_agency (store, model, "agency: health (no entries)", "Northshire Community Health");
  measure_filter (model, "dates: the year 2000", &year);
  measure_filter (model, "dates: March 2000", &month);
  measure_filter (model, "significant or key", &rated);
  measure_filter (model, "\"mother\" in the year 2000", &both);
}

static void
print_setting (const char *path)
{
  GStatBuf st = { 0 };

  g_stat (path, &st);
  g_print ("bench-chronology: core only, no display; SQLite %s, GLib %u.%u.%u\n",
           sqlite3_libversion (), glib_major_version, glib_minor_version, glib_micro_version);
  g_print ("Database: %s (%.0f MB, in the OS file cache: warm)\n", path,
           (double) st.st_size / (1024.0 * 1024.0));
  g_print ("Each figure: the median of %d runs, with the fastest and slowest\n", runs);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure (7)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Entries in the review (100000)", "N" },
    { "prepare", 0, 0, G_OPTION_ARG_NONE, &prepare_only, "Only build the database", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[DATABASE]");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CwStore) store = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  gint64 review_id = 0;
  gboolean built;

  cw_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || rows < 1)
    bench_fail ("bench-chronology", error);
  path = argc > 1 ? g_strdup (argv[1]) : bench_review_default_path ((guint) rows);
  if (!bench_review_ensure (path, (guint) rows, &review_id, &built, &error))
    bench_fail ("Could not build the review", error);
  if (prepare_only)
    return EXIT_SUCCESS;
  print_setting (path);
  if (built)
    g_print ("(The database was built by this run: the memory figures include what the import "
             "left in the heap. Run again, or build first with --prepare.)\n");
  measure_memory (path, review_id);
  measure_open (path, review_id);
  store = open_store (path);
  model = cw_chronology_model_new (store, review_id);
  measure_searches (model);
  measure_filters (store, model);
  return EXIT_SUCCESS;
}

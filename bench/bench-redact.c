/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Anonymising a 5,000-entry chronology: reading the people register into a
 * redactor (its names compiled once), then the whole chronology exported
 * as CSV as written and anonymised, which redacts every text of every
 * entry. The target: redacting stays fast, with no pattern
 * compiled per entry.
 *   bench-redact [--runs N] [--rows N] [DATABASE]
 * DATABASE is built once when missing (bench-review.c). */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include "bench-figures.h"
#include "bench-review.h"
#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-privacy.h"

static int runs = 7;
static int rows = 5000;

/* A family and their circle, as a register holds them. */
static const char *const people[][3] = {
  { "Child A", "Amelia Hartley", "2024-06-14" },
  { "Sibling B", "Mason Hartley", "2018-09-03" },
  { "Mother", "Leanne Hartley", "1998-02-21" },
  { "Mother's partner", "Dean Collier", "1994-11-30" },
  { "Maternal grandmother", "Patricia Ann Hartley", "1971-07-08" },
  { "Father", "Wei Li", "1990-01-05" },
  { "Uncle", "Jian Wu", NULL },
  { "Neighbour", "Kim Ng", NULL },
  { "Lodger", "Sean O’Brien", NULL },
  { "Family friend", "Zoë Müller", NULL },
};

static void
ensure_people (CwStore *store,
               gint64   review_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) register_now = cw_store_list (store, &cw_entity_person, review_id,
                                                       &error);

  if (register_now == NULL)
    bench_fail ("reading the people register", error);
  if (g_list_model_get_n_items (register_now) > 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *pairs[] = { "pseudonym", people[i][0], "real_name", people[i][1],
                              "date_of_birth", people[i][2], NULL };
      if (cw_store_insert (store, &cw_entity_person, review_id, pairs, &error) == 0)
        bench_fail ("adding the people register", error);
    }
}

static double
export_ms (CwStore    *store,
           gint64      review_id,
           CwRedactor *redactor)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwChronologyModel) model = cw_chronology_model_new (store, review_id);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  gint64 start = g_get_monotonic_time ();

  cw_chronology_model_set_redactor (model, redactor);
  if (!cw_chronology_model_refresh (model, NULL, &error)
      || !cw_chronology_export_csv (model, out, NULL, &error))
    bench_fail ("exporting the chronology", error);
  return bench_elapsed_ms (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("[DATABASE]");
  g_autoptr (GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) anonymised = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (CwStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *extra = NULL;
  gint64 review_id;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure (7)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Entries in the review (5,000)", "N" },
    { NULL },
  };

  cw_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("reading the options", error);
  path = argc > 1 ? g_strdup (argv[1]) : bench_review_default_path ((guint) rows);
  if (!bench_review_ensure (path, (guint) rows, &review_id, NULL, &error)
      || (store = cw_store_open (path, &error)) == NULL)
    bench_fail ("opening the review", error);
  ensure_people (store, review_id);
  g_print ("Anonymising a chronology of %d entries, %u people in the register\n", rows,
           (guint) G_N_ELEMENTS (people));
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (CwRedactor) redactor = cw_redactor_new_for_review (store, review_id, &error);
      g_autofree char *first = NULL;
      double ms;

      if (redactor == NULL)
        bench_fail ("reading the register", error);
      first = cw_redactor_redact (redactor, "Amelia"); /* compiles the names */
      ms = bench_elapsed_ms (start);
      g_array_append_val (build, ms);
      ms = export_ms (store, review_id, NULL);
      g_array_append_val (plain, ms);
      ms = export_ms (store, review_id, redactor);
      g_array_append_val (anonymised, ms);
    }
  bench_print_runs ("register read and names compiled", build, NULL);
  bench_print_runs ("CSV export as written", plain, NULL);
  extra = g_strdup_printf ("%.1f us an entry more than as written",
                           (bench_median (anonymised) - bench_median (plain)) * 1000.0 / rows);
  bench_print_runs ("CSV export anonymised", anonymised, extra);
  return 0;
}

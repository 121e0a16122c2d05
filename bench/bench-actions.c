/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Actions view's figures: 200 reviews and 10,000 actions, built
 * through the core (reviews, findings with themes, recommendations,
 * actions with owners, due dates, statuses and progress updates). Each run
 * opens the store afresh and lists the actions as the view and `action
 * list` do: every open one, then each filter (agency, status, due within
 * 30 days, overdue, theme). The target: open and filter under
 * 100 ms. The reference: the sqlite3 shell running the same query, with
 * the same values bound, on the same file.
 *   bench-actions [--runs N] [--reviews N] [--per-review N] [DATABASE]
 * DATABASE is built once when it does not hold that many actions. */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-figures.h"
#include "cw-actions-private.h"
#include "cw-analysis.h"
#include "cw-clock.h"
#include "cw-core.h"
#include "cw-date.h"
#include "cw-register-entities.h"
#include "cw-review.h"

static int runs = 7;
static int n_reviews = 200;
static int per_review = 50; /* 5 recommendations of 10 actions */

#define RECOMMENDATIONS 5
#define N_AGENCIES      12

static const char *const agencies[N_AGENCIES] = {
  "Northshire Police", "Northshire Children's Social Care", "Northshire Community Health",
  "Northshire Acute Hospitals", "Northshire Education", "Northshire Probation",
  "Northshire Housing", "Northshire Mental Health", "Northshire Ambulance", "GP Federation",
  "Northshire Youth Justice", "Early Help",
};

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
count_actions (const char *path)
{
  g_autoptr (CwStore) store = NULL;
  g_autofree char *n = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)
      || (store = cw_store_open (path, NULL)) == NULL)
    return -1;
  n = cw_store_text_for_id (store, "SELECT count (*) FROM action WHERE deleted = 0 AND ? = 0",
                            0);
  return n ? g_ascii_strtoll (n, NULL, 10) : -1;
}

static gint64
insert (CwStore            *store,
        const CwEntity     *entity,
        gint64              review,
        const char *const  *pairs)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_store_insert (store, entity, review, pairs, &error);

  if (id == 0)
    bench_fail ("adding a row", error);
  return id;
}

/* One review: findings with themes, recommendations, and their actions,
 * due from a year ago to a year ahead, in every status. */
static void
build_review (CwStore  *store,
              GRand    *rand,
              gint64   *agency_ids,
              GArray   *themes,
              int       r)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Benchmark review %d", r + 1);
  g_autofree char *reference = NULL;
  gint64 review_id;
  GDate opened;

  g_date_clear (&opened, 1);
  g_date_set_dmy (&opened, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (&opened, (guint) r);
  reference = cw_store_create_review (store, "cspr", title, "Child B", &opened, &review_id,
                                      &error);
  if (reference == NULL)
    bench_fail ("adding a review", error);
  for (int k = 0; k < RECOMMENDATIONS; k++)
    {
      g_autofree char *text = g_strdup_printf ("Recommendation %d of review %d", k + 1, r + 1);
      gint64 finding = cw_analysis_add_finding (store, review_id, "A finding", NULL, &error);
      gint64 recommendation = cw_analysis_add_recommendation (store, review_id, text, &error);
      g_autofree char *f = id_text (finding);
      g_autofree char *rec = id_text (recommendation);
      g_autofree char *theme = id_text (g_array_index (themes, gint64,
                                                       g_rand_int_range (rand, 0, themes->len)));

      if (finding == 0 || recommendation == 0)
        bench_fail ("adding the analysis", error);
      insert (store, &cw_entity_finding_theme, review_id,
              (const char *[]) { "finding_id", f, "theme_id", theme, NULL });
      insert (store, &cw_entity_recommendation_finding, review_id,
              (const char *[]) { "recommendation_id", rec, "finding_id", f, NULL });
      for (int i = 0; i < per_review / RECOMMENDATIONS; i++)
        {
          static const char *const statuses[] = { "not-started", "in-progress", "in-progress",
                                                  "completed", "impact-evidenced", "embedded" };
          g_autofree char *agency = id_text (agency_ids[g_rand_int_range (rand, 0, N_AGENCIES)]);
          g_autofree char *due = NULL;
          const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
          gint64 action = cw_actions_add (store, recommendation,
                                          "Audit the referrals and report to the subgroup",
                                          &error);
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, 23, G_DATE_NOVEMBER, 2025);
          g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 730));
          due = cw_date_format_iso (&day);
          if (action == 0
              || !cw_store_update (store, &cw_entity_action, action, "owner_agency", agency,
                                   &error)
              || !cw_store_update (store, &cw_entity_action, action, "due_on", due, &error)
              || !cw_store_update (store, &cw_entity_action, action, "impact_measure",
                                   "Fewer repeat referrals within six months", &error)
              || (g_strcmp0 (status, "not-started") != 0
                  && cw_actions_add_update (store, action, "2026-10-01", "Lead", status,
                                            "Progress reported to the subgroup", &error) == 0))
            bench_fail ("adding an action", error);
        }
    }
}

static void
build (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  g_autoptr (GArray) themes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 agency_ids[N_AGENCIES];
  sqlite3_stmt *stmt;
  gint64 start = g_get_monotonic_time ();

  g_mkdir_with_parents (dir, 0700);
  g_unlink (path);
  if ((store = cw_store_open_full (path, CW_STORE_OPEN_CREATE, &error)) == NULL
      || (tx = cw_transaction_begin_bulk (store, &error)) == NULL)
    bench_fail ("making the database", error);
  for (int i = 0; i < N_AGENCIES; i++)
    agency_ids[i] = insert (store, &cw_entity_agency, 0,
                            (const char *[]) { "name", agencies[i], NULL });
  if ((stmt = cw_store_prepare (store, "SELECT id FROM theme WHERE deleted = 0", &error)) == NULL)
    bench_fail ("reading the themes", error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (themes, id);
    }
  sqlite3_reset (stmt);
  if (themes->len == 0)
    bench_fail ("reading the themes", NULL);
  for (int r = 0; r < n_reviews; r++)
    build_review (store, rand, agency_ids, themes, r);
  if (!cw_transaction_commit (tx, &error))
    bench_fail ("writing the database", error);
  g_print ("Built %s in %.1f s\n", path, bench_elapsed_ms (start) / 1000.0);
}

/* The filters the view and the CLI offer, each with the values bound. */
typedef struct
{
  const char     *name;
  CwActionFilter  filter;
} Case;

static gint64
first_id (CwStore    *store,
          const char *sql)
{
  g_autofree char *id = cw_store_text_for_id (store, sql, 0);

  return id ? g_ascii_strtoll (id, NULL, 10) : 0;
}

/* The sqlite3 shell running the query of cw_actions_list() with the same
 * values bound, its rows written to /dev/null: the whole process, as the
 * open-and-filter figure is the whole open. */
static double
reference_ms (const char           *path,
              const CwActionFilter *f,
              const GDate          *today,
              double               *cpu)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) script = g_string_new (NULL);
  g_autofree char *due_by = NULL;
  g_autofree char *before = NULL;
  g_autofree char *status = f->status ? g_strdup_printf ("'%s'", f->status) : g_strdup ("NULL");
  const char *argv[] = { "sqlite3", "-batch", "-readonly", path, NULL };
  g_autoptr (GSubprocess) process = NULL;
  gint64 start;
  double before_cpu = bench_children_cpu_ms ();
  double ms;

  if (f->due_within >= 0)
    {
      GDate day = *today;

      g_date_add_days (&day, (guint) f->due_within);
      due_by = cw_date_format_iso (&day);
    }
  if (f->overdue)
    before = cw_date_format_iso (today);
  g_string_append_printf (script,
                          ".output /dev/null\n"
                          ".parameter set ?1 %" G_GINT64_FORMAT "\n"
                          ".parameter set ?2 %" G_GINT64_FORMAT "\n"
                          ".parameter set ?3 %" G_GINT64_FORMAT "\n"
                          ".parameter set ?4 %" G_GINT64_FORMAT "\n"
                          ".parameter set ?5 \"%s\"\n"
                          ".parameter set ?6 %s%s%s\n"
                          ".parameter set ?7 %s%s%s\n"
                          ".parameter set ?8 %d\n%s;\n",
                          f->review_id, f->agency_id, f->body_id, f->theme_id, status,
                          due_by ? "'" : "", due_by ? due_by : "NULL", due_by ? "'" : "",
                          before ? "'" : "", before ? before : "NULL", before ? "'" : "",
                          f->include_closed, cw_actions_list_sql);
  start = g_get_monotonic_time ();
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE
                                       | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  if (process == NULL
      || !g_subprocess_communicate_utf8 (process, script->str, NULL, NULL, NULL, &error)
      || !g_subprocess_get_successful (process))
    bench_fail ("running the sqlite3 shell", error);
  ms = bench_elapsed_ms (start);
  *cpu = bench_children_cpu_ms () - before_cpu;
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("[DATABASE]");
  g_autofree char *path = NULL;
  g_autofree char *default_path = NULL;
  g_autoptr (CwStore) probe = NULL;
  gint64 expected;
  GDate today;
  Case cases[] = {
    { "every open action", CW_ACTION_FILTER_INIT },
    { "one agency's", CW_ACTION_FILTER_INIT },
    { "status in progress", CW_ACTION_FILTER_INIT },
    { "due within 30 days", CW_ACTION_FILTER_INIT },
    { "overdue", CW_ACTION_FILTER_INIT },
    { "one theme's", CW_ACTION_FILTER_INIT },
    { "one review's, all", CW_ACTION_FILTER_INIT },
  };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure (7)", "N" },
    { "reviews", 0, 0, G_OPTION_ARG_INT, &n_reviews, "Reviews (200)", "N" },
    { "per-review", 0, 0, G_OPTION_ARG_INT, &per_review, "Actions per review (50)", "N" },
    { NULL },
  };

  cw_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("reading the options", error);
  per_review = MAX (per_review / RECOMMENDATIONS, 1) * RECOMMENDATIONS;
  expected = (gint64) n_reviews * per_review;
  default_path = g_strdup_printf ("%s/casewise-bench/actions-%d-%" G_GINT64_FORMAT ".db",
                                  g_get_tmp_dir (), n_reviews, expected);
  path = argc > 1 ? g_strdup (argv[1]) : g_steal_pointer (&default_path);
  /* The figures are for a fixed day, as the actions were built around it. */
  g_assert_true (cw_clock_set ("2026-11-23", NULL));
  cw_clock_today (&today);
  if (count_actions (path) != expected)
    build (path);
  if ((probe = cw_store_open (path, &error)) == NULL)
    bench_fail ("opening the database", error);
  cases[1].filter.agency_id = first_id (probe, "SELECT id FROM agency WHERE name ="
                                               " 'Northshire Police' AND ? = 0");
  cases[2].filter.status = "in-progress";
  cases[2].filter.include_closed = TRUE;
  cases[3].filter.due_within = CW_ACTIONS_SOON_DAYS;
  cases[4].filter.overdue = TRUE;
  cases[5].filter.theme_id = first_id (probe, "SELECT theme_id FROM finding_theme"
                                              " WHERE ? = 0 GROUP BY theme_id"
                                              " ORDER BY count (*) DESC LIMIT 1");
  cases[6].filter.review_id = first_id (probe, "SELECT max (id) FROM review WHERE ? = 0");
  cases[6].filter.include_closed = TRUE;
  g_clear_object (&probe);

  g_print ("Actions of %d reviews, %" G_GINT64_FORMAT " actions, today %s; median of %d runs\n"
           "(min..max); each run opens the store afresh\n",
           n_reviews, expected, "2026-11-23", runs);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) shell_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) list_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) total_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) shell_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = NULL;
      g_autofree char *extra = NULL;
      guint n = 0;

      for (int i = 0; i < runs; i++)
        {
          double cpu_start = bench_cpu_ms ();
          gint64 start = g_get_monotonic_time ();
          g_autoptr (CwStore) store = cw_store_open (path, &error);
          g_autoptr (GPtrArray) list = NULL;
          double opened, listed, total, cpu_opened, cpu_total, shell_cpu_ms;

          if (store == NULL)
            bench_fail ("opening the database", error);
          opened = bench_elapsed_ms (start);
          cpu_opened = bench_cpu_ms () - cpu_start;
          if ((list = cw_actions_list (store, &cases[c].filter, &today, &error)) == NULL)
            bench_fail ("listing the actions", error);
          total = bench_elapsed_ms (start);
          cpu_total = bench_cpu_ms () - cpu_start;
          listed = total - opened;
          g_array_append_val (open_cpu, cpu_opened);
          g_array_append_val (total_cpu, cpu_total);
          cpu_total -= cpu_opened;
          g_array_append_val (list_cpu, cpu_total);
          n = list->len;
          g_array_append_val (open_ms, opened);
          g_array_append_val (list_ms, listed);
          g_array_append_val (total_ms, total);
          listed = reference_ms (path, &cases[c].filter, &today, &shell_cpu_ms);
          g_array_append_val (shell_ms, listed);
          g_array_append_val (shell_cpu, shell_cpu_ms);
        }
      g_print ("\n%s: %u actions\n", cases[c].name, n);
      bench_print_runs ("  store opened", open_ms, NULL);
      bench_print_runs ("  listed (the view's open and filter)", list_ms,
                        bench_median (list_ms) < 100.0 ? "target 100 ms: met"
                                                       : "target 100 ms: NOT MET");
      bench_print_runs ("  store opened and listed", total_ms, NULL);
      bench_print_runs ("  sqlite3 shell: same query, same file", shell_ms, NULL);
      bench_print_runs ("  processor: store opened", open_cpu, NULL);
      bench_print_runs ("  processor: listed", list_cpu, NULL);
      extra = g_strdup_printf ("target 100 ms: %s",
                               bench_median (total_cpu) < 100.0 ? "met" : "NOT MET");
      bench_print_runs ("  processor: opened and listed", total_cpu, extra);
      what = g_strdup ("  processor: sqlite3 shell");
      bench_print_runs (what, shell_cpu, NULL);
    }
  return 0;
}

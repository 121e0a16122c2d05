/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-actions.h"
#include "cw-analysis.h"
#include "cw-core.h"
#include "cw-csv-writer.h"
#include "cw-csv.h"
#include "cw-register-entities.h"
#include "cw-store-private.h"
#include "cw-workbook.h"
#include "cw-xlsx-writer.h"
#include "test-helpers.h"

/* Action plans: the RAG rating against a fixed clock, the statuses and the
 * closing rules, the list across reviews with its filters, evidence
 * files kept in the database, and the tracker written and read back. */

typedef struct
{
  Fixture base;
  gint64  reviews[2];
  gint64  recommendations[3]; /* two of the first review, one of the second */
  gint64  police;
  gint64  health;
  gint64  subgroup;
  gint64  theme;
  GDate   today;
} Actions;

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
insert (CwStore            *store,
        const CwEntity     *entity,
        gint64              review,
        const char *const  *pairs)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_store_insert (store, entity, review, pairs, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
first_id (CwStore    *store,
          const char *sql)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
actions_set_up (Actions       *a,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  CwStore *store;

  g_assert_true (cw_clock_set ("2026-11-23", NULL));
  cw_clock_today (&a->today);
  fixture_set_up (&a->base, data);
  store = a->base.store;
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *ref = cw_store_create_review (store, "cspr", "Review", "Child T",
                                                     &a->today, &a->reviews[i], &error);
      g_assert_no_error (error);
    }
  a->police = insert (store, &cw_entity_agency, 0,
                      (const char *[]) { "name", "Northshire Police", NULL });
  a->health = insert (store, &cw_entity_agency, 0,
                      (const char *[]) { "name", "Northshire Community Health", NULL });
  a->subgroup = first_id (store, "SELECT id FROM body WHERE name LIKE 'Case review%'");
  a->theme = first_id (store, "SELECT id FROM theme WHERE name = 'Domestic abuse'");
  a->recommendations[0] = cw_analysis_add_recommendation (store, a->reviews[0], "Share PPNs",
                                                          &error);
  a->recommendations[1] = cw_analysis_add_recommendation (store, a->reviews[0], "Follow up",
                                                          &error);
  a->recommendations[2] = cw_analysis_add_recommendation (store, a->reviews[1], "Liaison list",
                                                          &error);
  g_assert_no_error (error);
}

static void
actions_tear_down (Actions       *a,
                   gconstpointer  data)
{
  fixture_tear_down (&a->base, data);
}

static gint64
add_action (Actions    *a,
            guint       recommendation,
            const char *description,
            gint64      agency,
            const char *due_on)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *agency_id = agency ? id_text (agency) : NULL;
  gint64 id = cw_actions_add (a->base.store, a->recommendations[recommendation], description,
                              &error);

  g_assert_no_error (error);
  g_assert_true (cw_store_update (a->base.store, &cw_entity_action, id, "owner_agency",
                                  agency_id, &error));
  g_assert_true (cw_store_update (a->base.store, &cw_entity_action, id, "due_on", due_on,
                                  &error));
  g_assert_no_error (error);
  return id;
}

static void
test_rag (void)
{
  static const struct
  {
    const char *status, *due, *closed;
    CwRag       rag;
    const char *words;
  } cases[] = {
    { "not-started", "2026-11-22", NULL, CW_RAG_RED, "Overdue" },
    { "in-progress", "2026-11-23", NULL, CW_RAG_AMBER, "Due soon" },
    { "in-progress", "2026-12-23", NULL, CW_RAG_AMBER, "Due soon" },
    { "in-progress", "2026-12-24", NULL, CW_RAG_GREEN, "On track" },
    { "not-started", NULL, NULL, CW_RAG_AMBER, "No due date" },
    { "completed", "2026-01-01", NULL, CW_RAG_GREEN, "Completed" },
    { "impact-evidenced", "2026-01-01", NULL, CW_RAG_GREEN, "Completed" },
    { "embedded", "2026-01-01", NULL, CW_RAG_DONE, "Embedded" },
    { "not-sustained", "2030-01-01", NULL, CW_RAG_RED, "Not sustained" },
    { "in-progress", "2026-01-01", "2026-06-01", CW_RAG_CLOSED, "Closed" },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwRagRating r = cw_action_rate (cases[i].status, cases[i].due, cases[i].closed, &today);

      g_test_message ("%s due %s", cases[i].status, cases[i].due ? cases[i].due : "-");
      g_assert_cmpint (r.rag, ==, cases[i].rag);
      g_assert_cmpstr (r.words, ==, cases[i].words);
      g_assert_nonnull (r.icon);
      g_assert_cmpint (r.overdue, ==, g_str_equal (cases[i].words, "Overdue"));
    }
}

static void
test_statuses (Actions       *a,
               gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 id = add_action (a, 0, "Add health to the PPN route", a->police, "2027-01-31");

  g_assert_false (cw_store_update (store, &cw_entity_action, id, "status", "completed", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_analysis_move_status (store, &cw_entity_action, id, "not-sustained",
                                          &error));
  g_assert_no_error (error);
  g_assert_false (cw_store_update (store, &cw_entity_action, id, "status", "embedded", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_store_update (store, &cw_entity_action, id, "status", "impact-evidenced",
                                  &error));
  g_assert_true (cw_store_update (store, &cw_entity_action, id, "status", "embedded", &error));
  g_assert_no_error (error);
}

static void
test_closing (Actions       *a,
              gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 one = add_action (a, 0, "One", a->police, "2027-01-31");
  gint64 two = add_action (a, 1, "Two", a->health, "2027-01-31");
  gint64 plan = cw_actions_ensure_plan (store, a->reviews[0], &error);

  g_assert_cmpint (plan, ==, cw_actions_ensure_plan (store, a->reviews[0], &error));
  /* A plan moves a step at a time... */
  g_assert_false (cw_store_update (store, &cw_entity_action_plan, plan, "status", "closed",
                                   &error));
  g_clear_error (&error);
  g_assert_true (cw_analysis_move_status (store, &cw_entity_action_plan, plan, "monitoring",
                                          &error));
  g_assert_no_error (error);
  /* ...and closes only when no action is open. */
  g_assert_false (cw_store_update (store, &cw_entity_action_plan, plan, "status", "closed",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 actions"));
  g_clear_error (&error);
  g_assert_true (cw_analysis_move_status (store, &cw_entity_action, one, "embedded", &error));
  /* An action is closed by a body, with a reason. */
  g_assert_false (cw_actions_close (store, two, a->subgroup, "  ", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cw_store_update (store, &cw_entity_action, two, "closed_on", "2026-11-23",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_actions_close (store, two, a->subgroup, "Replaced by the neglect strategy",
                                   &error));
  g_assert_no_error (error);
  row = cw_store_get (store, &cw_entity_action, two, &error);
  g_assert_cmpstr (cw_record_get (row, "closed_on"), ==, "2026-11-23");
  g_assert_true (cw_store_update (store, &cw_entity_action_plan, plan, "status", "closed",
                                  &error));
  g_assert_no_error (error);
}

static void
test_progress_update (Actions       *a,
                      gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  gint64 id = add_action (a, 0, "One", a->police, "2027-01-31");

  g_assert_cmpint (cw_actions_add_update (store, id, "2026-11-01", "DI Ellis", "in-progress",
                                          "Route agreed with health", &error), >, 0);
  g_assert_cmpint (cw_actions_add_update (store, id, NULL, "DI Ellis", "completed",
                                          "Live since Monday", &error), >, 0);
  g_assert_no_error (error);
  /* A status the action cannot reach refuses the update too. */
  g_assert_cmpint (cw_actions_add_update (store, id, NULL, NULL, "nonsense", "x", &error), ==,
                   0);
  g_assert_nonnull (error);
  filter.review_id = a->reviews[0];
  list = cw_actions_list (store, &filter, &a->today, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((CwAction *) list->pdata[0])->status, ==, "completed");
  g_assert_cmpstr (((CwAction *) list->pdata[0])->latest_update, ==,
                   "2026-11-23: Live since Monday");
}

/* The app adds updates as rows of the progress log's table, not through
 * cw_actions_add_update(): the status an update gives moves the action
 * all the same (the entity's follow function), and an update that keeps
 * the status as it is writes nothing more. */
static void
test_progress_update_row (Actions       *a,
                          gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 id = add_action (a, 0, "One", a->police, "2027-01-31");
  g_autofree char *action = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *moves[] = { "action_id", action, "reported_on", "2026-11-02", "status",
                          "in-progress", "narrative", "Started", NULL };
  const char *keeps[] = { "action_id", action, "reported_on", "2026-11-03", "status",
                          "in-progress", "narrative", "Still going", NULL };

  g_assert_cmpint (cw_store_insert (store, &cw_entity_progress_update, a->reviews[0], moves,
                                    &error), >, 0);
  g_assert_no_error (error);
  row = cw_store_get (store, &cw_entity_action, id, &error);
  g_assert_cmpstr (cw_record_get (row, "status"), ==, "in-progress");
  g_assert_cmpint (cw_store_insert (store, &cw_entity_progress_update, a->reviews[0], keeps,
                                    &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&row);
  row = cw_store_get (store, &cw_entity_action, id, &error);
  g_assert_cmpstr (cw_record_get (row, "status"), ==, "in-progress");
}

static guint
count_listed (Actions              *a,
              const CwActionFilter *filter)
{
  g_autoptr (GPtrArray) list = cw_actions_list (a->base.store, filter, &a->today, NULL);

  return list->len;
}

static void
link_theme (Actions *a,
            guint    recommendation)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 review = recommendation < 2 ? a->reviews[0] : a->reviews[1];
  gint64 finding = cw_analysis_add_finding (store, review, "Finding", NULL, &error);
  g_autofree char *f = id_text (finding);
  g_autofree char *r = id_text (a->recommendations[recommendation]);
  g_autofree char *t = id_text (a->theme);

  insert (store, &cw_entity_finding_theme, review,
          (const char *[]) { "finding_id", f, "theme_id", t, NULL });
  insert (store, &cw_entity_recommendation_finding, review,
          (const char *[]) { "recommendation_id", r, "finding_id", f, NULL });
}

static void
test_across_reviews (Actions       *a,
                     gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) by_agency = NULL;
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  gint64 late = add_action (a, 0, "Late", a->police, "2026-10-01");
  gint64 soon = add_action (a, 1, "Soon", a->health, "2026-12-01");
  gint64 later = add_action (a, 2, "Later", a->police, "2027-06-01");
  gint64 undated = add_action (a, 2, "Undated", a->health, NULL);
  gint64 done = add_action (a, 2, "Done", a->police, "2026-01-01");
  g_autofree char *subgroup = id_text (a->subgroup);

  g_assert_true (cw_analysis_move_status (store, &cw_entity_action, done, "embedded", &error));
  g_assert_true (cw_store_update (store, &cw_entity_action, later, "owner_body", subgroup,
                                  &error));
  link_theme (a, 0);
  all = cw_actions_list (store, NULL, &a->today, &error);
  g_assert_no_error (error);
  /* Open ones, overdue first, then by due date, undated last. */
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (((CwAction *) all->pdata[0])->id, ==, late);
  g_assert_cmpint (((CwAction *) all->pdata[1])->id, ==, soon);
  g_assert_cmpint (((CwAction *) all->pdata[2])->id, ==, later);
  g_assert_cmpint (((CwAction *) all->pdata[3])->id, ==, undated);
  g_assert_cmpstr (((CwAction *) all->pdata[0])->reference, ==, "CSPR-2026-001");
  g_assert_cmpstr (((CwAction *) all->pdata[2])->reference, ==, "CSPR-2026-002");

  filter.agency_id = a->police;
  g_assert_cmpuint (count_listed (a, &filter), ==, 2);
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  filter.body_id = a->subgroup;
  g_assert_cmpuint (count_listed (a, &filter), ==, 1);
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  filter.theme_id = a->theme;
  g_assert_cmpuint (count_listed (a, &filter), ==, 1);
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  filter.due_within = 30;
  g_assert_cmpuint (count_listed (a, &filter), ==, 2); /* late and soon */
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  filter.overdue = TRUE;
  g_assert_cmpuint (count_listed (a, &filter), ==, 1);
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  filter.include_closed = TRUE;
  filter.review_id = a->reviews[1];
  g_assert_cmpuint (count_listed (a, &filter), ==, 3);
  filter.status = "embedded";
  g_assert_cmpuint (count_listed (a, &filter), ==, 1);

  by_agency = cw_actions_count_by (all, "agency");
  g_assert_cmpuint (by_agency->len, ==, 2);
  g_assert_cmpuint (((CwActionCount *) by_agency->pdata[0])->n, ==, 2);

  /* A deleted recommendation takes its actions out of the list, until
   * the undo. */
  g_assert_true (cw_store_delete (store, &cw_entity_recommendation, a->recommendations[0],
                                  &error));
  g_assert_no_error (error);
  filter = (CwActionFilter) CW_ACTION_FILTER_INIT;
  g_assert_cmpuint (count_listed (a, &filter), ==, 3);
  g_assert_true (cw_store_undelete (store, &cw_entity_recommendation, a->recommendations[0],
                                    &error));
  g_assert_cmpuint (count_listed (a, &filter), ==, 4);
}

static void
test_progress_of_plan (Actions       *a,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  CwPlanProgress progress;
  gint64 done = add_action (a, 0, "Done", a->police, "2026-01-01");

  add_action (a, 0, "Late", a->police, "2026-10-01");
  add_action (a, 1, "Later", a->health, "2027-10-01");
  g_assert_true (cw_analysis_move_status (a->base.store, &cw_entity_action, done, "embedded",
                                          &error));
  g_assert_true (cw_actions_get_progress (a->base.store, a->reviews[0], &a->today, &progress,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.total, ==, 3);
  g_assert_cmpuint (progress.done, ==, 1);
  g_assert_cmpuint (progress.overdue, ==, 1);
  g_assert_cmpuint (progress.not_started, ==, 2);
  g_assert_cmpstr (progress.status, ==, "draft");
  /* In the statuses' order, the statuses no action is in left out. */
  g_assert_cmpuint (progress.by_status->len, ==, 2);
  g_assert_cmpstr (((CwActionCount *) progress.by_status->pdata[0])->key, ==, "not-started");
  g_assert_cmpuint (((CwActionCount *) progress.by_status->pdata[0])->n, ==, 2);
  g_assert_cmpstr (((CwActionCount *) progress.by_status->pdata[1])->key, ==, "embedded");
  g_assert_cmpuint (((CwActionCount *) progress.by_status->pdata[1])->n, ==, 1);
  cw_plan_progress_clear (&progress);
  g_assert_null (progress.by_status);
}

static void
test_evidence_files (Actions       *a,
                     gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 action = add_action (a, 0, "Audit", a->police, "2027-01-31");
  static const char audit[] = "Audit of 40 PPNs: 38 shared with health within 2 days.\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (audit, sizeof audit - 1);
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  gint64 file;

  file = cw_actions_attach_file (store, action, "/home/someone/PPN audit.txt", bytes, &error);
  g_assert_no_error (error);
  back = cw_actions_read_file (store, file, &name, &type, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_cmpstr (name, ==, "PPN audit.txt");
  g_assert_cmpstr (type, ==, "text/plain");
  /* The history names the file, never its contents. */
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM audit WHERE old_value LIKE"
                                    " '%38 shared%' OR new_value LIKE '%38 shared%'"), ==, 0);
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM audit WHERE entity = 'action_file'"
                                    " AND new_value = 'PPN audit.txt'"), ==, 1);
  /* Too big is refused, saying how big it may be. */
  big = g_bytes_new_take (g_malloc0 (CW_ACTIONS_MAX_FILE_SIZE + 1),
                          CW_ACTIONS_MAX_FILE_SIZE + 1);
  g_assert_cmpint (cw_actions_attach_file (store, action, "scan.pdf", big, &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "scan.pdf"));
  g_clear_error (&error);
  /* A damaged copy is said to be damaged. */
  g_assert_true (cw_store_exec (store, "UPDATE action_file SET data = x'00'", &error));
  g_assert_null (cw_actions_read_file (store, file, NULL, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
}

/* ------------------------------------------------------- the tracker */

static char *
tracker_path (Actions    *a,
              const char *name)
{
  return g_build_filename (a->base.dir, name, NULL);
}

static GPtrArray *
read_back (const char  *path,
           GArray     **numbers)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;
  g_autoptr (GBytes) bytes = NULL;
  GPtrArray *rows = NULL;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  if (cw_workbook_is_workbook_data (bytes))
    {
      g_autoptr (CwWorkbook) workbook = cw_workbook_new_from_bytes (bytes, path, &error);

      g_assert_no_error (error);
      g_assert_true (cw_workbook_read_sheet (workbook, 0, &rows, numbers, &error));
    }
  else
    {
      g_autoptr (CwCsvReader) reader = cw_csv_reader_new_from_bytes (bytes, path, &error);
      GPtrArray *fields;

      g_assert_no_error (error);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      while (cw_csv_reader_next (reader, &fields, NULL, &error))
        {
          GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < fields->len; i++)
            g_ptr_array_add (copy, g_strdup (fields->pdata[i]));
          g_ptr_array_add (rows, copy);
        }
      if (numbers != NULL)
        *numbers = NULL;
    }
  g_assert_no_error (error);
  return rows;
}

static const char *
cell_of (GPtrArray *rows,
         guint      row,
         guint      column)
{
  GPtrArray *cells = rows->pdata[row];

  return column < cells->len ? cells->pdata[column] : "";
}

/* Writes a copy of @rows as CSV, with @fill's cells put in: what an agency
 * sends back. Each fill is { row, column, text }. */
typedef struct
{
  guint       row;
  guint       column;
  const char *text;
} Fill;

/* The tracker's columns, as cw-actions-exchange.c writes them. */
enum { T_ID = 0, T_REVIEW = 1, T_RECOMMENDATION = 2, T_DESCRIPTION = 3, T_PERSON = 5,
       T_DUE = 7, T_MEASURE = 8, T_STATUS = 10, T_RAG = 11, T_LATEST = 12, T_NEW_STATUS = 13,
       T_NARRATIVE = 14, T_DATE = 15, T_REPORTER = 16, T_COLUMNS = 17 };

static void
write_return (GPtrArray  *rows,
              const Fill *fills,
              guint       n_fills,
              const char *path,
              gboolean    xlsx)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CwCsvWriter) csv = xlsx ? NULL : cw_csv_writer_new (out);
  g_autoptr (CwXlsxWriter) book = xlsx ? cw_xlsx_writer_new ("Returned") : NULL;

  for (guint r = 0; r < rows->len; r++)
    {
      if (book != NULL && r == 0)
        cw_xlsx_writer_begin_heading (book);
      else if (book != NULL)
        cw_xlsx_writer_begin_row (book);
      for (guint c = 0; c < T_COLUMNS; c++)
        {
          const char *text = cell_of (rows, r, c);

          for (guint i = 0; i < n_fills; i++)
            if (fills[i].row == r && fills[i].column == c)
              text = fills[i].text;
          if (book != NULL)
            cw_xlsx_writer_text (book, text, CW_XLSX_STYLE_PLAIN);
          else
            cw_csv_writer_cell (csv, text);
        }
      if (csv != NULL)
        g_assert_true (cw_csv_writer_end_row (csv, NULL, &error));
    }
  if (csv != NULL)
    g_assert_true (cw_csv_writer_finish (csv, NULL, &error));
  else
    g_assert_true (cw_xlsx_writer_write (book, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* Two actions of the first review (one with a real name in its text) and
 * one of the second; the export holds them all, names redacted, and the
 * returned sheet read back changes what the agencies filled in. */
static void
round_trip (Actions  *a,
            gboolean  xlsx)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tracker_path (a, xlsx ? "tracker.xlsx" : "tracker.csv");
  g_autofree char *back = tracker_path (a, xlsx ? "returned.xlsx" : "returned.csv");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) numbers = NULL;
  g_autoptr (CwTrackerImport) preview = NULL;
  g_autoptr (CwTrackerImport) applied = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 late = add_action (a, 0, "Tell Tommy Jones's school", a->police, "2026-10-01");
  gint64 soon = add_action (a, 1, "Audit referrals", a->health, "2026-12-01");
  gint64 other = add_action (a, 2, "Liaison list", a->police, "2027-06-01");
  g_autofree char *late_id = id_text (late);
  g_autofree char *soon_id = id_text (soon);
  guint n = 0;
  gint64 updates;

  insert (store, &cw_entity_person, a->reviews[0],
          (const char *[]) { "pseudonym", "Child T", "real_name", "Tommy Jones", NULL });
  g_assert_true (cw_store_update (store, &cw_entity_action, soon, "impact_measure",
                                  "Fewer repeat referrals", &error));
  g_assert_cmpint (cw_actions_add_update (store, soon, "2026-11-02", "Named nurse", "in-progress",
                                          "Audit tool agreed", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cw_actions_export_tracker (store, NULL, xlsx ? CW_TRACKER_XLSX : CW_TRACKER_CSV,
                                            path, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  rows = read_back (path, &numbers);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (cell_of (rows, 0, T_ID), ==, "Action id");
  g_assert_cmpstr (cell_of (rows, 0, T_NEW_STATUS), ==, "New status");
  g_assert_cmpstr (cell_of (rows, 0, T_REPORTER), ==, "Reported by");
  /* Overdue first, as the list has them. */
  g_assert_cmpstr (cell_of (rows, 1, T_ID), ==, late_id);
  g_assert_cmpstr (cell_of (rows, 1, T_REVIEW), ==, "CSPR-2026-001");
  g_assert_cmpstr (cell_of (rows, 1, T_RECOMMENDATION), ==, "1. Share PPNs");
  /* The real name never leaves the machine. */
  g_assert_cmpstr (cell_of (rows, 1, T_DESCRIPTION), ==, "Tell Child T's school");
  g_assert_cmpstr (cell_of (rows, 1, T_DUE), ==, "2026-10-01");
  g_assert_cmpstr (cell_of (rows, 1, T_STATUS), ==, "Not started");
  g_assert_cmpstr (cell_of (rows, 1, T_RAG), ==, "Red – Overdue");
  g_assert_cmpstr (cell_of (rows, 2, T_ID), ==, soon_id);
  g_assert_cmpstr (cell_of (rows, 2, T_MEASURE), ==, "Fewer repeat referrals");
  g_assert_cmpstr (cell_of (rows, 2, T_STATUS), ==, "In progress");
  g_assert_cmpstr (cell_of (rows, 2, T_RAG), ==, "Amber – Due soon");
  g_assert_cmpstr (cell_of (rows, 2, T_LATEST), ==, "2 Nov 2026: Audit tool agreed");
  g_assert_cmpstr (cell_of (rows, 3, T_REVIEW), ==, "CSPR-2026-002");
  g_assert_cmpstr (cell_of (rows, 3, T_RAG), ==, "Green – On track");
  g_assert_cmpstr (cell_of (rows, 3, T_NEW_STATUS), ==, "");
  g_assert_cmpstr (cell_of (rows, 3, T_NARRATIVE), ==, "");

  {
    /* The police move the late one on; health report progress without a
     * new status; the third row comes back as it went. */
    const Fill fills[] = {
      { 1, T_NEW_STATUS, "in progress" }, { 1, T_NARRATIVE, "Letter sent to the school" },
      { 1, T_DATE, "20/11/2026" }, { 1, T_REPORTER, "DI Ellis" },
      { 2, T_NEW_STATUS, "Completed" }, { 2, T_NARRATIVE, "Audit done" },
    };

    write_return (rows, fills, G_N_ELEMENTS (fills), back, xlsx);
  }
  updates = first_id (store, "SELECT count (*) FROM progress_update");
  preview = cw_actions_import_tracker (store, back, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 2);
  g_assert_cmpuint (preview->n_rows, ==, 3);
  g_assert_cmpuint (preview->n_unchanged, ==, 1);
  g_assert_false (preview->applied);
  {
    CwTrackerChange *c = preview->changes->pdata[0];

    g_assert_cmpuint (c->row, ==, 2);
    g_assert_cmpint (c->action_id, ==, late);
    g_assert_cmpstr (c->reference, ==, "CSPR-2026-001");
    g_assert_cmpstr (c->status_from, ==, "not-started");
    g_assert_cmpstr (c->status_to, ==, "in-progress");
    g_assert_cmpstr (c->narrative, ==, "Letter sent to the school");
    g_assert_cmpstr (c->reported_on, ==, "2026-11-20");
    g_assert_cmpstr (c->reporter, ==, "DI Ellis");
    c = preview->changes->pdata[1];
    g_assert_cmpstr (c->status_to, ==, "completed");
    g_assert_cmpstr (c->reported_on, ==, "2026-11-23"); /* today, by the clock */
  }
  /* A preview writes nothing. */
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM progress_update"), ==, updates);
  list = cw_actions_list (store, NULL, &a->today, NULL);
  g_assert_cmpstr (((CwAction *) list->pdata[0])->status, ==, "not-started");
  g_clear_pointer (&list, g_ptr_array_unref);

  applied = cw_actions_import_tracker (store, back, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (applied->applied);
  g_assert_cmpuint (applied->changes->len, ==, 2);
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM progress_update"), ==, updates + 2);
  list = cw_actions_list (store, NULL, &a->today, NULL);
  g_assert_cmpint (((CwAction *) list->pdata[0])->id, ==, late);
  g_assert_cmpstr (((CwAction *) list->pdata[0])->status, ==, "in-progress");
  g_assert_cmpstr (((CwAction *) list->pdata[0])->latest_update, ==,
                   "2026-11-20: Letter sent to the school");
  g_assert_cmpstr (((CwAction *) list->pdata[1])->status, ==, "completed");
  g_assert_cmpstr (((CwAction *) list->pdata[2])->status, ==, "not-started");
  g_assert_cmpint (((CwAction *) list->pdata[2])->id, ==, other);
}

static void
test_tracker_csv (Actions       *a,
                  gconstpointer  data)
{
  round_trip (a, FALSE);
}

static void
test_tracker_xlsx (Actions       *a,
                   gconstpointer  data)
{
  round_trip (a, TRUE);
}

static gboolean
has_problem (CwTrackerImport *import,
             guint            row,
             const char      *column,
             const char      *words)
{
  for (guint i = 0; i < import->problems->len; i++)
    {
      CwTrackerProblem *p = import->problems->pdata[i];

      if (p->row == row && g_strcmp0 (p->column, column) == 0 && strstr (p->message, words))
        return TRUE;
    }
  return FALSE;
}

/* Every problem is reported by row and column, and with one of them
 * nothing at all is written, not even the rows that were sound. */
static void
test_tracker_refused (Actions       *a,
                      gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tracker_path (a, "tracker.csv");
  g_autofree char *back = tracker_path (a, "returned.csv");
  g_autofree char *bare = tracker_path (a, "bare.csv");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (CwTrackerImport) import = NULL;
  gint64 first = add_action (a, 0, "One", a->police, "2026-10-01");
  gint64 done = add_action (a, 0, "Two", a->police, "2026-12-01");
  gint64 closed = add_action (a, 1, "Three", a->health, "2027-01-01");
  gint64 fourth = add_action (a, 2, "Four", a->health, "2027-02-01");
  g_autofree char *gone = id_text (fourth + 100);
  gint64 updates;

  g_assert_true (cw_analysis_move_status (store, &cw_entity_action, done, "impact-evidenced",
                                          &error));
  g_assert_true (cw_actions_export_tracker (store, NULL, CW_TRACKER_CSV, path, NULL, NULL,
                                            &error));
  g_assert_true (cw_actions_close (store, closed, a->subgroup, "Superseded", &error));
  g_assert_no_error (error);
  rows = read_back (path, NULL);
  g_assert_cmpuint (rows->len, ==, 5);
  {
    const Fill fills[] = {
      { 1, T_NEW_STATUS, "In progress" }, { 1, T_DATE, "2026-11-01" },     /* sound */
      { 2, T_NEW_STATUS, "Not started" },                                   /* three back */
      { 3, T_NARRATIVE, "More" },                                           /* closed since */
      { 4, T_ID, gone }, { 4, T_NARRATIVE, "x" },                            /* unknown id */
    };

    write_return (rows, fills, G_N_ELEMENTS (fills), back, FALSE);
  }
  updates = first_id (store, "SELECT count (*) FROM progress_update");
  import = cw_actions_import_tracker (store, back, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (import->applied);
  g_assert_cmpuint (import->problems->len, ==, 3);
  g_assert_true (has_problem (import, 3, "N", "cannot go back to “Not started”"));
  g_assert_true (has_problem (import, 4, "A", "closed by the monitoring body"));
  g_assert_true (has_problem (import, 5, "A", "no action has id"));
  g_assert_cmpstr (((CwTrackerProblem *) import->problems->pdata[0])->heading, ==, "New status");
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM progress_update"), ==, updates);
  g_assert_cmpint (first_id (store, "SELECT count (*) FROM action WHERE status = 'not-started'"),
                   ==, 3);
  g_clear_pointer (&import, cw_tracker_import_free);

  {
    /* A status that is none, a date that is none or still to come, the same
     * action twice, a date alone. */
    g_autofree char *first_text = id_text (first);
    g_autofree char *fourth_text = id_text (fourth);
    const Fill fills[] = {
      { 1, T_NEW_STATUS, "Done" },
      { 2, T_ID, first_text }, { 2, T_NARRATIVE, "Again" }, { 2, T_DATE, "31/02/2026" },
      { 3, T_ID, "" }, { 3, T_NARRATIVE, "Whose?" },
      { 4, T_ID, fourth_text }, { 4, T_DATE, "1 Jan 2027" },
    };

    write_return (rows, fills, G_N_ELEMENTS (fills), back, FALSE);
  }
  import = cw_actions_import_tracker (store, back, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (has_problem (import, 2, "N", "“Done” is not a status; use one of “Not started”"));
  g_assert_true (has_problem (import, 3, "A", "is also on row 2"));
  g_assert_true (has_problem (import, 4, "A", "no action id"));
  g_assert_true (has_problem (import, 5, "P", "after today"));
  g_assert_cmpuint (import->problems->len, ==, 4);
  g_clear_pointer (&import, cw_tracker_import_free);

  {
    const Fill fills[] = { { 1, T_DATE, "2026-13-01" }, { 2, T_REPORTER, "DI Ellis" } };

    write_return (rows, fills, G_N_ELEMENTS (fills), back, FALSE);
  }
  import = cw_actions_import_tracker (store, back, FALSE, &error);
  g_assert_true (has_problem (import, 2, "P", "“2026-13-01” is not a date"));
  g_assert_true (has_problem (import, 3, "N", "no new status and no progress narrative"));
  g_clear_pointer (&import, cw_tracker_import_free);

  /* A file that is no tracker says so. */
  g_assert_true (g_file_set_contents (bare, "Id,Status\n1,Done\n", -1, NULL));
  g_assert_null (cw_actions_import_tracker (store, bare, TRUE, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not an action tracker"));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (bare, "Action id,New status\n1,Done\n", -1, NULL));
  g_assert_null (cw_actions_import_tracker (store, bare, TRUE, &error));
  g_assert_nonnull (strstr (error->message, "no column “Progress narrative”"));
}

/* Written through the store's outputs: never over the database. */
static void
test_tracker_not_over_database (Actions       *a,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  add_action (a, 0, "One", a->police, "2026-10-01");
  g_assert_false (cw_actions_export_tracker (a->base.store, NULL, CW_TRACKER_CSV, a->base.path,
                                             NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (first_id (a->base.store, "SELECT count (*) FROM action"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  g_test_add_func ("/actions/rag", test_rag);
#define ADD(path, func) \
  g_test_add ("/actions/" path, Actions, NULL, actions_set_up, func, actions_tear_down)
  ADD ("statuses", test_statuses);
  ADD ("closing", test_closing);
  ADD ("progress-update", test_progress_update);
  ADD ("progress-update-row", test_progress_update_row);
  ADD ("across-reviews", test_across_reviews);
  ADD ("progress-of-plan", test_progress_of_plan);
  ADD ("evidence-files", test_evidence_files);
  ADD ("tracker/csv", test_tracker_csv);
  ADD ("tracker/xlsx", test_tracker_xlsx);
  ADD ("tracker/refused", test_tracker_refused);
  ADD ("tracker/not-over-database", test_tracker_not_over_database);
#undef ADD
  return g_test_run ();
}

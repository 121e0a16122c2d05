/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cw-chronology-import-private.h"
#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-store-private.h"
#include "test-helpers.h"
#include "test-sleeps.h"

static GPtrArray *
import_entries (CwChronologyImport *import)
{
  return import->entries;
}

/* The chronology in the store: imports as one transaction, replacement of
 * a return imported again, order, gaps, links, search, export. */

typedef struct
{
  Fixture base;
  gint64  review;
  gint64  police;
  gint64  health;
} Chrono;

static gint64
add_agency (CwStore    *store,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  const char *pairs[] = { "name", name, NULL };
  gint64 id = cw_store_insert (store, &cw_entity_agency, 0, pairs, &error);

  g_assert_no_error (error);
  return id;
}

static void
chrono_set_up (Chrono        *c,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  GDate today = date_of ("2026-11-23");

  fixture_set_up (&c->base, data);
  reference = cw_store_create_review (c->base.store, "cspr", "Test review", "Child T", &today,
                                      &c->review, &error);
  g_assert_no_error (error);
  c->police = add_agency (c->base.store, "Northshire Police");
  c->health = add_agency (c->base.store, "Northshire Community Health");
}

static void
chrono_tear_down (Chrono        *c,
                  gconstpointer  data)
{
  fixture_tear_down (&c->base, data);
}

static gint64
sql_int (CwStore    *store,
         const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static CwChronologyImport *
import_of (const char *csv,
           const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (GError) error = NULL;
  CwChronologyImport *import = cw_chronology_import_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static CwImportResult
run_import (Chrono       *c,
            const char   *csv,
            gint64        agency,
            CwImportFlags flags)
{
  g_autoptr (CwChronologyImport) import = import_of (csv, "return.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, agency, flags, NULL,
                                           NULL, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

static CwChronologyModel *
model_of (Chrono                   *c,
          const CwChronologyFilter *filter)
{
  g_autoptr (GError) error = NULL;
  CwChronologyModel *model = cw_chronology_model_new (c->base.store, c->review);

  g_assert_true (cw_chronology_model_refresh (model, filter, &error));
  g_assert_no_error (error);
  return model;
}

static char *
description_at (CwChronologyModel *model,
                guint              position)
{
  g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP)
    return g_strdup_printf ("gap %u", cw_chronology_item_get_gap_days (item));
  return g_strdup (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION));
}

/* Lists what the model shows, "a|b|gap 40|c", to compare in one go. */
static char *
descriptions (CwChronologyModel *model)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autofree char *text = description_at (model, i);
      g_string_append_printf (out, "%s%s", i ? "|" : "", text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char police_v1[] =
  "Date,Time,Record ref,Details,Significant?\n"
  "03/04/2025,22:15,CAD 100,Call-out to the home,Yes\n"
  "c. May 2025,,CAD 101,Neighbour reports shouting,\n"
  "14/09/2025,,CAD 102,Second call-out,Yes\n";

static const char health_return[] =
  "Date of contact,Source,Event,Significance,Themes\n"
  "2025-04-03,HV 1,New birth visit,routine,health visiting\n"
  "15/09/2025,HV 2,Told of the call-out,significant,domestic abuse; information sharing\n";

static void
test_import_and_order (Chrono        *c,
                       gconstpointer  data)
{
  CwImportResult result = run_import (c, police_v1, c->police, 0);
  g_autoptr (CwChronologyModel) model = NULL;
  g_autofree char *order = NULL;

  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 0);
  result = run_import (c, health_return, c->health, 0);
  g_assert_cmpuint (result.added, ==, 2);

  model = model_of (c, NULL);
  order = descriptions (model);
  /* Same day: the untimed health visit before the timed call-out; the
   * month-precision entry before the days of that month; a gap from
   * mid-May (the approximate month reaches 30 June) to September. */
  g_assert_cmpstr (order, ==, "New birth visit|Call-out to the home|Neighbour reports shouting|"
                              "gap 75|Second call-out|Told of the call-out");
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 5);
  g_assert_cmpuint (cw_chronology_model_get_n_gaps (model), ==, 1);
  g_assert_cmpint (cw_chronology_count_entries (c->base.store, c->review), ==, 5);

  /* The return is recorded, received, and the agency is now involved. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"
                                           " WHERE status = 'received'"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM review_agency"), ==, 2);
}

static void
test_item_fields (Chrono        *c,
                  gconstpointer  data)
{
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (CwChronologyItem) item = NULL;
  g_autofree char *date = NULL;

  run_import (c, police_v1, c->police, 0);
  model = model_of (c, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (model), 1);
  date = cw_chronology_item_dup_date_text (item);
  g_assert_cmpstr (date, ==, "c. May 2025");
  g_assert_cmpstr (cw_chronology_item_get_agency (item), ==, "Northshire Police");
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE), ==, "CAD 101");
  g_assert_cmpint (cw_chronology_item_get_significance (item), ==,
                   CW_CHRONO_SIGNIFICANCE_ROUTINE);
  g_assert_cmpstr (cw_chronology_item_get_range_first (item), ==, "2025-04-01");
  g_assert_cmpstr (cw_chronology_item_get_range_last (item), ==, "2025-06-30");
  g_assert_cmpstr (cw_chronology_item_get_provenance (item), ==,
                   "return.csv, row 3, imported 2026-11-23");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (cw_chronology_item_get_significance (item), ==,
                   CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
  g_assert_true (cw_chronology_item_get_start (item)->has_time);
}

/* Entries are read a block at a time: whatever order the rows are asked
 * in, across blocks, each item is its own entry. */
static void
test_items_read_in_blocks (Chrono        *c,
                           gconstpointer  data)
{
  g_autoptr (GString) csv = g_string_new ("Date,Record ref,Details\n");
  g_autoptr (CwChronologyModel) model = NULL;
  const guint n = 80;
  const guint order[] = { 70, 33, 31, 32, 0 };

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%02u/01/2025,CAD %u,Entry %u\n", 1 + i % 28, i, i);
  /* Days repeat every 28 rows: the order is by day, then as imported. */
  run_import (c, csv->str, c->police, 0);
  model = model_of (c, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  for (guint k = 0; k < G_N_ELEMENTS (order) + n; k++)
    {
      guint position = k < G_N_ELEMENTS (order) ? order[k] : n - 1 - (k - G_N_ELEMENTS (order));
      g_autoptr (CwChronologyItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);
      const char *source = cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE);
      g_autofree char *description = NULL;
      g_autofree char *provenance = NULL;
      guint row;

      g_assert_nonnull (source);
      g_assert_true (g_str_has_prefix (source, "CAD "));
      row = (guint) atoi (source + 4);
      g_assert_cmpuint (row, <, n);
      /* Days 1 to 24 have three rows each, 25 to 28 two. */
      g_assert_cmpuint (row % 28, ==, position < 72 ? position / 3 : 24 + (position - 72) / 2);
      description = g_strdup_printf ("Entry %u", row);
      g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION), ==,
                       description);
      provenance = g_strdup_printf ("return.csv, row %u, imported 2026-11-23", row + 2);
      g_assert_cmpstr (cw_chronology_item_get_provenance (item), ==, provenance);
      g_assert_cmpint (cw_chronology_item_get_id (item), ==,
                       cw_chronology_model_get_entry_id (model, position));
    }
}

static void
test_filters_and_search (Chrono        *c,
                         gconstpointer  data)
{
  g_auto (CwChronologyFilter) filter = { 0 };
  g_autoptr (CwChronologyModel) model = NULL;
  g_autofree char *text = NULL;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);

  filter.text = g_strdup ("call");
  model = model_of (c, &filter);
  text = descriptions (model);
  /* Prefix search over description, source, action, outcome, impact; no gaps. */
  g_assert_cmpstr (text, ==, "Call-out to the home|Second call-out|Told of the call-out");
  g_clear_pointer (&text, g_free);

  g_clear_pointer (&filter.text, g_free);
  filter.text = g_strdup ("CAD 10");
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);

  /* FTS5 syntax is taken as letters to look for, never as an operator. */
  g_clear_pointer (&filter.text, g_free);
  filter.text = g_strdup ("NOT \"second* OR");
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 0);
  g_clear_pointer (&filter.text, g_free);

  /* Nothing to look for is refused, never every entry; blank is no search. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GError) error = NULL;

      filter.text = g_strdup ((const char *[]) { "*", "(", " -- ** " }[i]);
      g_assert_false (cw_chronology_model_refresh (model, &filter, &error));
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "no letters or digits"));
      g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 0);
      g_clear_pointer (&filter.text, g_free);
    }
  filter.text = g_strdup ("   ");
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 5);
  g_clear_pointer (&filter.text, g_free);

  filter.agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (filter.agency_ids, c->health);
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  text = descriptions (model);
  g_assert_cmpstr (text, ==, "New birth visit|gap 164|Told of the call-out");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&filter.agency_ids, g_array_unref);

  filter.significances = 1 << CW_CHRONO_SIGNIFICANCE_SIGNIFICANT;
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);
  filter.significances = 0;

  filter.from = g_strdup ("2025-06-01");
  filter.to = g_strdup ("2025-09-14");
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  text = descriptions (model);
  /* "c. May 2025" may reach June: kept; 15 September is out. */
  g_assert_cmpstr (text, ==, "Neighbour reports shouting|gap 75|Second call-out");
  g_clear_pointer (&text, g_free);
  cw_chronology_filter_clear (&filter);

  filter.tag = g_strdup ("Information Sharing");
  g_assert_true (cw_chronology_model_refresh (model, &filter, NULL));
  text = descriptions (model);
  g_assert_cmpstr (text, ==, "Told of the call-out");
}

/* An agency's cells with control characters lose them: paragraphs keep
 * line breaks and tabs, one-line fields get spaces for them. */
static void
test_import_drops_controls (Chrono        *c,
                            gconstpointer  data)
{
  static const char hostile[] =
    "Date,Record ref,Officer,Details\n"
    "03/04/2025,\"CAD\t100\r\nb\",PC\x1b[31mBenn\a,\"Line one\r\n\tLine two\x1b]0;x\a\xe2\x80\xae\"\n"
    "04/04/2025,CAD 101,PC Benn,A row of plain text so that the file reads as text\n";
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (CwChronologyItem) item = NULL;

  run_import (c, hostile, c->police, 0);
  model = model_of (c, NULL);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION), ==,
                   "Line one\n\tLine two]0;x");
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE), ==, "CAD 100 b");
  g_assert_cmpstr (cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR), ==, "PC[31mBenn");
}

static void
test_search_query (void)
{
  const struct { const char *text, *query; } cases[] = {
    { "hospital burn", "\"hospital\"* \"burn\"*" },
    { "  NOT  ", "\"NOT\"*" },
    { "a\"b", "\"a\"* \"b\"*" },
    { "café", "\"café\"*" },
    { "-- ** ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = cw_chronology_search_query (cases[i].text);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static const char with_errors[] =
  "Date,Record ref,Details\n"
  "03/04/2025,CAD 1,Fine\n"
  "31/02/2025,CAD 2,Impossible date\n"
  "04/04/2025,,No source\n"
  ",,\n"
  "05/04/2025,CAD 5,Also fine\n";

static void
test_rows_with_errors (Chrono        *c,
                       gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import = import_of (with_errors, "police.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;
  GPtrArray *problems;
  g_autofree char *first = NULL;

  g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
  g_assert_cmpuint (cw_chronology_import_get_n_valid (import), ==, 2);
  g_assert_cmpuint (cw_chronology_import_get_n_rejected (import), ==, 2);
  g_assert_cmpuint (cw_chronology_import_get_n_skipped (import), ==, 1);
  problems = cw_chronology_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 2);
  first = cw_import_problem_format (problems->pdata[0], "police.csv");
  g_assert_nonnull (strstr (first, "police.csv"));
  g_assert_nonnull (strstr (first, "row 3"));
  g_assert_nonnull (strstr (first, "column A"));

  /* Not told to drop the bad rows: nothing is written. */
  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0, NULL,
                                            NULL, NULL, &result, &error));
  g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_HAS_PROBLEMS);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 0);

  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, c->police,
                                           CW_IMPORT_VALID_ROWS, NULL, NULL, NULL, &result,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.rejected, ==, 2);
}

/* An import through a connection of its own (the app's runs in a job)
 * reports the tables it wrote; told to the app's connection, its
 * chronology is read again. */
static void
test_import_reports_tables (Chrono        *c,
                            gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import =
    import_of ("Date,Record ref,Details\n03/04/2025,A,x\n04/04/2025,B,y\n", "police.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) worker = cw_store_open (c->base.path, &error);
  g_autoptr (CwChronologyModel) model = model_of (c, NULL);
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GPtrArray) tables = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  CwImportResult result;

  g_assert_no_error (error);
  cw_store_keep_changes (worker);
  g_assert_true (cw_chronology_import_run (import, worker, c->review, c->police,
                                           CW_IMPORT_VALID_ROWS, NULL, NULL, NULL, &result,
                                           &error));
  g_assert_no_error (error);
  changes = cw_store_take_changes (worker);
  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (tables, (gpointer) g_array_index (changes, CwStoreChange, i).table);
  g_ptr_array_add (tables, NULL);
  joined = g_strjoinv (" ", (char **) tables->pdata);
  /* In the order first written, once each. */
  g_assert_cmpstr (joined, ==, "review_agency audit agency_return agency chronology_entry "
                               "chronology_import");

  /* The app's list, read before, is read again once told. */
  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 0);
  cw_store_announce_changes (c->base.store, changes);
  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 2);
}

static void
test_nothing_valid (Chrono        *c,
                    gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import =
    import_of ("Date,Record ref,Details\n31/02/2025,A,x\n32/01/2025,B,y\n", "bad.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, c->police,
                                            CW_IMPORT_VALID_ROWS, NULL, NULL, NULL, &result,
                                            &error));
  g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NOTHING_VALID);
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
}

static void
test_header_only_and_empty (void)
{
  const char *cases[] = { "Date,Record ref,Details\n", "Date,Record ref,Details\n,,\n\n" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i], strlen (cases[i]));
      g_autoptr (CwChronologyImport) import = cw_chronology_import_new_from_bytes (bytes, "h.csv",
                                                                                   &error);
      if (i == 0)
        {
          g_assert_null (import);
          g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS);
          g_assert_nonnull (strstr (error->message, "h.csv"));
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
          g_assert_cmpuint (cw_chronology_import_get_n_valid (import), ==, 0);
        }
    }
}

static char *
big_return (guint rows)
{
  GString *csv = g_string_new ("Date,Record ref,Details\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "%02u/%02u/2024,REF %u,Entry %u\n", i % 28 + 1, i % 12 + 1, i,
                            i);
  return g_string_free (csv, FALSE);
}

static void
cancel_halfway (double   fraction,
                gpointer user_data)
{
  if (fraction > 0.4)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_nothing (Chrono        *c,
                            gconstpointer  data)
{
  g_autofree char *csv = big_return (5000);
  g_autoptr (CwChronologyImport) import = import_of (csv, "big.csv");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0,
                                            cancellable, cancel_halfway, cancellable, &result,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_import"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'entry'"), ==, 0);
}

/* A full disk, as SQLite sees it when the file may grow no more: the
 * error says so and names the file, not a row; nothing is written. */
static void
test_disk_full (Chrono        *c,
                gconstpointer  data)
{
  g_autofree char *csv = big_return (5000);
  g_autoptr (CwChronologyImport) import = import_of (csv, "big.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *limit = NULL;
  CwImportResult result;

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           sql_int (c->base.store, "PRAGMA page_count") + 8);
  g_assert_true (cw_store_exec (c->base.store, limit, &error));
  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0, NULL,
                                            NULL, NULL, &result, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_DISK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is full"));
  g_assert_nonnull (strstr (error->message, c->base.path));
  g_assert_null (strstr (error->message, "Row "));
  g_clear_error (&error);
  g_assert_true (cw_store_exec (c->base.store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);

  /* One change of one field, the same. */
  g_assert_true (cw_store_exec (c->base.store, limit, &error));
  {
    g_autofree char *text = g_strnfill (60000, 'x');

    g_assert_false (cw_store_update (c->base.store, &cw_entity_review, c->review, "summary", text,
                                     &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_DISK);
    g_assert_nonnull (strstr (error->message, "is full"));
  }
}

static char *
sql_text (CwStore    *store,
          const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, &error);
  char *value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* How the connection wrote, seen from inside the import. */
typedef struct
{
  CwStore    *store;
  CwStoreBulk bulk;
  char       *journal_mode;
  gint64      cache_size;
} BulkSeen;

static void
see_bulk (double   fraction,
          gpointer user_data)
{
  BulkSeen *seen = user_data;

  if (seen->journal_mode != NULL)
    return;
  seen->bulk = cw_store_get_bulk (seen->store);
  seen->journal_mode = sql_text (seen->store, "PRAGMA journal_mode");
  seen->cache_size = sql_int (seen->store, "PRAGMA cache_size");
}

static void
import_seeing_bulk (Chrono   *c,
                    guint     rows,
                    BulkSeen *seen)
{
  g_autofree char *csv = big_return (rows);
  g_autoptr (CwChronologyImport) import = import_of (csv, "big.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  seen->store = c->base.store;
  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0, NULL,
                                           see_bulk, seen, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, rows);
}

/* The connection's everyday settings, back after a bulk import. */
static void
assert_everyday (CwStore *store)
{
  g_autofree char *mode = sql_text (store, "PRAGMA journal_mode");

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (sql_int (store, "PRAGMA synchronous"), ==, 1); /* NORMAL */
  g_assert_cmpint (sql_int (store, "PRAGMA cache_size"), ==, -16384);
  g_assert_cmpint (cw_store_get_bulk (store), ==, CW_STORE_BULK_NONE);
}

/* Alone with the file, a large import writes straight into it behind a
 * rollback journal, then goes back to the write-ahead log. */
static void
test_bulk_import_alone (Chrono        *c,
                        gconstpointer  data)
{
  BulkSeen seen = { 0 };

  import_seeing_bulk (c, 3000, &seen);
  g_assert_cmpint (seen.bulk, ==, CW_STORE_BULK_JOURNAL);
  g_assert_cmpstr (seen.journal_mode, ==, "delete");
  g_assert_cmpint (seen.cache_size, ==, -2000);
  assert_everyday (c->base.store);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 3000);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'entry'"), ==, 3000);
  g_free (seen.journal_mode);
}

/* With the app's connection open (its import dialog writes through one of
 * its own), the log stays: the app reads on while the import writes. */
static void
test_bulk_import_beside_app (Chrono        *c,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) app = cw_store_open (c->base.path, &error);
  BulkSeen seen = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (sql_int (app, "SELECT count (*) FROM chronology_entry"), ==, 0);
  import_seeing_bulk (c, 3000, &seen);
  g_assert_cmpint (seen.bulk, ==, CW_STORE_BULK_LOG);
  g_assert_cmpstr (seen.journal_mode, ==, "wal");
  g_assert_cmpint (seen.cache_size, ==, -262144);
  assert_everyday (c->base.store);
  g_assert_cmpint (sql_int (app, "SELECT count (*) FROM chronology_entry"), ==, 3000);
  g_free (seen.journal_mode);
}

/* A bulk transaction ended while another connection reads the file: the
 * log cannot come back at once, so the connection keeps the rollback
 * journal, safely (synchronous FULL), without waiting, with its other
 * settings back; and goes back to the log at its next transaction. */
static void
test_bulk_end_beside_a_reader (Chrono        *c,
                               gconstpointer  data)
{
  CwStore *store = c->base.store;
  g_autoptr (GError) error = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *reader = NULL;

  g_assert_true (cw_store_begin_bulk (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_bulk (store), ==, CW_STORE_BULK_JOURNAL);
  add_agency (store, "Northshire Homes");
  g_assert_cmpint (sqlite3_open_v2 (c->base.path, &reader, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count (*) FROM agency", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  test_sleeps_reset ();
  cw_store_rollback (store);
  g_assert_cmpint (test_sleeps_get (), ==, 0); /* it did not wait for the reader */
  g_assert_true (cw_store_get_log_pending (store));
  mode = sql_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_clear_pointer (&mode, g_free);
  g_assert_cmpint (sql_int (store, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (sql_int (store, "PRAGMA cache_size"), ==, -16384);
  g_assert_cmpint (cw_store_get_bulk (store), ==, CW_STORE_BULK_NONE);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM agency"
                                   " WHERE name = 'Northshire Homes'"), ==, 0);

  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (reader);
  add_agency (store, "Northshire Homes");
  assert_everyday (store);
  g_assert_false (cw_store_get_log_pending (store));
}

/* The child process of test_crash_during_bulk_import(): it dies in the
 * middle of writing, after some pages are in the file. */
static void
crash_midway (double   fraction,
              gpointer user_data)
{
  const char *path = user_data;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;

  if (fraction < 0.6)
    return;
  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    g_print ("journal\n");
  if (g_stat (path, &st) == 0 && st.st_size > atoi (g_getenv ("CW_TEST_SIZE_BEFORE")))
    g_print ("written\n");
  fflush (stdout);
  _exit (3);
}

static void
crash_child (void)
{
  const char *path = g_getenv ("CW_TEST_DATABASE");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open (path, &error);
  g_autofree char *csv = big_return (20000);
  g_autoptr (CwChronologyImport) import = import_of (csv, "big.csv");
  CwImportResult result;

  g_assert_no_error (error);
  cw_chronology_import_run (import, store, sql_int (store, "SELECT min (id) FROM review"),
                            sql_int (store, "SELECT min (id) FROM agency"), 0, NULL,
                            crash_midway, (gpointer) path, &result, &error);
  g_assert_not_reached ();
}

/* A crash in the middle of a bulk import, once pages have reached the file:
 * the next start finds the file whole, as it was before the import. */
static void
test_crash_during_bulk_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *mode = NULL;
  g_autoptr (CwStore) store = NULL;
  GDate today = date_of ("2026-11-23");
  GStatBuf st;
  gint64 review;

  if (g_test_subprocess ())
    {
      crash_child ();
      return;
    }
  dir = g_dir_make_tmp ("casewise-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "casewise.db", NULL);
  store = cw_store_open (path, &error);
  g_assert_no_error (error);
  g_free (cw_store_create_review (store, "cspr", "Test review", "Child T", &today, &review,
                                  &error));
  g_assert_no_error (error);
  add_agency (store, "Northshire Police");
  g_clear_object (&store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_size);
  g_setenv ("CW_TEST_DATABASE", path, TRUE);
  g_setenv ("CW_TEST_SIZE_BEFORE", size, TRUE);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  /* The test is only worth its name if the child died with pages written
   * behind a journal. */
  g_test_trap_assert_stdout ("*journal*written*");

  store = cw_store_open (path, &error);
  g_assert_no_error (error);
  integrity = sql_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  mode = sql_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM chronology_import"), ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM agency_return"), ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM agency"), ==, 1);
  journal = g_strconcat (path, "-journal", NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_failure_leaves_nothing (Chrono        *c,
                             gconstpointer  data)
{
  g_autofree char *csv = big_return (200);
  g_autoptr (CwChronologyImport) import = import_of (csv, "big.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  /* The database fails the 150th row, as a full disk would. */
  g_assert_true (cw_store_exec (c->base.store,
                                "CREATE TEMP TRIGGER fail AFTER INSERT ON main.chronology_entry"
                                " WHEN NEW.import_row = 151 BEGIN"
                                " SELECT RAISE (ABORT, 'disk full'); END", &error));
  g_assert_no_error (error);
  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0,
                                            NULL, NULL, NULL, &result, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Row 151"));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_import"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"
                                           " WHERE entity = 'chronology_import'"), ==, 0);
}

static void
test_dry_run (Chrono        *c,
              gconstpointer  data)
{
  CwImportResult result = run_import (c, police_v1, c->police, CW_IMPORT_DRY_RUN);

  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpint (result.import_id, ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 0);
}

static gint64
entry_by_source (Chrono     *c,
                 const char *source)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (c->base.store, "SELECT id FROM chronology_entry"
                                                        " WHERE source = ? AND deleted = 0",
                                         &error);
  gint64 id = 0;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static GArray *
ids_of (gint64 a,
        gint64 b)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, a);
  if (b != 0)
    g_array_append_val (ids, b);
  return ids;
}

static const char police_v2[] =
  "Date,Time,Record ref,Details,Significant?\n"
  "03/04/2025,22:15,CAD 100,Call-out to the home (corrected),Yes\n"
  "14/09/2025,,CAD 102,Second call-out,Yes\n"
  "20/10/2025,,CAD 103,Third call-out,\n";

static void
test_reimport_replaces (Chrono        *c,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) key = NULL;
  g_autoptr (GArray) pair = NULL;
  g_autoptr (CwRecord) entry = NULL;
  CwImportResult result;
  gint64 first, second, visit;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);
  first = entry_by_source (c, "CAD 100");
  second = entry_by_source (c, "CAD 102");
  visit = entry_by_source (c, "HV 2");
  key = ids_of (first, 0);
  g_assert_true (cw_chronology_set_significance (c->base.store, key, CW_CHRONO_SIGNIFICANCE_KEY,
                                                 &error));
  g_assert_no_error (error);
  pair = ids_of (second, visit);
  g_assert_true (cw_chronology_link (c->base.store, pair, &error));
  g_assert_no_error (error);

  result = run_import (c, police_v2, c->police, 0);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.updated, ==, 1);   /* CAD 100, corrected */
  g_assert_cmpuint (result.unchanged, ==, 1); /* CAD 102, a row higher */
  g_assert_cmpuint (result.removed, ==, 1);
  /* Where each entry now comes from: this import, and its row in it. */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT count (*) FROM chronology_entry WHERE deleted = 0 AND agency_id = %" G_GINT64_FORMAT
      " AND import_id IS NOT (SELECT max (id) FROM chronology_import)", c->police);

    g_assert_cmpint (sql_int (c->base.store, sql), ==, 0);
  }
  g_assert_cmpint (sql_int (c->base.store, "SELECT import_row FROM chronology_entry"
                                           " WHERE source = 'CAD 102' AND deleted = 0"), ==, 3);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE deleted = 0"), ==, 5);
  /* The entry the agency took out is deleted as a person would delete it:
   * the history says so, with its free text by length only (README). */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit WHERE action = 'delete'"
                                           " AND field = 'description'"
                                           " AND old_value = '(26 characters)'"), ==, 1);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"
                                           " WHERE old_value LIKE '%shouting%'"
                                           " OR new_value LIKE '%shouting%'"), ==, 0);

  /* The same entries, corrected in place, keeping the reviewer's work. */
  g_assert_cmpint (entry_by_source (c, "CAD 100"), ==, first);
  g_assert_cmpint (entry_by_source (c, "CAD 101"), ==, 0);
  entry = cw_store_get (c->base.store, &cw_entity_chronology_entry, first, &error);
  g_assert_cmpstr (cw_record_get (entry, "description"), ==, "Call-out to the home (corrected)");
  g_assert_cmpstr (cw_record_get (entry, "significance"), ==, "key");
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE link_group IS NOT NULL"), ==, 2);
  g_assert_cmpint (entry_by_source (c, "CAD 102"), ==, second);
  /* The search index follows: the old text is gone, the new is found. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'corrected'"), ==, 1);
  {
    g_auto (CwChronologyFilter) filter = { .text = g_strdup ("neighbour") };
    g_autoptr (CwChronologyModel) found = model_of (c, &filter);
    g_assert_cmpuint (cw_chronology_model_get_n_entries (found), ==, 0);
  }
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"
                                           " WHERE entity = 'chronology_import'"), ==, 3);
}

/* Opening a review reads every entry's place in order from the order
 * index alone, not from the table with all its text: the plan of the
 * statement the model ran says so. */
static void
test_open_reads_index_alone (Chrono        *c,
                             gconstpointer  data)
{
  g_autoptr (CwChronologyModel) model = NULL;
  GHashTableIter iter;
  gpointer sql;
  guint plans = 0;

  run_import (c, police_v1, c->police, 0);
  model = model_of (c, NULL);
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);
  g_hash_table_iter_init (&iter, c->base.store->statements);
  while (g_hash_table_iter_next (&iter, &sql, NULL))
    {
      g_autofree char *explain = NULL;
      g_autoptr (GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt;

      if (strstr (sql, "WHERE e.review_id = ?1 AND e.deleted = 0 ORDER BY") == NULL)
        continue;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (c->base.store->db, explain, -1, &stmt, NULL), ==,
                       SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s", plan->str);
      g_assert_nonnull (strstr (plan->str, "SEARCH e USING COVERING INDEX chronology_entry_order"
                                           " (review_id=? AND deleted=?)"));
      plans++;
    }
  g_assert_cmpuint (plans, ==, 1);
}

/* The same return again: nothing is written but where each entry comes
 * from. Neither the history nor the search index is touched. */
static void
test_reimport_unchanged (Chrono        *c,
                         gconstpointer  data)
{
  CwImportResult result;
  gint64 audit, index_rows, first_import;

  run_import (c, police_v1, c->police, 0);
  first_import = sql_int (c->base.store, "SELECT max (id) FROM chronology_import");
  audit = sql_int (c->base.store, "SELECT count (*) FROM audit");
  index_rows = sql_int (c->base.store, "SELECT count (*) FROM chronology_search_data");
  result = run_import (c, police_v1, c->police, 0);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 3);
  g_assert_cmpuint (result.removed, ==, 0);
  /* One line in the history: the import itself. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"), ==, audit + 1);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search_data"), ==,
                   index_rows);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE import_id = (SELECT max (id)"
                                           " FROM chronology_import)"), ==, 3);
  g_assert_cmpint (sql_int (c->base.store, "SELECT max (id) FROM chronology_import"), >,
                   first_import);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'shouting'"), ==, 1);
}

/* A date the agency corrected: the same entry, changed in place, keeping
 * the reviewer's significance, tags and link; its history says what the
 * date was. An ambiguous reference (two entries under it) is not guessed. */
static void
test_reimport_corrected_date (Chrono        *c,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) key = NULL;
  g_autoptr (GArray) pair = NULL;
  g_autoptr (CwRecord) entry = NULL;
  g_autofree char *text = NULL;
  CwImportResult result;
  gint64 call_out, visit;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);
  call_out = entry_by_source (c, "CAD 100");
  visit = entry_by_source (c, "HV 1");
  key = ids_of (call_out, 0);
  g_assert_true (cw_chronology_set_significance (c->base.store, key, CW_CHRONO_SIGNIFICANCE_KEY,
                                                 &error));
  g_assert_true (cw_chronology_add_tag (c->base.store, key, "night", &error));
  pair = ids_of (call_out, visit);
  g_assert_true (cw_chronology_link (c->base.store, pair, &error));
  g_assert_no_error (error);

  result = run_import (c, "Date,Time,Record ref,Details,Significant?\n"
                          "04/04/2025,01:15,CAD 100,Call-out to the home,Yes\n"
                          "c. May 2025,,CAD 101,Neighbour reports shouting,\n"
                          "14/09/2025,,CAD 102,Second call-out,Yes\n", c->police, 0);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 2);
  g_assert_cmpuint (result.removed, ==, 0);
  g_assert_cmpint (entry_by_source (c, "CAD 100"), ==, call_out);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 5);
  entry = cw_store_get (c->base.store, &cw_entity_chronology_entry, call_out, &error);
  g_assert_cmpstr (cw_record_get (entry, "start_date"), ==, "2025-04-04T01:15");
  g_assert_cmpstr (cw_record_get (entry, "significance"), ==, "key");
  g_assert_cmpstr (cw_record_get (entry, "tags"), ==, "night");
  g_assert_nonnull (cw_record_get (entry, "link_group"));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE link_group IS NOT NULL"), ==, 2);
  text = sql_text (c->base.store, "SELECT old_value FROM audit WHERE field = 'start_date'"
                                  " AND action = 'update'");
  g_assert_cmpstr (text, ==, "2025-04-03T22:15");
  /* The search index follows the one entry, once. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'home'"), ==, 1);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'shouting'"), ==, 1);
  g_clear_pointer (&text, g_free);
  text = sql_text (c->base.store, "SELECT count (*) || '' FROM chronology_search"
                                  " WHERE chronology_search MATCH 'home'"
                                  " AND rowid = (SELECT id FROM chronology_entry"
                                  " WHERE source = 'CAD 100')");
  g_assert_cmpstr (text, ==, "1");

  /* Two entries under one reference, both dated anew: not guessed. */
  result = run_import (c, "Date,Record ref,Details\n"
                          "05/04/2025,CAD 100,Call-out to the home\n"
                          "06/04/2025,CAD 100,Call-out to the home again\n"
                          "c. May 2025,CAD 101,Neighbour reports shouting\n"
                          "14/09/2025,CAD 102,Second call-out\n", c->police, 0);
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_cmpuint (result.removed, ==, 1);
  /* The search index matches the entries, row for row. */
  g_assert_true (cw_store_exec (c->base.store, "INSERT INTO chronology_search (chronology_search,"
                                               " rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

/* A row that now has an error is not the agency taking the entry out. */
static void
test_reimport_keeps_rejected (Chrono        *c,
                              gconstpointer  data)
{
  CwImportResult result;
  gint64 second;

  run_import (c, police_v1, c->police, 0);
  second = entry_by_source (c, "CAD 102");
  result = run_import (c, "Date,Time,Record ref,Details,Significant?\n"
                          "03/04/2025,22:15,CAD 100,Call-out to the home,Yes\n"
                          "c. May 2025,,CAD 101,Neighbour reports shouting,\n"
                          "31/09/2025,,cad 102 ,Second call-out,Yes\n",
                       c->police, CW_IMPORT_VALID_ROWS);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 2);
  g_assert_cmpuint (result.rejected, ==, 1);
  g_assert_cmpuint (result.removed, ==, 0);
  g_assert_cmpint (entry_by_source (c, "CAD 102"), ==, second);
}

static void
test_links_and_conflicts (Chrono        *c,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) pair = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  g_autofree char *order = NULL;
  g_autoptr (CwChronologyItem) a = NULL;
  g_autoptr (CwChronologyItem) b = NULL;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);
  /* The police call-out of 14/09 and health's note of it dated 15/09. */
  pair = ids_of (entry_by_source (c, "CAD 102"), entry_by_source (c, "HV 2"));
  g_assert_true (cw_chronology_link (c->base.store, pair, &error));
  g_assert_no_error (error);
  model = model_of (c, NULL);
  order = descriptions (model);
  g_assert_cmpstr (order, ==, "New birth visit|Call-out to the home|Neighbour reports shouting|"
                              "gap 75|Second call-out|Told of the call-out");
  a = g_list_model_get_item (G_LIST_MODEL (model), 4);
  b = g_list_model_get_item (G_LIST_MODEL (model), 5);
  g_assert_true (cw_chronology_item_is_linked (a));
  g_assert_cmpint (cw_chronology_item_get_link_group (a), ==,
                   cw_chronology_item_get_link_group (b));
  g_assert_true (cw_chronology_item_has_conflict (a));
  g_assert_true (cw_chronology_item_has_conflict (b));
  /* The history says what a link group number means: the other reports. */
  {
    g_autofree char *group = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              cw_chronology_item_get_link_group (a));
    g_autofree char *police = cw_chronology_describe_link (
      c->base.store, entry_by_source (c, "CAD 102"), group);
    g_autofree char *health = cw_chronology_describe_link (
      c->base.store, entry_by_source (c, "HV 2"), group);
    g_autofree char *none = cw_chronology_describe_link (c->base.store,
                                                         entry_by_source (c, "HV 2"), NULL);

    g_autofree char *source = cw_chronology_get_source (c->base.store,
                                                        entry_by_source (c, "CAD 102"));
    g_autofree char *nothing = cw_chronology_get_source (c->base.store, 999999);

    g_assert_cmpstr (source, ==, "CAD 102");
    g_assert_null (nothing);
    g_assert_cmpstr (police, ==, "With HV 2 (Northshire Community Health)");
    g_assert_cmpstr (health, ==, "With CAD 102 (Northshire Police)");
    g_assert_cmpstr (none, ==, "Not linked");
  }
  g_clear_object (&a);
  g_clear_object (&b);

  /* Same day: linked, no conflict. Linking the new visit joins its group. */
  g_clear_pointer (&pair, g_array_unref);
  pair = ids_of (entry_by_source (c, "CAD 100"), entry_by_source (c, "HV 1"));
  g_assert_true (cw_chronology_link (c->base.store, pair, &error));
  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  a = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (cw_chronology_item_is_linked (a));
  g_assert_false (cw_chronology_item_has_conflict (a));
  g_clear_object (&a);

  /* Unlinking one of a pair dissolves the pair. */
  g_clear_pointer (&pair, g_array_unref);
  pair = ids_of (entry_by_source (c, "HV 2"), 0);
  g_assert_true (cw_chronology_unlink (c->base.store, pair, &error));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE link_group IS NOT NULL"), ==, 2);
  {
    g_autofree char *group = g_strdup_printf (
      "%" G_GINT64_FORMAT, sql_int (c->base.store, "SELECT old_value FROM audit"
                                                   " WHERE field = 'link_group'"
                                                   " AND new_value IS NULL LIMIT 1"));
    g_autofree char *undone = cw_chronology_describe_link (c->base.store,
                                                           entry_by_source (c, "HV 2"), group);

    g_assert_cmpstr (undone, ==, "A link since undone");
  }

  /* One entry alone is no link. */
  g_assert_false (cw_chronology_link (c->base.store, pair, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  /* Links are in the history. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"
                                           " WHERE field = 'link_group'"), >=, 6);
}

/* Unlinking touches only the groups of the entries unlinked. */
static void
test_unlink_leaves_other_groups (Chrono        *c,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) first = NULL;
  g_autoptr (GArray) second = NULL;
  g_autoptr (GArray) deleted = NULL;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);
  first = ids_of (entry_by_source (c, "CAD 100"), entry_by_source (c, "HV 1"));
  second = ids_of (entry_by_source (c, "CAD 102"), entry_by_source (c, "HV 2"));
  g_assert_true (cw_chronology_link (c->base.store, first, &error));
  g_assert_true (cw_chronology_link (c->base.store, second, &error));
  /* HV 2 deleted (its undo pending): its group must wait for it. */
  deleted = ids_of (entry_by_source (c, "HV 2"), 0);
  g_assert_true (cw_chronology_delete (c->base.store, deleted, &error));
  g_clear_pointer (&first, g_array_unref);
  first = ids_of (entry_by_source (c, "CAD 100"), 0);
  g_assert_true (cw_chronology_unlink (c->base.store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE link_group IS NOT NULL"), ==, 2);
  g_assert_true (cw_chronology_undelete (c->base.store, deleted, &error));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (DISTINCT link_group)"
                                           " FROM chronology_entry"), ==, 1);
}

/* Deleted entries of a deleted agency do not stop the purge. */
static void
test_purge_with_deleted_agency (Chrono        *c,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) all = NULL;
  gint64 school = add_agency (c->base.store, "Northshire Park Primary School");
  g_autofree char *agency = g_strdup_printf ("%" G_GINT64_FORMAT, school);
  const char *pairs[] = { "agency_id", agency, "start_date", "3/4/2025", "source", "CPOMS 1",
                          "description", "Seen at the gate", "significance", "routine", NULL };
  gint64 id = cw_store_insert (c->base.store, &cw_entity_chronology_entry, c->review, pairs,
                               &error);

  g_assert_no_error (error);
  all = ids_of (id, 0);
  g_assert_true (cw_chronology_delete (c->base.store, all, &error));
  g_assert_true (cw_store_delete (c->base.store, &cw_entity_agency, school, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_purge_deleted (c->base.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
}

/* Whether any column of any of the full-text index's shadow tables
 * (chronology_search_data, _idx, _docsize, _config) holds @word's bytes. */
static gboolean
search_index_holds (CwStore    *store,
                    const char *word)
{
  static const char *const tables[] = {
    "chronology_search_data", "chronology_search_idx", "chronology_search_docsize",
    "chronology_search_config",
  };
  gint64 hits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat (name) FROM"
                                                      " pragma_table_info ('%s')", tables[i]);
      g_autoptr (GError) error = NULL;
      sqlite3_stmt *stmt = cw_store_prepare (store, columns_sql, &error);
      g_auto (GStrv) columns = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      columns = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), ",", -1);
      sqlite3_reset (stmt);
      for (guint j = 0; columns[j] != NULL; j++)
        {
          g_autofree char *sql = g_strdup_printf (
            "SELECT count (*) FROM %s WHERE instr (CAST (%s AS BLOB), CAST ('%s' AS BLOB)) > 0",
            tables[i], columns[j], word);
          hits += sql_int (store, sql);
        }
    }
  return hits > 0;
}

static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *word)
{
  gsize n = strlen (word);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, word, n) == 0)
      return TRUE;
  return FALSE;
}

/* A review deleted for good takes its text out of the full-text index, not
 * merely hidden behind a deletion marker, and out of the history: the
 * words of its entries, imported and typed, are in no table of the file. */
static void
test_purge_forgets_text (Chrono        *c,
                         gconstpointer  data)
{
  static const char doomed[] =
    "Date,Record ref,Details\n"
    "03/04/2025,CAD 100,Visited Zzqxvanishimport at home\n"
    "04/04/2025,CAD 101,Called again\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *police = g_strdup_printf ("%" G_GINT64_FORMAT, c->police);
  const char *typed[] = { "agency_id", police, "start_date", "5/4/2025", "source", "N 1",
                          "description", "Zzqxvanishtyped rang", "significance", "routine", NULL };
  g_autofree char *kept_ref = NULL;
  gint64 kept = 0;

  run_import (c, doomed, c->police, 0);
  cw_store_insert (c->base.store, &cw_entity_chronology_entry, c->review, typed, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_update (c->base.store, &cw_entity_chronology_entry,
                                  sql_int (c->base.store, "SELECT id FROM chronology_entry"
                                                          " WHERE source = 'CAD 101'"),
                                  "description", "Zzqxvanishedited", &error));
  /* Another review's entry stays findable. */
  kept_ref = cw_store_create_review (c->base.store, "cspr", "Kept", NULL, NULL, &kept, &error);
  g_assert_no_error (error);
  {
    const char *pairs[] = { "agency_id", police, "start_date", "6/4/2025", "source", "K 1",
                            "description", "Zzqxkeepword seen", "significance", "routine",
                            NULL };
    cw_store_insert (c->base.store, &cw_entity_chronology_entry, kept, pairs, &error);
    g_assert_no_error (error);
  }
  /* The words are in the index's tables to begin with: the scan finds them. */
  g_assert_true (search_index_holds (c->base.store, "qxvanishimport"));
  g_assert_true (search_index_holds (c->base.store, "qxvanishtyped"));
  g_assert_true (search_index_holds (c->base.store, "qxvanishedited"));

  g_assert_true (cw_store_delete (c->base.store, &cw_entity_review, c->review, &error));
  g_assert_true (cw_store_purge_deleted (c->base.store, &error));
  g_assert_no_error (error);
  g_assert_false (search_index_holds (c->base.store, "qxvanishimport"));
  g_assert_false (search_index_holds (c->base.store, "qxvanishtyped"));
  g_assert_false (search_index_holds (c->base.store, "qxvanishedited"));
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit WHERE"
                                           " old_value LIKE '%qxvanish%'"
                                           " OR new_value LIKE '%qxvanish%'"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'zzqxkeepword'"), ==, 1);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'zzqxvanishtyped'"), ==, 0);
  /* Nor anywhere in the file, once closed. */
  g_clear_object (&c->base.store);
  {
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (c->base.path, &bytes, &length, NULL));
    g_assert_false (bytes_contain (bytes, length, "qxvanish"));
    g_assert_true (bytes_contain (bytes, length, "qxkeepword"));
  }
}

/* Gaps are found in date order, whatever links bring together. */
static void
test_gaps_with_links (Chrono        *c,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) pair = NULL;
  g_autoptr (CwChronologyModel) model = NULL;
  g_autofree char *order = NULL;

  run_import (c, "Date,Record ref,Details\n01/01/2024,P1,first visit\n15/01/2024,P2,second visit\n",
              c->police, 0);
  run_import (c, "Date,Record ref,Details\n20/02/2024,H1,told of the first visit\n", c->health,
              0);
  pair = ids_of (entry_by_source (c, "P1"), entry_by_source (c, "H1"));
  g_assert_true (cw_chronology_link (c->base.store, pair, &error));
  model = model_of (c, NULL);
  order = descriptions (model);
  g_assert_cmpstr (order, ==, "first visit|told of the first visit|second visit|gap 35");
}

static void
test_gap_threshold (Chrono        *c,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwChronologyModel) model = NULL;

  run_import (c, "Date,Record ref,Details\n01/01/2025,A,one\n30/01/2025,B,two\n"
                 "01/03/2025,C,three\n", c->police, 0);
  model = model_of (c, NULL);
  /* 2-29 January is 28 days without contact: not more than 28. 31 Jan -
   * 28 Feb is 29: a gap. */
  g_assert_cmpuint (cw_chronology_model_get_n_gaps (model), ==, 1);
  g_assert_true (cw_chronology_set_gap_days (c->base.store, c->review, 27, &error));
  g_assert_no_error (error);
  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  g_assert_cmpuint (cw_chronology_model_get_n_gaps (model), ==, 2);
  g_assert_false (cw_chronology_set_gap_days (c->base.store, c->review, 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_formulas_exported_as_text (Chrono        *c,
                                gconstpointer  data)
{
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CwChronologyImport) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  const CwChronoRow *row;

  run_import (c, "Date,Record ref,Details\n"
                 "01/01/2024,P1,\"=HYPERLINK(\"\"http://example.org/\"\",\"\"x\"\")\"\n", c->police,
              0);
  model = model_of (c, NULL);
  g_assert_true (cw_chronology_export_csv (model, out, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK("));
  again = cw_chronology_import_new_from_bytes (bytes, "export.csv", &error);
  g_assert_true (cw_chronology_import_check (again, NULL, NULL, NULL, &error));
  row = g_ptr_array_index (import_entries (again), 0);
  g_assert_cmpstr (row->description, ==, "=HYPERLINK(\"http://example.org/\",\"x\")");
}

/* Checked entries borrow the return's cells, trimmed, without the
 * apostrophe of a formula-like cell: checking again (after the columns are
 * changed) reads the same entries, and the cells stay as the file has
 * them, for the preview. */
static void
test_check_again_reads_the_same (void)
{
  g_autoptr (CwChronologyImport) import =
    import_of ("Date,Record ref,Details,Outcome\n"
               "01/01/2024,  P1  ,'=SUM(A1),\t'+44 1632 960000 \n"
               "02/01/2024,P2,''=1,  \u00a0 kept\u2003\n", "return.csv");
  g_autoptr (GError) error = NULL;
  const char *expected[][3] = {
    { "P1", "=SUM(A1)", "+44 1632 960000" },
    { "P2", "''=1", "kept" }, /* one apostrophe is taken, before = + - @ only */
  };

  for (int round = 0; round < 3; round++)
    {
      GPtrArray *entries;
      const GPtrArray *record;

      g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      entries = import_entries (import);
      g_assert_cmpuint (entries->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          const CwChronoRow *row = g_ptr_array_index (entries, i);

          g_assert_cmpstr (row->source, ==, expected[i][0]);
          g_assert_cmpstr (row->description, ==, expected[i][1]);
          g_assert_cmpstr (row->outcome, ==, expected[i][2]);
        }
      record = cw_chronology_import_get_record (import, 0, NULL);
      g_assert_cmpstr (record->pdata[1], ==, "  P1  ");
      g_assert_cmpstr (record->pdata[2], ==, "'=SUM(A1)");
      g_assert_cmpstr (record->pdata[3], ==, "\t'+44 1632 960000 ");
      record = cw_chronology_import_get_record (import, 1, NULL);
      g_assert_cmpstr (record->pdata[2], ==, "''=1");
      /* A change of columns, undone: the rows are read again. */
      cw_chrono_mapping_set (cw_chronology_import_get_mapping (import), 3,
                             CW_CHRONO_FIELD_NONE);
      cw_chrono_mapping_set (cw_chronology_import_get_mapping (import), 3,
                             CW_CHRONO_FIELD_OUTCOME);
    }
}

static void
test_other_agency_warned (Chrono        *c,
                          gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import =
    import_of ("Date,Agency,Record ref,Details\n01/01/2024,Police,P1,visit\n"
               "02/01/2024,Northshire Community Health,H1,new birth visit\n"
               "03/01/2024,Northshire Community Health,H2,weight\n"
               "04/01/2024,Northshire Community Health,H3,clinic\n", "mixed.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;
  GPtrArray *problems;
  CwImportProblem *problem;

  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, c->police, 0, NULL,
                                           NULL, NULL, &result, &error));
  g_assert_cmpuint (result.added, ==, 4);
  /* One warning for the three rows, not one each, with the way to split the file. */
  problems = cw_chronology_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = problems->pdata[0];
  g_assert_cmpuint (problem->row, ==, 3);
  g_assert_cmpuint (problem->column, ==, 2);
  g_assert_cmpint (problem->severity, ==, CW_IMPORT_PROBLEM_WARNING);
  g_assert_nonnull (strstr (problem->message, "Northshire Community Health"));
  g_assert_nonnull (strstr (problem->message, "3 rows"));
  g_assert_nonnull (strstr (problem->message, "agency taken from this column"));
}

/* A combined chronology: the Agency column names each row's agency (by its
 * name or short name, in any case), one return per agency, in one
 * transaction, and no warning per row. */
#define COMBINED \
  "Date,Agency,Record ref,Details\n" \
  "01/01/2024,Northshire Police,P1,call to the home\n" \
  "02/01/2024,NCH,H1,new birth visit\n" \
  "03/01/2024,northshire  police,P2,welfare check\n" \
  "04/01/2024,Northshire Community Health,H2,weight check\n" \
  "05/01/2024,Northshire Police,P3,strategy discussion\n"

static void
test_combined_split (Chrono        *c,
                     gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import = import_of (COMBINED, "combined.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;
  GPtrArray *agencies;
  const CwImportAgency *police, *health;

  g_assert_true (cw_store_update (c->base.store, &cw_entity_agency, c->health, "short_name",
                                  "NCH", &error));
  g_assert_no_error (error);
  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                           CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 5);
  g_assert_cmpuint (cw_chronology_import_get_problems (import)->len, ==, 0);
  agencies = cw_chronology_import_get_agencies (import);
  g_assert_cmpuint (agencies->len, ==, 2);
  police = agencies->pdata[0];
  health = agencies->pdata[1];
  g_assert_cmpint (police->agency_id, ==, c->police);
  g_assert_cmpuint (police->n_rows, ==, 3);
  g_assert_cmpuint (police->result.added, ==, 3);
  g_assert_cmpint (health->agency_id, ==, c->health);
  g_assert_cmpuint (health->n_rows, ==, 2);
  g_assert_cmpuint (health->result.added, ==, 2);
  g_assert_false (police->added);
  /* One return and one import per agency, each holding its own entries. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_import"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN agency a ON a.id = e.agency_id"
                                           " WHERE a.name = 'Northshire Police'"
                                           " AND e.source LIKE 'P%'"), ==, 3);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN agency a ON a.id = e.agency_id"
                                           " WHERE a.name = 'Northshire Community Health'"
                                           " AND e.source LIKE 'H%'"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT sum (entries) FROM chronology_import"), ==, 5);
  /* Searchable, like any import. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'weight'"), ==, 1);
}

/* Imported again, each agency's return replaces its own: nothing doubles. */
static void
test_combined_again (Chrono        *c,
                     gconstpointer  data)
{
  CwImportResult result;

  g_assert_true (cw_store_update (c->base.store, &cw_entity_agency, c->health, "short_name",
                                  "NCH", NULL));
  run_import (c, COMBINED, 0, CW_IMPORT_AGENCY_FROM_COLUMN);
  result = run_import (c, COMBINED "06/01/2024,NCH,H3,clinic\n", 0,
                       CW_IMPORT_AGENCY_FROM_COLUMN);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.unchanged, ==, 5);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE deleted = 0"), ==, 6);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 2);
}

/* A combined chronology longer than a batch of new entries, its agencies
 * in no order, so that every batch holds rows of several returns: P, H
 * and R rows. */
static char *
big_combined (guint rows)
{
  static const char *const agencies[] = { "Northshire Police", "Northshire Community Health",
                                          "Riverside Medical Practice" };
  GString *csv = g_string_new ("Date,Agency,Record ref,Details\n");

  for (guint i = 0; i < rows; i++)
    {
      guint a = (i * 7 + i / 13) % 3;

      g_string_append_printf (csv, "%02u/%02u/2024,%s,%c%u,Entry %u of %s\n", i % 28 + 1,
                              i % 12 + 1, agencies[a], "PHR"[a], i, i, agencies[a]);
    }
  return g_string_free (csv, FALSE);
}

/* Every entry is in the return of the agency its row names, with its own
 * row as provenance, and in the search index once. */
static void
assert_combined_rows_in_place (Chrono *c,
                               gint64  rows)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE deleted = 0"), ==, rows);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN agency a ON a.id = e.agency_id"
                                           " WHERE e.description NOT LIKE '% of ' || a.name"),
                   ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN chronology_import i ON i.id = e.import_id"
                                           " JOIN agency_return r ON r.id = i.return_id"
                                           " WHERE r.agency_id <> e.agency_id"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE import_row <>"
                                           " CAST (substr (source, 2) AS INTEGER) + 2"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'entry'"), ==, rows);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'riverside'"), ==,
                   sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE source LIKE 'R%' AND deleted = 0"));
  g_assert_true (cw_store_exec (c->base.store, "INSERT INTO chronology_search"
                                               " (chronology_search) VALUES ('integrity-check')",
                                &error));
  g_assert_no_error (error);
}

static void
test_combined_batches_mixed (Chrono        *c,
                             gconstpointer  data)
{
  g_autofree char *csv = big_combined (1000);
  g_autoptr (CwChronologyImport) import = import_of (csv, "combined.csv");
  g_autoptr (CwChronologyImport) again = import_of (csv, "combined.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *sql = NULL;
  CwImportResult result;
  GPtrArray *agencies;
  guint added = 0;

  add_agency (c->base.store, "Riverside Medical Practice");
  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                           CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1000);
  agencies = cw_chronology_import_get_agencies (import);
  g_assert_cmpuint (agencies->len, ==, 3);
  for (guint i = 0; i < agencies->len; i++)
    {
      const CwImportAgency *agency = agencies->pdata[i];
      g_autofree char *entries = g_strdup_printf ("SELECT entries FROM chronology_import i"
                                                  " JOIN agency_return r ON r.id = i.return_id"
                                                  " WHERE r.agency_id = %" G_GINT64_FORMAT,
                                                  agency->agency_id);

      g_assert_cmpuint (agency->result.added, ==, agency->n_rows);
      g_assert_cmpint (sql_int (c->base.store, entries), ==, agency->n_rows);
      added += agency->result.added;
    }
  g_assert_cmpuint (added, ==, 1000);
  assert_combined_rows_in_place (c, 1000);
  /* Each return's provenance names the file by its checksum. */
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv, -1);
  sql = g_strdup_printf ("SELECT count (*) FROM chronology_import WHERE checksum = '%s'"
                         " AND file_name = 'combined.csv' AND entries > 0", checksum);
  g_assert_cmpint (sql_int (c->base.store, sql), ==, 3);

  /* Again: each entry is found in its own return's earlier import. */
  g_assert_true (cw_chronology_import_run (again, c->base.store, c->review, 0,
                                           CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 1000);
  assert_combined_rows_in_place (c, 1000);
  g_assert_cmpint (sql_int (c->base.store, sql), ==, 6);
}

/* Cancelled halfway through a combined chronology, with an agency to add
 * to the register: nothing of it is left, the agency included. */
static void
test_combined_cancel_leaves_nothing (Chrono        *c,
                                     gconstpointer  data)
{
  g_autofree char *csv = big_combined (5000);
  g_autoptr (CwChronologyImport) import = import_of (csv, "combined.csv");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gint64 audit_before = sql_int (c->base.store, "SELECT count (*) FROM audit");
  CwImportResult result;

  /* Checked as it is written, as the command line does it. */
  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                            CW_IMPORT_AGENCY_FROM_COLUMN
                                              | CW_IMPORT_ADD_AGENCIES,
                                            cancellable, cancel_halfway, cancellable, &result,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_import"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_search"
                                           " WHERE chronology_search MATCH 'entry'"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"), ==, audit_before);
}

/* Agencies the register lacks are refused by name and row, and nothing is
 * written; asked, they are added, in the same transaction. */
static void
test_combined_unknown_agencies (Chrono        *c,
                                gconstpointer  data)
{
  const char *csv = "Date,Agency,Record ref,Details\n"
                    "01/01/2024,Northshire Police,P1,call\n"
                    "02/01/2024,Northshire Foodbank,F1,parcel\n"
                    "03/01/2024,Youth Club,Y1,session\n"
                    "04/01/2024,Northshire Foodbank,F2,parcel\n";
  g_autoptr (CwChronologyImport) import = import_of (csv, "combined.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;
  GPtrArray *agencies;
  gint64 audit_before = sql_int (c->base.store, "SELECT count (*) FROM audit");

  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                            CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                            &result, &error));
  g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_UNKNOWN_AGENCIES);
  g_assert_nonnull (strstr (error->message, "combined.csv"));
  g_assert_nonnull (strstr (error->message, "2 agencies"));
  g_assert_nonnull (strstr (error->message, "“Northshire Foodbank” (rows 3 and 5)"));
  g_assert_nonnull (strstr (error->message, "“Youth Club” (row 4)"));
  g_assert_null (strstr (error->message, "Northshire Police"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"), ==, audit_before);

  /* A dry run adds nothing, but says what it would. */
  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                           CW_IMPORT_AGENCY_FROM_COLUMN | CW_IMPORT_ADD_AGENCIES
                                             | CW_IMPORT_DRY_RUN,
                                           NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);
  agencies = cw_chronology_import_get_agencies (import);
  g_assert_true (((CwImportAgency *) agencies->pdata[1])->added);
  g_assert_cmpint (((CwImportAgency *) agencies->pdata[1])->agency_id, ==, 0);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency"), ==, 2);

  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                           CW_IMPORT_AGENCY_FROM_COLUMN | CW_IMPORT_ADD_AGENCIES,
                                           NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency"), ==, 4);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN agency a ON a.id = e.agency_id"
                                           " WHERE a.name = 'Northshire Foodbank'"), ==, 2);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM agency_return"), ==, 3);
  /* The register's new agencies are in the history. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit WHERE entity = 'agency'"
                                           " AND action = 'insert' AND field = 'name'"
                                           " AND new_value = 'Youth Club'"), ==, 1);
}

/* Rows naming no agency go to the agency given, or are refused by row. */
static void
test_combined_blank_agency (Chrono        *c,
                            gconstpointer  data)
{
  const char *csv = "Date,Agency,Record ref,Details\n"
                    "01/01/2024,Northshire Police,P1,call\n"
                    "02/01/2024,,H1,visit\n";
  g_autoptr (CwChronologyImport) import = import_of (csv, "combined.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                            CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                            &result, &error));
  g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_AGENCY);
  g_assert_nonnull (strstr (error->message, "combined.csv, row 3"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  g_assert_true (cw_chronology_import_run (import, c->base.store, c->review, c->health,
                                           CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                           &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry e"
                                           " JOIN agency a ON a.id = e.agency_id"
                                           " WHERE a.name = 'Northshire Community Health'"), ==, 1);
}

/* Without an Agency column there is nothing to split by. */
static void
test_combined_needs_column (Chrono        *c,
                            gconstpointer  data)
{
  g_autoptr (CwChronologyImport) import = import_of ("Date,Record ref,Details\n"
                                                     "01/01/2024,P1,call\n", "one.csv");
  g_autoptr (GError) error = NULL;
  CwImportResult result;

  g_assert_false (cw_chronology_import_run (import, c->base.store, c->review, 0,
                                            CW_IMPORT_AGENCY_FROM_COLUMN, NULL, NULL, NULL,
                                            &result, &error));
  g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_AGENCY_COLUMN);
  g_assert_nonnull (strstr (error->message, "one.csv"));
}

static void
test_entry_edit_keeps_keys (Chrono        *c,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *agency = g_strdup_printf ("%" G_GINT64_FORMAT, c->police);
  const char *pairs[] = { "agency_id", agency, "start_date", "?22/05/2016", "source", "Note 1",
                          "description", "Typed in", "significance", "routine", NULL };
  gint64 id = cw_store_insert (c->base.store, &cw_entity_chronology_entry, c->review, pairs,
                               &error);
  g_autoptr (CwRecord) entry = NULL;
  gint64 audit_before;

  g_assert_no_error (error);
  entry = cw_store_get (c->base.store, &cw_entity_chronology_entry, id, &error);
  g_assert_cmpstr (cw_record_get (entry, "start_date"), ==, "~2016-05-22");
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE range_first = '2016-05-15'"
                                           " AND range_last = '2016-05-29'"), ==, 1);
  /* Typed-in entries are audited field by field: the event, then its five fields. */
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit WHERE entity ="
                                           " 'chronology_entry' AND action = 'insert'"), ==, 6);
  audit_before = sql_int (c->base.store, "SELECT count (*) FROM audit");
  g_assert_true (cw_store_update (c->base.store, &cw_entity_chronology_entry, id, "start_date",
                                  "June 2016", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"
                                           " WHERE range_first = '2016-06-01'"
                                           " AND range_last = '2016-06-30'"
                                           " AND sort_key LIKE '2016-06-01 1 %'"), ==, 1);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM audit"), ==, audit_before + 1);
  g_assert_false (cw_store_update (c->base.store, &cw_entity_chronology_entry, id, "start_date",
                                   "31/02/2016", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date"));
  g_clear_error (&error);
  /* It cannot end before it starts. */
  g_assert_false (cw_store_update (c->base.store, &cw_entity_chronology_entry, id, "end_date",
                                   "1/1/2016", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_store_update (c->base.store, &cw_entity_chronology_entry, id, "end_date",
                                  "July 2016", &error));
  g_assert_no_error (error);
}

/* An entry typed in with both dates cannot end before it starts either. */
static void
test_entry_insert_dates_in_order (Chrono        *c,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *agency = g_strdup_printf ("%" G_GINT64_FORMAT, c->police);
  const char *backwards[] = { "agency_id", agency, "start_date", "May 2016", "end_date",
                              "3/4/2016", "source", "Note 1", "description", "Typed in",
                              "significance", "routine", NULL };
  const char *same_month[] = { "agency_id", agency, "start_date", "May 2016", "end_date",
                               "3/5/2016", "source", "Note 2", "description", "Typed in",
                               "significance", "routine", NULL };

  g_assert_cmpint (cw_store_insert (c->base.store, &cw_entity_chronology_entry, c->review,
                                    backwards, &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "End date: the entry ends (3 Apr 2016) before it "
                                            "starts (May 2016)"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (c->base.store, "SELECT count (*) FROM chronology_entry"), ==, 0);
  /* A day within a month that is the start is not before it. */
  g_assert_cmpint (cw_store_insert (c->base.store, &cw_entity_chronology_entry, c->review,
                                    same_month, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_delete_and_undo (Chrono        *c,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (CwChronologyModel) model = NULL;

  run_import (c, police_v1, c->police, 0);
  ids = ids_of (entry_by_source (c, "CAD 100"), entry_by_source (c, "CAD 101"));
  g_assert_true (cw_chronology_delete (c->base.store, ids, &error));
  g_assert_no_error (error);
  model = model_of (c, NULL);
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 1);
  g_assert_true (cw_chronology_undelete (c->base.store, ids, &error));
  g_assert_true (cw_chronology_model_refresh (model, NULL, &error));
  g_assert_cmpuint (cw_chronology_model_get_n_entries (model), ==, 3);
}

static void
test_tags (Chrono        *c,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (CwRecord) entry = NULL;

  run_import (c, health_return, c->health, 0);
  ids = ids_of (entry_by_source (c, "HV 1"), entry_by_source (c, "HV 2"));
  g_assert_true (cw_chronology_add_tag (c->base.store, ids, "information sharing", &error));
  g_assert_no_error (error);
  entry = cw_store_get (c->base.store, &cw_entity_chronology_entry, entry_by_source (c, "HV 1"),
                        &error);
  g_assert_cmpstr (cw_record_get (entry, "tags"), ==, "health visiting; information sharing");
  g_clear_object (&entry);
  /* Already there: unchanged. */
  entry = cw_store_get (c->base.store, &cw_entity_chronology_entry, entry_by_source (c, "HV 2"),
                        &error);
  g_assert_cmpstr (cw_record_get (entry, "tags"), ==, "domestic abuse; information sharing");
  g_assert_false (cw_chronology_add_tag (c->base.store, ids, "a;b", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_saved_mapping (Chrono        *c,
                    gconstpointer  data)
{
  const char csv[] = "When,Ref,What happened,Notes\n03/04/2025,A1,Visit,ignore me\n";
  g_autoptr (CwChronologyImport) first = import_of (csv, "a.csv");
  g_autoptr (CwChronologyImport) second = import_of (csv, "b.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  CwImportResult result;
  CwChronoMapping *mapping;

  /* The user says the "Notes" column is the outcome. */
  mapping = cw_chronology_import_get_mapping (first);
  g_assert_cmpint (cw_chrono_mapping_get (mapping, 3), ==, CW_CHRONO_FIELD_NONE);
  cw_chrono_mapping_set (mapping, 3, CW_CHRONO_FIELD_OUTCOME);
  g_assert_true (cw_chronology_import_run (first, c->base.store, c->review, c->police, 0, NULL,
                                           NULL, NULL, &result, &error));
  g_assert_no_error (error);

  saved = cw_chronology_get_saved_mapping (c->base.store, c->police);
  g_assert_nonnull (saved);
  cw_chronology_import_use_saved_mapping (second, saved);
  g_assert_cmpint (cw_chrono_mapping_get (cw_chronology_import_get_mapping (second), 3), ==,
                   CW_CHRONO_FIELD_OUTCOME);
}

static void
test_month_first_detected (void)
{
  g_autoptr (CwChronologyImport) us = import_of ("Date,Ref,Details\n04/13/2025,A,x\n"
                                                 "05/02/2025,B,y\n", "us.csv");
  g_autoptr (CwChronologyImport) uk = import_of ("Date,Ref,Details\n13/04/2025,A,x\n"
                                                 "05/02/2025,B,y\n", "uk.csv");
  g_autoptr (GError) error = NULL;

  g_assert_true (cw_chronology_import_dates_look_month_first (us));
  g_assert_false (cw_chronology_import_dates_look_month_first (uk));
  g_assert_cmpint (cw_chronology_import_get_date_order (us), ==, CW_DATE_ORDER_DMY);
  cw_chronology_import_set_date_order (us, CW_DATE_ORDER_MDY);
  g_assert_true (cw_chronology_import_check (us, NULL, NULL, NULL, &error));
  g_assert_cmpuint (cw_chronology_import_get_n_valid (us), ==, 2);
}

static void
test_title_rows_above_headings (void)
{
  g_autoptr (CwChronologyImport) import =
    import_of ("Northshire Police chronology for the review\nPrepared by DI Ellis\n\n"
               "Date,Record ref,Details\n03/04/2025,A,x\n", "t.csv");

  g_assert_cmpuint (cw_chronology_import_get_header_row (import), ==, 4);
  g_assert_cmpuint (cw_chronology_import_get_n_records (import), ==, 1);
}

static void
test_export_round_trip (Chrono        *c,
                        gconstpointer  data)
{
  g_autoptr (CwChronologyModel) model = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) json_out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CwChronologyImport) again = NULL;
  g_autofree char *json = NULL;
  const char *csv;

  run_import (c, police_v1, c->police, 0);
  run_import (c, health_return, c->health, 0);
  model = model_of (c, NULL);
  g_assert_true (cw_chronology_export_csv (model, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  csv = g_bytes_get_data (bytes, NULL);
  g_test_message ("%.*s", (int) MIN (g_bytes_get_size (bytes), 400), csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Date,End date,Sequence,Agency,"));
  g_assert_nonnull (strstr (csv, "\r\nc. May 2025,,,Northshire Police,,CAD 101,"));

  /* Casewise reads its own export: every column found, every row valid. */
  again = cw_chronology_import_new_from_bytes (bytes, "export.csv", &error);
  g_assert_no_error (error);
  for (CwChronoField f = CW_CHRONO_FIELD_DATE; f < CW_CHRONO_N_FIELDS; f++)
    {
      guint column;
      g_assert_true (cw_chrono_mapping_find (cw_chronology_import_get_mapping (again), f,
                                             &column) || f == CW_CHRONO_FIELD_TIME);
    }
  g_assert_true (cw_chronology_import_check (again, NULL, NULL, NULL, &error));
  g_assert_cmpuint (cw_chronology_import_get_n_valid (again), ==, 5);
  g_assert_cmpuint (cw_chronology_import_get_n_rejected (again), ==, 0);

  g_assert_true (cw_chronology_export_json (model, json_out, NULL, &error));
  g_output_stream_close (json_out, NULL, NULL);
  json = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (json_out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (json_out)));
  g_assert_true (g_str_has_prefix (json, "["));
  g_assert_nonnull (strstr (json, "\"date\": \"~2025-05\""));
  g_assert_nonnull (strstr (json, "\"tags\": [\n      \"domestic abuse\",\n"));
}

static void
test_overdue_returns (Chrono        *c,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) overdue = NULL;
  GDate today = date_of ("2026-11-23");
  gint64 police_return, health_return_id;

  police_return = cw_chronology_ensure_return (c->base.store, c->review, c->police, &error);
  health_return_id = cw_chronology_ensure_return (c->base.store, c->review, c->health, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_chronology_ensure_return (c->base.store, c->review, c->police, &error), ==,
                   police_return);
  cw_store_update (c->base.store, &cw_entity_agency_return, police_return, "due_on",
                   "2026-11-01", &error);
  cw_store_update (c->base.store, &cw_entity_agency_return, health_return_id, "due_on",
                   "2026-12-01", &error);
  g_assert_no_error (error);
  overdue = cw_chronology_list_overdue_returns (c->base.store, c->review, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (cw_record_get (overdue->pdata[0], "agency"), ==, "Northshire Police");
  g_assert_cmpstr (cw_record_get (overdue->pdata[0], "days_overdue"), ==, "22");
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Once it arrives it is no longer overdue. */
  run_import (c, police_v1, c->police, 0);
  overdue = cw_chronology_list_overdue_returns (c->base.store, 0, &today, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
}

static void
test_find_agency (Chrono        *c,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (cw_chronology_find_agency (c->base.store, "northshire police", &error), ==,
                   c->police);
  g_assert_cmpint (cw_chronology_find_agency (c->base.store, "health", &error), ==, c->health);
  g_assert_cmpint (cw_chronology_find_agency (c->base.store, "northshire", &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "more than one"));
  g_clear_error (&error);
  g_assert_cmpint (cw_chronology_find_agency (c->base.store, "school", &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Northshire Police"));
}

/* Workbooks made for the tests (tests/data/make-workbooks.py): a cover
 * sheet, then the chronology with Excel's date serials or ODS dates. */
static void
test_workbooks (void)
{
  const char *names[] = { "police-return.xlsx", "police-return.ods" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwChronologyImport) import = cw_chronology_import_new_from_file (file, NULL,
                                                                                  &error);
      const CwChronoRow *first, *second;
      g_autofree char *first_iso = NULL;
      g_autofree char *second_iso = NULL;

      g_test_message ("%s", names[i]);
      g_assert_no_error (error);
      g_assert_cmpstr (cw_chronology_import_get_format (import), ==, i == 0 ? "XLSX" : "ODS");
      g_assert_cmpuint (cw_chronology_import_get_n_sheets (import), ==, 2);
      g_assert_cmpstr (cw_chronology_import_get_sheet_name (import, 0), ==, "Cover");
      /* The cover sheet has no entries: the chronology sheet is read. */
      g_assert_cmpuint (cw_chronology_import_get_sheet (import), ==, 1);
      g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
      g_assert_cmpuint (cw_chronology_import_get_n_valid (import), ==, 3);
      g_assert_cmpuint (cw_chronology_import_get_n_rejected (import), ==, 1);
      first = g_ptr_array_index (((GPtrArray *) import_entries (import)), 0);
      second = g_ptr_array_index (((GPtrArray *) import_entries (import)), 1);
      first_iso = cw_chrono_date_to_iso (&first->start);
      second_iso = cw_chrono_date_to_iso (&second->start);
      g_assert_cmpstr (first_iso, ==, "2025-04-03");
      g_assert_cmpstr (second_iso, ==, "2025-04-04T12:00");
      g_assert_cmpint (first->significance, ==, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
      g_assert_false (cw_chronology_import_set_sheet (import, 0, &error));
      g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS);
      g_assert_nonnull (strstr (error->message, "sheet “Cover”"));
      g_clear_error (&error);
      /* Refused, the import keeps its sheet and can still be checked. */
      g_assert_cmpuint (cw_chronology_import_get_sheet (import), ==, 1);
      g_assert_true (cw_chronology_import_check (import, NULL, NULL, NULL, &error));
      g_assert_cmpuint (cw_chronology_import_get_n_valid (import), ==, 3);
      g_assert_false (cw_chronology_import_set_sheet (import, 5, &error));
      g_assert_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_ROWS);
    }
}

/* Hostile files stop with an error naming them, never a crash. */
static void
test_hostile_files (void)
{
  static const struct { const char *name; const char *data; gsize size; } files[] = {
    { "empty.csv", "", 0 },
    { "spaces.csv", "  \r\n \n", 7 },
    { "binary.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18 },
    { "nul.csv", "Date,Ref\n0\0/1,x\n", 16 },
    { "quote.csv", "Date,Ref,Details\n01/01/2025,\"A,x\n", 31 },
    { "fake.xlsx", "PK\x03\x04 not really a zip file at all", 38 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (files[i].data, files[i].size);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwChronologyImport) import = cw_chronology_import_new_from_bytes (
        bytes, files[i].name, &error);

      g_test_message ("%s", files[i].name);
      g_assert_null (import);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, files[i].name));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  test_sleeps_install ();
  g_assert_true (cw_clock_set ("2026-11-23", NULL));

#define ADD(path, func) \
  g_test_add ("/chronology/" path, Chrono, NULL, chrono_set_up, func, chrono_tear_down)
  ADD ("import-and-order", test_import_and_order);
  ADD ("item-fields", test_item_fields);
  ADD ("items-read-in-blocks", test_items_read_in_blocks);
  ADD ("filters-and-search", test_filters_and_search);
  ADD ("import-drops-controls", test_import_drops_controls);
  ADD ("disk-full", test_disk_full);
  ADD ("rows-with-errors", test_rows_with_errors);
  ADD ("nothing-valid", test_nothing_valid);
  ADD ("import-reports-tables", test_import_reports_tables);
  ADD ("cancel-leaves-nothing", test_cancel_leaves_nothing);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("dry-run", test_dry_run);
  ADD ("bulk-import-alone", test_bulk_import_alone);
  ADD ("bulk-import-beside-app", test_bulk_import_beside_app);
  ADD ("bulk-end-beside-a-reader", test_bulk_end_beside_a_reader);
  ADD ("reimport-replaces", test_reimport_replaces);
  ADD ("reimport-keeps-rejected", test_reimport_keeps_rejected);
  ADD ("reimport-unchanged", test_reimport_unchanged);
  ADD ("reimport-corrected-date", test_reimport_corrected_date);
  ADD ("open-reads-index-alone", test_open_reads_index_alone);
  ADD ("unlink-leaves-other-groups", test_unlink_leaves_other_groups);
  ADD ("purge-with-deleted-agency", test_purge_with_deleted_agency);
  ADD ("purge-forgets-text", test_purge_forgets_text);
  ADD ("gaps-with-links", test_gaps_with_links);
  ADD ("formulas-exported-as-text", test_formulas_exported_as_text);
  ADD ("other-agency-warned", test_other_agency_warned);
  ADD ("combined-split", test_combined_split);
  ADD ("combined-again", test_combined_again);
  ADD ("combined-batches-mixed", test_combined_batches_mixed);
  ADD ("combined-cancel-leaves-nothing", test_combined_cancel_leaves_nothing);
  ADD ("combined-unknown-agencies", test_combined_unknown_agencies);
  ADD ("combined-blank-agency", test_combined_blank_agency);
  ADD ("combined-needs-column", test_combined_needs_column);
  ADD ("links-and-conflicts", test_links_and_conflicts);
  ADD ("gap-threshold", test_gap_threshold);
  ADD ("entry-edit-keeps-keys", test_entry_edit_keeps_keys);
  ADD ("entry-insert-dates-in-order", test_entry_insert_dates_in_order);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("tags", test_tags);
  ADD ("saved-mapping", test_saved_mapping);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("overdue-returns", test_overdue_returns);
  ADD ("find-agency", test_find_agency);
#undef ADD
  g_test_add_func ("/chronology/search-query", test_search_query);
  g_test_add_func ("/chronology/header-only-and-empty", test_header_only_and_empty);
  g_test_add_func ("/chronology/month-first-detected", test_month_first_detected);
  g_test_add_func ("/chronology/title-rows-above-headings", test_title_rows_above_headings);
  g_test_add_func ("/chronology/workbooks", test_workbooks);
  g_test_add_func ("/chronology/hostile-files", test_hostile_files);
  g_test_add_func ("/chronology/crash-during-bulk-import", test_crash_during_bulk_import);
  g_test_add_func ("/chronology/check-again-reads-the-same", test_check_again_reads_the_same);
  return g_test_run ();
}

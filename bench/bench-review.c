/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-figures.h"
#include "bench-review.h"
#include "cw-chronology-import.h"
#include "cw-chronology.h"
#include "cw-review.h"

/* Building the review takes seconds (writing the return, then importing it
 * as the app does), so the database is kept and reused while it still holds
 * exactly the rows asked for. */

/**
 * bench_review_default_path:
 *
 * Returns: (transfer full): where the review with @rows entries is kept
 *   between runs, in the temporary folder
 */
char *
bench_review_default_path (guint rows)
{
  g_autofree char *name = g_strdup_printf ("chronology-%u.db", rows);

  return g_build_filename (g_get_tmp_dir (), "casewise-bench", name, NULL);
}

static gboolean
write_return (const char  *csv,
              guint        rows,
              GError     **error)
{
  g_autofree char *count = g_strdup_printf ("%u", rows);
  const char *argv[] = { "python3", CW_BENCH_MAKE_RETURN, count, csv, NULL };
  int status;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, error)
         && g_spawn_check_wait_status (status, error);
}

static gint64
add_agency (CwStore     *store,
            const char  *name,
            GError     **error)
{
  const char *pairs[] = { "name", name, NULL };

  return cw_store_insert (store, &cw_entity_agency, 0, pairs, error);
}

static gboolean
import_return (CwStore     *store,
               gint64       review_id,
               const char  *csv,
               GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (csv);
  g_autoptr (CwChronologyImport) import = NULL;
  CwImportResult result;
  gint64 police;

  /* The second agency has no entries: filtering on it shows none. */
  if ((police = add_agency (store, "Northshire Police", error)) == 0
      || add_agency (store, "Northshire Community Health", error) == 0
      || (import = cw_chronology_import_new_from_file (file, NULL, error)) == NULL)
    return FALSE;
  return cw_chronology_import_run (import, store, review_id, police, CW_IMPORT_VALID_ROWS, NULL,
                                   NULL, NULL, &result, error);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
build_review (const char  *path,
              guint        rows,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *csv = g_strconcat (path, ".csv", NULL);
  g_autofree char *reference = NULL;
  g_autoptr (CwStore) store = NULL;
  gint64 review_id = 0;
  GDate today;
  gboolean ok;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  g_mkdir_with_parents (dir, 0700);
  remove_database (path);
  if (!write_return (csv, rows, error) || (store = cw_store_open (path, error)) == NULL)
    return FALSE;
  reference = cw_store_create_review (store, "cspr", "Benchmark review", "Child B", &today,
                                      &review_id, error);
  ok = reference != NULL && import_return (store, review_id, csv, error);
  g_unlink (csv);
  return ok;
}

/* The review's id, or 0 when the file holds anything but one review with
 * @rows entries (an older size, or a build that was interrupted). */
static gint64
find_review (const char *path,
             guint       rows)
{
  g_autoptr (CwStore) store = NULL;
  g_autoptr (GListModel) reviews = NULL;
  g_autoptr (CwRecord) review = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)
      || (store = cw_store_open (path, NULL)) == NULL
      || (reviews = cw_store_list (store, &cw_entity_review, 0, NULL)) == NULL
      || g_list_model_get_n_items (reviews) != 1)
    return 0;
  review = g_list_model_get_item (reviews, 0);
  if (cw_chronology_count_entries (store, cw_record_get_id (review)) != rows)
    return 0;
  return cw_record_get_id (review);
}

/**
 * bench_review_ensure:
 * @path: the database, built when it does not hold the review yet
 * @review_id: (out): the review
 * @built: (out) (optional): whether it was built now
 *
 * Leaves the database closed, so that what follows opens it as the app does.
 */
gboolean
bench_review_ensure (const char  *path,
                     guint        rows,
                     gint64      *review_id,
                     gboolean    *built,
                     GError     **error)
{
  gint64 start;

  if (built != NULL)
    *built = FALSE;
  if ((*review_id = find_review (path, rows)) != 0)
    return TRUE;
  if (built != NULL)
    *built = TRUE;
  g_print ("Building %s: %u entries through the import (once)...\n", path, rows);
  start = g_get_monotonic_time ();
  if (!build_review (path, rows, error))
    return FALSE;
  g_print ("Built in %.1f s\n", bench_elapsed_ms (start) / 1000.0);
  if ((*review_id = find_review (path, rows)) != 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s does not hold the %u entries", path,
               rows);
  return FALSE;
}

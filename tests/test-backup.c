/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-core.h"
#include "test-helpers.h"

static guint
n_backups (Fixture *f)
{
  g_autoptr (GPtrArray) paths = cw_store_backup_list (f->store, NULL);
  return paths ? paths->len : 0;
}

static void
test_create_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "Kept", NULL, NULL, NULL,
                                                 &error);
  g_autofree char *path = cw_store_backup_create (f->store, &error);
  g_autofree char *dir = cw_store_get_backup_dir (f->store);
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (CwStore) copy = NULL;
  g_autoptr (CwRecord) review = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
#ifdef G_OS_UNIX
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif
  paths = cw_store_backup_list (f->store, &error);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (paths->pdata[0], ==, path);
  copy = cw_store_open (path, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (copy, ref, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_record_get (review, "title"), ==, "Kept");
}

static void
touch_backup (const char *dir, const char *name, const char *from)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
test_auto_rotates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = cw_store_get_backup_dir (f->store);
  g_autofree char *today_path = g_build_filename (dir, "casewise-2026-03-10.db", NULL);
  GDate today = date_of ("2026-03-10");
  g_autoptr (GPtrArray) paths = NULL;

  g_assert_true (cw_store_backup_auto (f->store, &today, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (today_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_backups (f), ==, 1);
  /* Once a day. */
  g_assert_true (cw_store_backup_auto (f->store, &today, &error));
  g_assert_cmpuint (n_backups (f), ==, 1);

  touch_backup (dir, "casewise-2026-03-01.db", today_path);
  touch_backup (dir, "casewise-2026-03-03-101010.db", today_path);
  touch_backup (dir, "casewise-2026-03-04.db", today_path);
  touch_backup (dir, "other-2026-01-01.db", today_path); /* another database's: left alone */
  touch_backup (dir, "casewise-2026-03-10-140000.db", today_path);
  /* Described as a person reads them. */
  {
    g_autofree char *daily = g_build_filename (dir, "casewise-2026-03-10.db", NULL);
    g_autofree char *made = g_build_filename (dir, "casewise-2026-03-10-140000.db", NULL);
    g_autofree char *daily_text = NULL;
    g_autofree char *made_text = NULL;
    gboolean automatic = FALSE;

    daily_text = cw_store_backup_describe (f->store, daily, &automatic);
    g_assert_cmpstr (daily_text, ==, "10 Mar 2026");
    g_assert_true (automatic);
    made_text = cw_store_backup_describe (f->store, made, &automatic);
    g_assert_cmpstr (made_text, ==, "10 Mar 2026, 14:00");
    g_assert_false (automatic);
  }
  /* Newest first: the one made at 14:00 comes before that day's automatic one. */
  {
    g_autoptr (GPtrArray) sorted = cw_store_backup_list (f->store, &error);
    g_assert_true (g_str_has_suffix (sorted->pdata[0], "casewise-2026-03-10-140000.db"));
    g_assert_true (g_str_has_suffix (sorted->pdata[1], "casewise-2026-03-10.db"));
  }
  {
    g_autofree char *made = g_build_filename (dir, "casewise-2026-03-10-140000.db", NULL);
    g_assert_cmpint (g_remove (made), ==, 0);
  }
  g_assert_cmpuint (n_backups (f), ==, 4);
  /* Keep 7 days of automatic backups: 4 to 10 March. The one made on
   * request (with a time) is kept whatever its age. */
  g_assert_true (cw_store_backup_auto (f->store, &today, &error));
  paths = cw_store_backup_list (f->store, &error);
  g_assert_cmpuint (paths->len, ==, 3);
  g_assert_true (g_str_has_suffix (paths->pdata[0], "casewise-2026-03-10.db"));
  g_assert_true (g_str_has_suffix (paths->pdata[1], "casewise-2026-03-04.db"));
  g_assert_true (g_str_has_suffix (paths->pdata[2], "casewise-2026-03-03-101010.db"));
  {
    g_autofree char *other = g_build_filename (dir, "other-2026-01-01.db", NULL);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  /* A shorter retention prunes more. */
  g_assert_true (cw_store_set_setting (f->store, "backup-retention-days", "1", &error));
  g_assert_true (cw_store_backup_auto (f->store, &today, &error));
  g_assert_cmpuint (n_backups (f), ==, 2);
}

static void
on_reset (gboolean *reset)
{
  *reset = TRUE;
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = cw_store_create_review (f->store, "learning", "A", NULL, NULL, NULL,
                                               &error);
  g_autofree char *path = cw_store_backup_create (f->store, &error);
  g_autofree char *b = cw_store_create_review (f->store, "learning", "B", NULL, NULL, NULL,
                                               &error);
  g_autoptr (CwRecord) found = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean reset = FALSE;

  g_signal_connect_swapped (f->store, "reset", G_CALLBACK (on_reset), &reset);
  g_assert_true (cw_store_backup_restore (f->store, name, &error));
  g_assert_no_error (error);
  g_assert_true (reset);
  found = cw_store_find_review (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_null (cw_store_find_review (f->store, b, NULL));
  /* What was there before the restore was saved first. */
  g_assert_cmpuint (n_backups (f), ==, 2);
  /* And the store keeps working, audit and all. */
  g_assert_true (cw_store_update (f->store, &cw_entity_review, cw_record_get_id (found), "title",
                                  "A again", &error));
  g_assert_no_error (error);
}

static void
test_restore_refuses_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = cw_store_create_review (f->store, "learning", "A", NULL, NULL, NULL,
                                               &error);
  g_autofree char *dir = cw_store_get_backup_dir (f->store);
  g_autofree char *bad = g_build_filename (dir, "casewise-2026-01-01.db", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "garbage, not a database", -1, NULL));
  g_assert_false (cw_store_backup_restore (f->store, "2026-01-01", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_nonnull (cw_store_find_review (f->store, a, &error));
  g_assert_false (cw_store_backup_restore (f->store, "1999-01-01", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Part of a name or date is not enough: a restore never guesses. */
  g_assert_false (cw_store_backup_restore (f->store, "2026", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_store_backup_restore (f->store, "-", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

static void
test_restore_older_version (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_path = g_build_filename (f->dir, "old-copy.db", NULL);
  g_autoptr (CwRecord) review = NULL;
  CwStore *old = cw_store_open_at_version (old_path, 1, &error);

  g_assert_no_error (error);
  g_assert_true (cw_store_exec (old, "INSERT INTO review (reference, title, kind)"
                                     " VALUES ('LR-2024-001', 'Old', 'learning')", &error));
  g_object_unref (old);
  g_assert_true (cw_store_backup_restore (f->store, old_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_schema_version (f->store), ==, CW_SCHEMA_VERSION);
  review = cw_store_find_review (f->store, "LR-2024-001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cw_store_get_referral (f->store, cw_record_get_id (review), &error));
}

static void
test_memory_has_no_backups (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_null (cw_store_backup_create (store, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED);
  g_assert_true (cw_store_backup_auto (store, NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-list", test_create_and_list);
  ADD ("auto-rotates", test_auto_rotates);
  ADD ("restore", test_restore);
  ADD ("restore-refuses-damaged", test_restore_refuses_damaged);
  ADD ("restore-older-version", test_restore_older_version);
#undef ADD
  g_test_add_func ("/backup/memory", test_memory_has_no_backups);
  return g_test_run ();
}

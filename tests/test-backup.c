/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cw-core.h"
#include "cw-demo.h"
#include "cw-store-private.h"
#include "test-files.h"
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
  g_assert_true (cw_store_backup_restore (f->store, name, 0, &error));
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
  g_assert_false (cw_store_backup_restore (f->store, "2026-01-01", 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_nonnull (cw_store_find_review (f->store, a, &error));
  g_assert_false (cw_store_backup_restore (f->store, "1999-01-01", 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Part of a name or date is not enough: a restore never guesses. */
  g_assert_false (cw_store_backup_restore (f->store, "2026", 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_store_backup_restore (f->store, "-", 0, &error));
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
  /* A file from elsewhere, with no id to say whose it is: only when asked. */
  g_assert_false (cw_store_backup_restore (f->store, old_path, 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_OTHER_DATABASE);
  g_clear_error (&error);
  g_assert_null (cw_store_find_review (f->store, "LR-2024-001", NULL));
  g_assert_true (cw_store_backup_restore (f->store, old_path, CW_STORE_RESTORE_OTHER_DATABASE,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_schema_version (f->store), ==, CW_SCHEMA_VERSION);
  review = cw_store_find_review (f->store, "LR-2024-001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cw_store_get_referral (f->store, cw_record_get_id (review), &error));
}

/* A restore checks its source before it touches anything: an empty file,
 * an SQLite file with nothing in it, another program's database, a
 * damaged backup, one from a newer Casewise and one whose audit trail lost
 * its guard are refused, and the database stays byte for byte as it was,
 * with no backup made for nothing. */
static void
test_restore_verifies_source (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "Kept", NULL, NULL, NULL,
                                                 &error);
  g_autofree char *good = cw_store_backup_create (f->store, &error);
  g_autofree char *dir = cw_store_get_backup_dir (f->store);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  struct
  {
    const char *name;
    int         code;
    const char *says;
  } bad[] = {
    { "casewise-2026-01-01.db", CW_STORE_ERROR_CORRUPT, "empty (0 bytes)" },
    { "casewise-2026-01-02.db", CW_STORE_ERROR_CORRUPT, "not an SQLite database" },
    { "casewise-2026-01-03.db", CW_STORE_ERROR_CORRUPT, "empty SQLite database" },
    { "casewise-2026-01-04.db", CW_STORE_ERROR_CORRUPT, "another program" },
    { "casewise-2026-01-05.db", CW_STORE_ERROR_CORRUPT, "integrity check" },
    { "casewise-2026-01-06.db", CW_STORE_ERROR_NEWER_VERSION, "newer version" },
    { "casewise-2026-01-07.db", CW_STORE_ERROR_CORRUPT, "audit trail" },
  };
  g_autofree char *paths[G_N_ELEMENTS (bad)] = { NULL };
  g_autofree char *before = NULL;
  g_autofree char *wal_before = NULL;
  gsize length, wal_length;
  guint n;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    paths[i] = g_build_filename (dir, bad[i].name, NULL);
  g_assert_true (g_file_set_contents (paths[0], "", 0, NULL));
  g_assert_true (g_file_set_contents (paths[1], "Minutes of the review group", -1, NULL));
  write_sqlite (paths[2], "CREATE TABLE t (x); DROP TABLE t");
  write_sqlite (paths[3], "CREATE TABLE bookmarks (url TEXT)");
  {
    g_autoptr (CwStore) big = NULL;
    g_autofree char *big_path = g_build_filename (f->dir, "big.db", NULL);

    big = cw_store_open (big_path, &error);
    g_assert_nonnull (cw_store_add_demo (big, NULL, &error));
    g_clear_object (&big);
    copy_file (big_path, paths[4]);
    scribble (paths[4]);
  }
  copy_file (good, paths[5]);
  write_sqlite (paths[5], "PRAGMA user_version = 99");
  copy_file (good, paths[6]);
  write_sqlite (paths[6], "DROP TRIGGER audit_append_only_update");
  n = n_backups (f);
  before = bytes_of (f->path, &length);
  wal_before = bytes_of (wal, &wal_length);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i].says);
      g_assert_false (cw_store_backup_restore (f->store, paths[i], 0, &error));
      g_assert_error (error, CW_STORE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_assert_nonnull (strstr (error->message, bad[i].says));
      g_assert_nonnull (strstr (error->message, "Nothing has been changed"));
      g_clear_error (&error);
    }
  {
    gsize after_length, wal_after_length;
    g_autofree char *after = bytes_of (f->path, &after_length);
    g_autofree char *wal_after = bytes_of (wal, &wal_after_length);

    g_assert_cmpmem (before, length, after, after_length);
    g_assert_cmpmem (wal_before, wal_length, wal_after, wal_after_length);
  }
  g_assert_cmpuint (n_backups (f), ==, n);
  g_assert_nonnull (cw_store_find_review (f->store, ref, NULL));
  /* Nor is the database restored over itself. */
  g_assert_false (cw_store_backup_restore (f->store, f->path, 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static char *
last_audit (CwStore    *store,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit ORDER BY id DESC LIMIT 1",
                                          column);
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The restored database's trail says it was restored, from what, taken when. */
static void
test_restore_is_audited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *action = NULL;

  g_assert_true (cw_clock_set ("2026-03-10", NULL));
  path = cw_store_backup_create (f->store, &error);
  g_assert_no_error (error);
  name = g_path_get_basename (path);
  g_assert_true (cw_store_backup_restore (f->store, path, 0, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("restored from %s, taken at 2026-03-10 12:00:00", name);
  text = last_audit (f->store, "new_value");
  g_assert_cmpstr (text, ==, expected);
  action = last_audit (f->store, "action");
  g_assert_cmpstr (action, ==, "restore");
  actor = last_audit (f->store, "actor");
  g_assert_cmpstr (actor, ==, "Test Reviewer");
  cw_clock_set_fixed (NULL);
}

/* When the database itself is damaged (when a restore is needed most) the
 * restore works on the path, without opening it: the damaged file is kept
 * aside with its log, the backup takes its place, and the trail says so. */
static void
test_restore_over_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  gsize length, aside_length;

  g_assert_nonnull (cw_store_add_demo (f->store, NULL, &error));
  a = cw_store_create_review (f->store, "learning", "Before the damage", NULL, NULL, NULL,
                              &error);
  path = cw_store_backup_create (f->store, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  scribble (f->path);
  g_assert_true (g_file_set_contents (wal, "a log that is not one", -1, NULL));
  damaged = bytes_of (f->path, &length);
  g_assert_null (cw_store_open (f->path, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  /* A backup that is not one is refused here too, the damaged file left. */
  write_sqlite (foreign, "CREATE TABLE bookmarks (url TEXT)");
  g_assert_false (cw_store_backup_restore_at (f->path, foreign, 0, NULL, &aside, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (aside);
  {
    gsize now_length;
    g_autofree char *now = bytes_of (f->path, &now_length);
    g_assert_cmpmem (now, now_length, damaged, length);
  }

  g_assert_true (cw_store_backup_restore_at (f->path, path, 0, "Test Reviewer", &aside,
                                             &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, cw_store_backup_root (f->path)));
  {
    g_autofree char *kept = bytes_of (aside, &aside_length);
    g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

    g_assert_cmpmem (kept, aside_length, damaged, length);
    g_assert_true (g_file_test (aside_wal, G_FILE_TEST_IS_REGULAR));
  }
  /* The stale log went with it: none is played into the restored file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* Not listed as a backup to restore. */
  {
    g_autoptr (GPtrArray) list = cw_store_backup_list_at (f->path, NULL);
    for (guint i = 0; i < list->len; i++)
      g_assert_false (g_str_equal (list->pdata[i], aside));
  }
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cw_store_find_review (f->store, a, NULL));
  {
    g_autofree char *text = last_audit (f->store, "new_value");
    g_autofree char *actor = last_audit (f->store, "actor");
    g_autofree char *name = g_path_get_basename (path);

    g_assert_true (g_str_has_prefix (text, "restored from "));
    g_assert_nonnull (strstr (text, name));
    g_assert_cmpstr (actor, ==, "Test Reviewer");
  }
}

/* cases.db and cases.bak in one folder: each has backups of its own, and
 * neither restores the other's without being told. Backups of the old
 * naming (straight in casewise-backups/) are still listed. */
static void
test_names_per_database (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, "cases.db", NULL);
  g_autofree char *bak_path = g_build_filename (f->dir, "cases.bak", NULL);
  g_autoptr (CwStore) db = cw_store_open (db_path, &error);
  g_autoptr (CwStore) bak = cw_store_open (bak_path, &error);
  g_autoptr (GPtrArray) db_list = NULL;
  g_autoptr (GPtrArray) bak_list = NULL;
  g_autofree char *db_dir = cw_store_get_backup_dir (db);
  g_autofree char *bak_dir = cw_store_get_backup_dir (bak);
  g_autofree char *from_bak = NULL;
  g_autofree char *ref = NULL;
  GDate today = date_of ("2026-03-10");

  g_assert_no_error (error);
  g_assert_cmpstr (db_dir, !=, bak_dir);
  ref = cw_store_create_review (bak, "learning", "In the .bak", NULL, NULL, NULL, &error);
  g_assert_true (cw_store_backup_auto (db, &today, &error));
  g_assert_true (cw_store_backup_auto (bak, &today, &error));
  g_assert_no_error (error);
  from_bak = cw_store_backup_create (bak, &error);
  db_list = cw_store_backup_list (db, &error);
  bak_list = cw_store_backup_list (bak, &error);
  g_assert_cmpuint (db_list->len, ==, 1);
  g_assert_cmpuint (bak_list->len, ==, 2);
  g_assert_true (g_str_has_prefix (db_list->pdata[0], db_dir));
  for (guint i = 0; i < bak_list->len; i++)
    g_assert_true (g_str_has_prefix (bak_list->pdata[i], bak_dir));

  /* Another database's backup: refused unless asked, nothing changed. */
  g_assert_false (cw_store_backup_restore (db, from_bak, 0, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_OTHER_DATABASE);
  g_clear_error (&error);
  g_assert_null (cw_store_find_review (db, ref, NULL));
  g_assert_true (cw_store_backup_restore (db, from_bak, CW_STORE_RESTORE_OTHER_DATABASE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cw_store_find_review (db, ref, NULL));
  /* ... and the database is still itself: its own backups restore as before. */
  g_assert_true (cw_store_backup_restore (db, db_list->pdata[0], 0, &error));
  g_assert_no_error (error);
  g_assert_null (cw_store_find_review (db, ref, NULL));

  /* The old naming: listed, restored, found by date. */
  {
    g_autofree char *root = cw_store_backup_root (db_path);
    g_autofree char *legacy = g_build_filename (root, "cases-2025-12-01.db", NULL);
    g_autoptr (GPtrArray) list = NULL;
    g_autofree char *found = NULL;

    copy_file (db_list->pdata[0], legacy);
    list = cw_store_backup_list (db, &error);
    g_assert_cmpuint (list->len, ==, 4);
    g_assert_cmpstr (list->pdata[list->len - 1], ==, legacy);
    found = cw_store_backup_find (db, "2025-12-01", &error);
    g_assert_cmpstr (found, ==, legacy);
    g_assert_true (cw_store_backup_restore (db, "2025-12-01", 0, &error));
    g_assert_no_error (error);
    /* The .bak may list it by its stem, but may not restore it. */
    g_assert_false (cw_store_backup_restore (bak, legacy, 0, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_OTHER_DATABASE);
  }
}

/* A backup or a restore interrupted leaves partial files: never listed,
 * removed the next time the database is opened; another's left alone. */
static void
test_partials_cleaned (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = cw_store_get_backup_dir (f->store);
  g_autofree char *root = cw_store_backup_root (f->path);
  g_autofree char *made = cw_store_backup_create (f->store, &error);
  const char *ours[] = {
    "casewise-backups/casewise.db/casewise-2026-01-01.db.part",
    "casewise-backups/casewise.db/casewise-2026-01-01.db.part-journal",
    "casewise-backups/casewise-2025-12-01-101010.db.part",
    ".casewise.db.restoring.part",
  };
  g_autofree char *theirs = g_build_filename (root, "other-2026-01-01.db.part", NULL);
  g_autoptr (GPtrArray) list = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, ours[i], NULL);
      copy_file (made, path);
    }
  copy_file (made, theirs);
  list = cw_store_backup_list (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (list->pdata[0], ==, made);
  g_clear_object (&f->store);
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, ours[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
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
  ADD ("restore-verifies-source", test_restore_verifies_source);
  ADD ("restore-is-audited", test_restore_is_audited);
  ADD ("restore-over-damaged", test_restore_over_damaged);
  ADD ("names-per-database", test_names_per_database);
  ADD ("partials-cleaned", test_partials_cleaned);
#undef ADD
  g_test_add_func ("/backup/memory", test_memory_has_no_backups);
  return g_test_run ();
}

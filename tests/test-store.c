/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "cw-core.h"
#include "cw-demo.h"
#include "cw-store-migrations.h"
#include "cw-store-private.h"
#include "test-files.h"
#include "test-helpers.h"
#include "test-sleeps.h"

static char *
read_bytes (const char *path, gsize *len)
{
  char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
assert_untouched_after_refusal_by (const char       *path,
                                   CwStoreOpenFlags  flags,
                                   CwStoreError      expected)
{
  gsize before_len, after_len;
  g_autofree char *before = read_bytes (path, &before_len);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open_full (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, (int) expected);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not been changed"));
  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  /* Nor anything new beside it. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
assert_untouched_after_refusal (const char   *path,
                                CwStoreError  expected)
{
  assert_untouched_after_refusal_by (path, CW_STORE_OPEN_CREATE, expected);
}

static void
test_new_file_private (Fixture *f, gconstpointer data)
{
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cw_store_get_schema_version (f->store), ==, CW_SCHEMA_VERSION);
#ifdef G_OS_UNIX
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif
  /* WAL journal: the -wal file sits beside the database while it is open. */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_foreign_keys_on (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (cw_store_exec (f->store,
                                 "INSERT INTO person (review_id, pseudonym) VALUES (999, 'X')",
                                 &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
}

static void
test_refuses_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr (GError) error = NULL;
  CwStore *store = cw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cw_store_exec (store, "PRAGMA user_version = 99", &error));
  g_object_unref (store);
  assert_untouched_after_refusal (path, CW_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuses_text_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *text = g_strnfill (3000, 'x');

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_untouched_after_refusal (path, CW_STORE_ERROR_CORRUPT);
}

static void
test_refuses_other_program (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_untouched_after_refusal (path, CW_STORE_ERROR_CORRUPT);
}

static void
test_refuses_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *demo = NULL;
  CwStore *store = cw_store_open (path, &error);
  gsize len;

  g_assert_no_error (error);
  demo = cw_store_add_demo (store, NULL, &error);
  g_assert_nonnull (demo);
  g_object_unref (store);
  /* Scribble over the second half of the file: b-tree pages the check reads. */
  contents = read_bytes (path, &len);
  g_assert_cmpuint (len, >, 8192);
  memset (contents + len / 2, 0xA5, len / 2);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_untouched_after_refusal (path, CW_STORE_ERROR_CORRUPT);
}

/* Without CW_STORE_OPEN_CREATE, a missing file is not created and an empty
 * one (no bytes, or an SQLite file with nothing in it) gets no schema. */
static void
test_open_without_create (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.db", NULL);
  const char *files[] = { empty, blank };
  g_autoptr (GError) error = NULL;

  g_assert_null (cw_store_open_full (missing, CW_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (blank, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); DROP TABLE t", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
  }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      assert_untouched_after_refusal_by (files[i], CW_STORE_OPEN_DEFAULT,
                                         CW_STORE_ERROR_NOT_FOUND);
      {
        g_autoptr (CwStore) store = cw_store_open_full (files[i], CW_STORE_OPEN_CREATE, &error);
        g_assert_no_error (error);
        g_assert_cmpint (cw_store_get_schema_version (store), ==, CW_SCHEMA_VERSION);
      }
    }
  remove_tree (dir);
}

#ifdef G_OS_UNIX
/* A database or backups that others could read are made the user's alone
 * when the database is opened, and the store says so, once. */
static void
test_tightens_permissions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = cw_store_backup_create (f->store, &error);
  g_autofree char *folder = cw_store_get_backup_dir (f->store);
  g_autofree char *root = g_path_get_dirname (folder);
  const char *const *notices;

  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (root, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (backup, 0644), ==, 0);
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  notices = cw_store_get_notices (f->store);
  g_assert_nonnull (notices[0]);
  g_assert_nonnull (notices[1]);
  g_assert_null (notices[2]);
  g_assert_nonnull (strstr (notices[0], f->path));
  g_assert_nonnull (strstr (notices[0], "0600"));
  g_assert_nonnull (strstr (notices[1], root));
  g_assert_cmpint (mode_of (f->path), ==, 0600);
  g_assert_cmpint (mode_of (root), ==, 0700);
  g_assert_cmpint (mode_of (folder), ==, 0700);
  g_assert_cmpint (mode_of (backup), ==, 0600);
  g_clear_object (&f->store);
  f->store = cw_store_open (f->path, &error);
  g_assert_null (cw_store_get_notices (f->store)[0]);
}
#endif

/* Each earlier schema version, with data in it, opens and migrates forward
 * with nothing lost. The data is written with the SQL of version 1, which
 * every later migration must carry along. */
static void
test_migrations (void)
{
  for (int version = 1; version < CW_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwRecord) review = NULL;
      g_autoptr (CwRecord) referral = NULL;
      g_autoptr (GListModel) people = NULL;
      g_autoptr (GListModel) history = NULL;
      CwStore *store = cw_store_open_at_version (path, version, &error);

      g_test_message ("migrating from version %d", version);
      g_assert_no_error (error);
      g_assert_cmpint (cw_store_get_schema_version (store), ==, version);
      g_assert_true (cw_store_exec (store,
        "INSERT INTO review (reference, title, kind, notification_date)"
        " VALUES ('LR-2025-007', 'An old review', 'learning', '2025-01-06');"
        "INSERT INTO person (review_id, pseudonym, real_name)"
        " VALUES (last_insert_rowid (), 'Child Z', 'Private Name')", &error));
      g_assert_no_error (error);
      /* From version 2 the app gives every review its referral form. */
      if (version >= 2)
        g_assert_true (cw_store_exec (store, "INSERT INTO referral (review_id)"
                                             " SELECT id FROM review", &error));
      g_assert_no_error (error);
      g_object_unref (store);

      store = cw_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cw_store_get_schema_version (store), ==, CW_SCHEMA_VERSION);
      /* The guards of the audit trail each migration made are as opening
       * expects them: nothing was put right. */
      g_assert_null (cw_store_get_notices (store)[0]);
      review = cw_store_find_review (store, "LR-2025-007", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cw_record_get (review, "title"), ==, "An old review");
      g_assert_cmpstr (cw_record_get (review, "notification_date"), ==, "2025-01-06");
      g_assert_cmpstr (cw_record_get (review, "profile"), ==, "england-current");
      referral = cw_store_get_referral (store, cw_record_get_id (review), &error);
      g_assert_no_error (error);
      people = cw_store_list (store, &cw_entity_person, cw_record_get_id (review), &error);
      g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
      /* The history written before the migration is still there. */
      history = cw_store_list_history (store, cw_record_get_id (review), &error);
      g_assert_cmpuint (g_list_model_get_n_items (history), >=, 2);
      /* And changes after it are audited with the new triggers. */
      g_assert_true (cw_store_update (store, &cw_entity_review, cw_record_get_id (review),
                                      "profile", "wales", &error));
      g_assert_no_error (error);
      g_clear_object (&history);
      history = cw_store_list_history (store, cw_record_get_id (review), &error);
      {
        g_autoptr (CwAuditEntry) last = g_list_model_get_item (history, 0);
        g_assert_cmpstr (cw_audit_entry_get_field_name (last), ==, "profile");
        g_assert_cmpstr (cw_audit_entry_get_new_value (last), ==, "wales");
      }
      g_object_unref (store);
    }
}

static gint64
count_rows (CwStore *store, const char *table)
{
  g_autoptr (GListModel) list = cw_store_list (store, cw_entity_lookup (table), 0, NULL);
  return list ? (gint64) g_list_model_get_n_items (list) : -1;
}

static gint64
audit_rows (Fixture *f, gint64 review_id)
{
  return count_of (cw_store_list_history (f->store, review_id, NULL));
}

static void
test_audit_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &id,
                                                 &error);
  gint64 before = audit_rows (f, id);

  g_assert_nonnull (ref);
  g_assert_cmpint (before, >, 0);
  g_assert_false (cw_store_exec (f->store, "UPDATE audit SET actor = 'someone else'", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (cw_store_exec (f->store, "DELETE FROM audit", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_assert_cmpint (audit_rows (f, id), ==, before);
}

static CwAuditEntry *history_row (Fixture *f, gint64 review_id, guint index);
static gboolean history_mentions (Fixture *f, gint64 review, const char *text);

/* Every row of the trail, one a line, to compare before and after. */
static char *
audit_dump (CwStore *store)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (store,
    "SELECT group_concat (id || '|' || at || '|' || actor || '|' || entity || '|' || action"
    " || '|' || coalesce (field, '') || '|' || coalesce (old_value, '') || '|'"
    " || coalesce (new_value, ''), char (10)) FROM (SELECT * FROM audit ORDER BY id)", &error);
  char *dump;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  dump = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return dump;
}

/* No statement removes or rewrites a row of the trail: REPLACE and INSERT
 * OR REPLACE delete the old row without firing delete triggers, an upsert
 * and UPDATE OR REPLACE update it, dropping or renaming the table takes
 * every row with it. Through another program's connection too. */
static void
test_audit_replace_refused (Fixture *f, gconstpointer data)
{
  static const char *const attacks[] = {
    "REPLACE INTO audit (id, at, actor, entity, entity_id, action)"
    " VALUES (1, 'x', 'forger', 'review', 1, 'insert')",
    "INSERT OR REPLACE INTO audit (id, at, actor, entity, entity_id, action)"
    " VALUES (1, 'x', 'forger', 'review', 1, 'insert')",
    "INSERT INTO audit (id, at, actor, entity, entity_id, action)"
    " VALUES (1, 'x', 'forger', 'review', 1, 'insert')"
    " ON CONFLICT (id) DO UPDATE SET actor = 'forger'",
    "INSERT OR IGNORE INTO audit (id, at, actor, entity, entity_id, action)"
    " VALUES (1, 'x', 'forger', 'review', 1, 'insert')",
    "UPDATE OR REPLACE audit SET actor = 'forger' WHERE id = 1",
    "DELETE FROM audit WHERE id = 1",
    "DROP TABLE audit",
    "ALTER TABLE audit RENAME TO old_audit",
    "DROP TRIGGER audit_append_only_insert",
    "DROP TRIGGER audit_append_only_delete",
  };
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &id,
                                                 &error);
  g_autofree char *before = audit_dump (f->store);
  g_autofree char *after = NULL;
  sqlite3 *other = NULL;

  g_assert_nonnull (ref);
  g_assert_true (g_str_has_prefix (before, "1|"));
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_test_message ("%s", attacks[i]);
      /* INSERT OR IGNORE is refused, not ignored: the guard raises ABORT. */
      g_assert_false (cw_store_exec (f->store, attacks[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  sqlite3_busy_timeout (other, 5000);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (sqlite3_exec (other, attacks[i], NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (other);
  after = audit_dump (f->store);
  g_assert_cmpstr (after, ==, before);
  /* The trail still takes new rows. */
  g_assert_true (cw_store_update (f->store, &cw_entity_review, id, "title", "U", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, id), ==, count_of (cw_store_list_history (f->store, id, NULL)));
  g_free (after);
  after = audit_dump (f->store);
  g_assert_true (g_str_has_prefix (after, before));
  g_assert_cmpuint (strlen (after), >, strlen (before));
}

static gboolean
trigger_exists (const char *path,
                const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger'"
                                           " AND name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

/* Another program drops or alters the trail's triggers: opening puts them
 * back and says so, once. */
static void
test_audit_triggers_recreated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &id,
                                                 &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *const *notices;
  sqlite3 *db = NULL;

  g_assert_nonnull (ref);
  g_assert_null (cw_store_get_notices (f->store)[0]);
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_append_only_update;"
                                     "DROP TRIGGER audit_append_only_insert;"
                                     "DROP TRIGGER audit_review_update;"
                                     "DROP TRIGGER audit_person_insert;"
                                     "CREATE TRIGGER audit_person_insert AFTER INSERT ON person"
                                     " BEGIN SELECT 1; END;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (trigger_exists (f->path, "audit_append_only_update"));

  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  cw_store_set_actor (f->store, "Test Reviewer");
  notices = cw_store_get_notices (f->store);
  g_assert_nonnull (notices[0]);
  g_assert_null (notices[1]);
  g_assert_nonnull (strstr (notices[0], f->path));
  g_assert_nonnull (strstr (notices[0], "4 safeguards of the audit trail"));
  g_assert_true (trigger_exists (f->path, "audit_append_only_update"));
  g_assert_true (trigger_exists (f->path, "audit_append_only_insert"));

  /* Guarded and recording again. */
  before = audit_dump (f->store);
  g_assert_false (cw_store_exec (f->store, "UPDATE audit SET actor = 'forger'", NULL));
  g_assert_false (cw_store_exec (f->store, "REPLACE INTO audit (id, at, actor, entity, entity_id,"
                                           " action) VALUES (1, 'x', 'x', 'x', 1, 'x')", NULL));
  after = audit_dump (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (cw_store_update (f->store, &cw_entity_review, id, "title", "U", &error));
  {
    g_autoptr (CwAuditEntry) row = history_row (f, id, 0);
    g_assert_cmpstr (cw_audit_entry_get_new_value (row), ==, "U");
  }
  {
    const char *pairs[] = { "pseudonym", "Mother", NULL };
    g_assert_cmpint (cw_store_insert (f->store, &cw_entity_person, id, pairs, &error), >, 0);
    g_autoptr (CwAuditEntry) row = history_row (f, id, 0);
    g_assert_cmpstr (cw_audit_entry_get_table (row), ==, "person");
  }

  /* Put right once: the next opening has nothing to say. */
  g_clear_object (&f->store);
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (cw_store_get_notices (f->store)[0]);
}

/* Long free text is recorded by its length: once a review is deleted for
 * good, what its descriptions said is nowhere in the trail. */
static void
test_audit_keeps_length_of_long_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAuditEntry) row = NULL;
  gint64 review = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &review,
                                                 &error);

  g_assert_nonnull (ref);
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "summary",
                                  "Moved to Zedport", &error));
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "summary", "X", &error));
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_field_name (row), ==, "summary");
  g_assert_cmpstr (cw_audit_entry_get_old_value (row), ==, "(16 characters)");
  g_assert_cmpstr (cw_audit_entry_get_new_value (row), ==, "(1 character)");
  g_assert_false (history_mentions (f, review, "Moved to Zedport"));
  /* Short values stay readable. */
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "Tee", &error));
  g_assert_true (history_mentions (f, review, "Tee"));
}

/* The migrations' files in the program's resources: one per schema
 * version from 1 to CW_SCHEMA_VERSION, without a gap or one too many, each
 * whole statements; and every .sql file of src/core/store/migrations is
 * in them (listed in migrations.gresource.xml). */
static void
test_migration_files (void)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = g_resource_enumerate_children (cw_store_migrations_get_resource (),
                                                        CW_STORE_MIGRATIONS_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "store",
                                                   "migrations", NULL);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, CW_SCHEMA_VERSION);
  for (int version = 1; version <= CW_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = cw_store_migration_path (version);
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr (GBytes) sql = g_resource_lookup_data (cw_store_migrations_get_resource (), path,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      g_assert_no_error (error);
      g_assert_true (g_strv_contains ((const char *const *) names, base));
      g_assert_cmpuint (g_bytes_get_size (sql), >, 0);
      g_assert_true (sqlite3_complete (g_bytes_get_data (sql, NULL)));
    }
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sql"))
      g_assert_true (g_strv_contains ((const char *const *) names, name));
}

/* A migration that fails says which file. */
static void
test_migration_error_names_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr (GError) error = NULL;
  /* Version 7 adds the trigger this is in the way of. */
  CwStore *store = cw_store_open_at_version (path, 6, &error);
  g_autofree char *expected = g_strdup_printf ("“%s” to version %d", path, 7);

  g_assert_no_error (error);
  /* In the way of the next migration. */
  g_assert_true (cw_store_exec (store, "CREATE TABLE blocker (x);"
                                       "CREATE TRIGGER audit_append_only_insert AFTER INSERT ON"
                                       " blocker BEGIN SELECT 1; END", &error));
  g_object_unref (store);
  g_assert_null (cw_store_open (path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, expected));
  remove_tree (dir);
}

static CwAuditEntry *
history_row (Fixture *f, gint64 review_id, guint index)
{
  g_autoptr (GListModel) history = cw_store_list_history (f->store, review_id, NULL);
  return g_list_model_get_item (history, index);
}

static void
test_audit_records_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAuditEntry) row = NULL;
  gint64 review = 0, person;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "Before", "Child C",
                                                 NULL, &review, &error);
  const char *pairs[] = { "pseudonym", "Mother", "real_name", "Jane Example", NULL };

  g_assert_nonnull (ref);
  g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "After", &error));
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_action_name (row), ==, "update");
  g_assert_cmpstr (cw_audit_entry_get_table (row), ==, "review");
  g_assert_cmpstr (cw_audit_entry_get_field_name (row), ==, "title");
  g_assert_cmpstr (cw_audit_entry_get_old_value (row), ==, "Before");
  g_assert_cmpstr (cw_audit_entry_get_new_value (row), ==, "After");
  g_assert_cmpstr (cw_audit_entry_get_actor (row), ==, "Test Reviewer");
  g_assert_true (g_str_has_suffix (cw_audit_entry_get_at (row), "Z"));
  g_clear_object (&row);

  /* No change, no entry. */
  {
    gint64 n = audit_rows (f, review);
    g_assert_true (cw_store_update (f->store, &cw_entity_review, review, "title", "After", NULL));
    g_assert_cmpint (audit_rows (f, review), ==, n);
  }

  /* The reviewer name from preferences names the actor. */
  cw_store_set_actor (f->store, NULL);
  g_assert_true (cw_store_set_setting (f->store, "reviewer-name", "Dr R. Viewer", &error));
  person = cw_store_insert (f->store, &cw_entity_person, review, pairs, &error);
  g_assert_no_error (error);
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_actor (row), ==, "Dr R. Viewer");
  g_assert_cmpstr (cw_audit_entry_get_action_name (row), ==, "insert");
  g_assert_cmpstr (cw_audit_entry_get_table (row), ==, "person");
  g_clear_object (&row);

  /* The history keeps a name of one line without control characters. */
  g_assert_false (cw_store_set_setting (f->store, "reviewer-name", "Dr\x1b]0;x\a", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reviewer name holds a control character"));
  g_clear_error (&error);
  g_assert_cmpstr (cw_store_get_actor (f->store), ==, "Dr R. Viewer");
  /* One stored by an older version, or given by a caller, is cleaned. */
  g_assert_true (cw_store_exec (f->store, "UPDATE setting SET value = 'Old' || char (27) || '[2J'"
                                          " || char (10) || 'name' WHERE key = 'reviewer-name'",
                                &error));
  cw_store_set_actor (f->store, NULL);
  g_assert_cmpstr (cw_store_get_actor (f->store), ==, "Old[2J name");
  cw_store_set_actor (f->store, "Given\aname\r\n");
  g_assert_cmpstr (cw_store_get_actor (f->store), ==, "Givenname");
  cw_store_set_actor (f->store, NULL);

  /* Without one, the operating system's user. */
  g_assert_true (cw_store_set_setting (f->store, "reviewer-name", "", &error));
  g_assert_cmpstr (cw_store_get_actor (f->store), ==, g_get_user_name ());

  g_assert_true (cw_store_delete (f->store, &cw_entity_person, person, &error));
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_action_name (row), ==, "delete");
  g_assert_cmpstr (cw_audit_entry_get_table (row), ==, "person");
  g_assert_nonnull (cw_audit_entry_get_old_value (row));
  g_clear_object (&row);

  g_assert_true (cw_store_undelete (f->store, &cw_entity_person, person, &error));
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_action_name (row), ==, "restore");
}

static gboolean
history_mentions (Fixture *f, gint64 review, const char *text)
{
  g_autoptr (GListModel) history = cw_store_list_history (f->store, review, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr (CwAuditEntry) row = g_list_model_get_item (history, i);
      if (g_strcmp0 (cw_audit_entry_get_old_value (row), text) == 0
          || g_strcmp0 (cw_audit_entry_get_new_value (row), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A change to a real name is recorded, its value never: once the person is
 * deleted and purged, the name is nowhere in the file's trail. */
static void
test_audit_keeps_no_private_values (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAuditEntry) row = NULL;
  gint64 review = 0, person;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &review,
                                                 &error);
  const char *pairs[] = { "pseudonym", "Mother", "real_name", "Jane Example",
                          "date_of_birth", "1/2/1990", NULL };

  g_assert_nonnull (ref);
  person = cw_store_insert (f->store, &cw_entity_person, review, pairs, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_update (f->store, &cw_entity_person, person, "real_name",
                                  "Janet Example", &error));
  row = history_row (f, review, 0);
  g_assert_cmpstr (cw_audit_entry_get_field_name (row), ==, "real_name");
  g_assert_cmpstr (cw_audit_entry_get_old_value (row), ==, "(private)");
  g_assert_cmpstr (cw_audit_entry_get_new_value (row), ==, "(private)");
  g_assert_true (history_mentions (f, review, "Mother"));
  g_assert_false (history_mentions (f, review, "Jane Example"));
  g_assert_false (history_mentions (f, review, "Janet Example"));
  g_assert_false (history_mentions (f, review, "1990-02-01"));
}

static void
test_delete_undo_purge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) back = NULL;
  gint64 review = 0, person;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &review,
                                                 &error);
  const char *pairs[] = { "pseudonym", "Father", NULL };

  g_assert_nonnull (ref);
  person = cw_store_insert (f->store, &cw_entity_person, review, pairs, &error);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_person, review, NULL)), ==, 1);
  g_assert_true (cw_store_delete (f->store, &cw_entity_person, person, &error));
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_person, review, NULL)), ==, 0);
  /* Undo brings back the same row, not a copy. */
  g_assert_true (cw_store_undelete (f->store, &cw_entity_person, person, &error));
  back = cw_store_get (f->store, &cw_entity_person, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_record_get (back, "pseudonym"), ==, "Father");
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_person, review, NULL)), ==, 1);

  /* Purging one deleted row leaves another deletion open to undo. */
  {
    const char *other[] = { "pseudonym", "Aunt", NULL };
    gint64 aunt = cw_store_insert (f->store, &cw_entity_person, review, other, &error);

    g_assert_true (cw_store_delete (f->store, &cw_entity_person, person, &error));
    g_assert_true (cw_store_delete (f->store, &cw_entity_person, aunt, &error));
    g_assert_true (cw_store_purge (f->store, &cw_entity_person, aunt, &error));
    g_assert_false (cw_store_undelete (f->store, &cw_entity_person, aunt, NULL));
    g_assert_true (cw_store_undelete (f->store, &cw_entity_person, person, &error));
    /* A row not deleted is not purged. */
    g_assert_true (cw_store_purge (f->store, &cw_entity_person, person, &error));
    g_assert_nonnull (cw_store_get (f->store, &cw_entity_person, person, NULL));
  }

  /* Deleting the review hides it; purging removes it and its rows. */
  g_assert_true (cw_store_delete (f->store, &cw_entity_review, review, &error));
  g_assert_cmpint (count_rows (f->store, "review"), ==, 0);
  g_assert_true (cw_store_purge_deleted (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (cw_store_undelete (f->store, &cw_entity_review, review, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cw_store_get (f->store, &cw_entity_person, person, NULL));
}

/* The audit trail names rows by id: a purged review's id is never given
 * to a new one, whose history would otherwise start with the old one's. */
static void
test_ids_never_reused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 old_id = 0, new_id = 0;
  g_autofree char *old_ref = cw_store_create_review (f->store, "learning", "Old", NULL, NULL,
                                                     &old_id, &error);
  g_autofree char *new_ref = NULL;
  g_autoptr (GListModel) history = NULL;

  g_assert_nonnull (old_ref);
  g_assert_true (cw_store_delete (f->store, &cw_entity_review, old_id, &error));
  g_assert_true (cw_store_purge_deleted (f->store, &error));
  new_ref = cw_store_create_review (f->store, "learning", "New", NULL, NULL, &new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, old_id);
  history = cw_store_list_history (f->store, new_id, &error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr (CwAuditEntry) row = g_list_model_get_item (history, i);
      g_assert_cmpstr (cw_audit_entry_get_action_name (row), ==, "insert");
      g_assert_cmpstr (cw_audit_entry_get_old_value (row), ==, NULL);
      g_assert_cmpstr (cw_audit_entry_get_new_value (row) ?: "", !=, "Old");
    }
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 review = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &review,
                                                 &error);
  const char *no_pseudonym[] = { "role", "Uncle", NULL };
  const char *bad_agency[] = { "group_kind", "case", "name", "A Person", "agency_id", "9999",
                               NULL };
  const char *bad_dob[] = { "pseudonym", "Uncle", "date_of_birth", "31/02/2020", NULL };

  g_assert_nonnull (ref);
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_person, review, no_pseudonym, &error),
                   ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_member, review, bad_agency, &error), ==,
                   0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Agency"));
  g_clear_error (&error);
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_person, review, bad_dob, &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The reference and phase are the core's to set. */
  g_assert_false (cw_store_update (f->store, &cw_entity_review, review, "reference", "X-1",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cw_store_update (f->store, &cw_entity_review, review, "phase", "closed",
                                   &error));
  g_clear_error (&error);
  g_assert_false (cw_store_update (f->store, &cw_entity_review, review, "profile", "mars",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_person, review, NULL)), ==, 0);
}

static void
test_transaction_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwTransaction *tx;
  g_autofree char *ref = NULL;
  gint64 review = 0;
  const char *pairs[] = { "pseudonym", "Child D", NULL };

  tx = cw_transaction_begin (f->store, &error);
  g_assert_nonnull (tx);
  ref = cw_store_create_review (f->store, "learning", "Doomed", NULL, NULL, &review, &error);
  g_assert_nonnull (ref);
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_person, review, pairs, &error), >, 0);
  g_clear_pointer (&tx, cw_transaction_free);
  g_assert_cmpint (count_rows (f->store, "review"), ==, 0);
  g_assert_null (cw_store_find_review (f->store, ref, NULL));

  /* A failure deep inside a composite operation leaves nothing of it. */
  g_assert_true (cw_store_exec (f->store, "CREATE TEMP TRIGGER fail_terms BEFORE INSERT ON"
                                " tor_item BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                &error));
  g_assert_null (cw_store_add_demo (f->store, NULL, &error));
  g_assert_nonnull (strstr (error->message, "injected failure"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "review"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "agency"), ==, 0);
  g_assert_true (cw_store_exec (f->store, "DROP TRIGGER fail_terms", NULL));
  g_clear_pointer (&ref, g_free);
  ref = cw_store_add_demo (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "review"), ==, 1);
}

static void
test_generated_keys_and_duplicates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *kind[] = { "name", "New kind", "prefix", "NK", NULL };
  const char *agency[] = { "name", "Northshire Police", NULL };
  const char *same_agency[] = { "name", "northshire police", NULL };
  g_autoptr (CwRecord) first = NULL;
  g_autoptr (CwRecord) second = NULL;
  g_autoptr (GListModel) kinds = NULL;
  g_autoptr (CwRecord) last = NULL;
  gint64 a, b;

  /* A new kind gets an identifier made from its name, unique. */
  a = cw_store_insert (f->store, &cw_entity_review_kind, 0, kind, &error);
  b = cw_store_insert (f->store, &cw_entity_review_kind, 0, kind, &error);
  g_assert_no_error (error);
  first = cw_store_get (f->store, &cw_entity_review_kind, a, &error);
  second = cw_store_get (f->store, &cw_entity_review_kind, b, &error);
  g_assert_cmpstr (cw_record_get (first, "slug"), ==, "new-kind");
  g_assert_cmpstr (cw_record_get (second, "slug"), ==, "new-kind-2");
  /* Listed after the seeded ones, in the order added. */
  kinds = cw_store_list (f->store, &cw_entity_review_kind, 0, &error);
  last = g_list_model_get_item (kinds, g_list_model_get_n_items (kinds) - 1);
  g_assert_cmpint (cw_record_get_id (last), ==, b);
  /* And reviews of that kind get references with its prefix. */
  {
    g_autofree char *ref = cw_store_create_review (f->store, "new-kind", "T", NULL, NULL, NULL,
                                                   &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (ref, "NK-"));
  }

  /* Agency names are unique whatever the case, said in words a person reads. */
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_agency, 0, agency, &error), >, 0);
  g_assert_cmpint (cw_store_insert (f->store, &cw_entity_agency, 0, same_agency, &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Another agency already has this name; choose another");
}

/* An agency, kind or profile in use is not deleted everywhere at once:
 * the user is told where it is used. */
static void
test_shared_rows_in_use_are_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *agency[] = { "name", "Northshire Police", NULL };
  gint64 agency_id = cw_store_insert (f->store, &cw_entity_agency, 0, agency, &error);
  g_autofree char *agency_key = g_strdup_printf ("%" G_GINT64_FORMAT, agency_id);
  const char *involved[] = { "agency_id", agency_key, NULL };
  g_autoptr (GListModel) kinds = NULL;
  gint64 review = 0, link;
  g_autofree char *ref = cw_store_create_review (f->store, "rapid", "T", NULL, NULL, &review,
                                                 &error);

  g_assert_nonnull (ref);
  link = cw_store_insert (f->store, &cw_entity_review_agency, review, involved, &error);
  g_assert_no_error (error);
  g_assert_false (cw_store_delete (f->store, &cw_entity_agency, agency_id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "This agency is used in 1 review; remove it there first");
  g_clear_error (&error);

  /* The kind "rapid" is used by the review; a kind nobody uses can go. */
  kinds = cw_store_list (f->store, &cw_entity_review_kind, 0, &error);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr (CwRecord) kind = g_list_model_get_item (kinds, i);
      gboolean used = g_str_equal (cw_record_get (kind, "slug"), "rapid");
      g_assert_cmpint (cw_store_delete (f->store, &cw_entity_review_kind,
                                        cw_record_get_id (kind), NULL), ==, !used);
    }
  /* A profile with rules is used by them. */
  {
    g_autoptr (GListModel) profiles = cw_store_list (f->store, &cw_entity_profile, 0, &error);
    g_autoptr (CwRecord) first = g_list_model_get_item (profiles, 0);
    g_assert_false (cw_store_delete (f->store, &cw_entity_profile, cw_record_get_id (first),
                                     &error));
    g_assert_nonnull (strstr (error->message, "deadline rules"));
    g_clear_error (&error);
  }

  /* Once no review uses the agency, it can be deleted, and purging works. */
  g_assert_true (cw_store_delete (f->store, &cw_entity_review_agency, link, &error));
  g_assert_true (cw_store_delete (f->store, &cw_entity_agency, agency_id, &error));
  g_assert_true (cw_store_purge_deleted (f->store, &error));
  g_assert_no_error (error);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autofree char *unset = cw_store_get_setting (f->store, "default-profile");

  g_assert_null (unset);
  g_assert_cmpint (cw_store_get_backup_retention (f->store), ==, 7);
  g_assert_true (cw_store_set_setting (f->store, "backup-retention-days", "14", NULL));
  g_assert_cmpint (cw_store_get_backup_retention (f->store), ==, 14);
  g_assert_true (cw_store_set_setting (f->store, "backup-retention-days", "junk", NULL));
  g_assert_cmpint (cw_store_get_backup_retention (f->store), ==, 7);
}

static void
count_change (guint *changed)
{
  (*changed)++;
}

static void
test_list_sync_keeps_objects (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) shown = g_list_store_new (CW_TYPE_RECORD);
  g_autoptr (GListModel) fresh = NULL;
  g_autoptr (CwRecord) first = NULL;
  g_autoptr (CwRecord) again = NULL;
  gint64 review = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &review,
                                                 &error);
  const char *a[] = { "pseudonym", "A", NULL }, *b[] = { "pseudonym", "B", NULL };
  gint64 id_a = cw_store_insert (f->store, &cw_entity_person, review, a, &error);
  guint changed = 0;

  g_assert_nonnull (ref);
  cw_store_insert (f->store, &cw_entity_person, review, b, &error);
  fresh = cw_store_list (f->store, &cw_entity_person, review, &error);
  cw_record_list_sync (shown, fresh);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (shown), 0);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (count_change), &changed);
  g_assert_true (cw_store_update (f->store, &cw_entity_person, id_a, "pseudonym", "A2", &error));
  g_clear_object (&fresh);
  fresh = cw_store_list (f->store, &cw_entity_person, review, &error);
  cw_record_list_sync (shown, fresh);
  again = g_list_model_get_item (G_LIST_MODEL (shown), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (cw_record_get (again, "pseudonym"), ==, "A2");
  g_assert_cmpuint (changed, ==, 1);
}

/* Another process writing behind a rollback journal (a large import, see
 * cw_store_begin_bulk()): a connection holding the file's exclusive lock. */
static sqlite3 *
hold_exclusive_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;"
                                     " UPDATE setting SET value = value", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  return db;
}

static char *
new_database (char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  char *path;

  *dir = g_dir_make_tmp ("casewise-XXXXXX", NULL);
  path = g_build_filename (*dir, "casewise.db", NULL);
  store = cw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_set_setting (store, "reviewer-name", "Test Reviewer", &error));
  return path;
}

/* A file another process is writing is in use, not damaged: the check
 * says so, and does not send the person to a backup. */
static void
test_busy_is_not_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_database (&dir);
  g_autoptr (GError) error = NULL;
  sqlite3 *writer = hold_exclusive_lock (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_false (cw_store_check_database (db, path, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "is in use: another Casewise is writing to it"));
  sqlite3_close_v2 (db);
  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (writer);
  remove_tree (dir);
}

/* Commits once the store is seen waiting for the lock. */
static gpointer
commit_when_waited_for (gpointer writer)
{
  g_assert_true (test_sleeps_wait_for_one (30));
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

/* Opened while another process writes, the store waits for the write,
 * then opens in its everyday settings. */
static void
test_open_waits_for_a_writer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_database (&dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  sqlite3 *writer = hold_exclusive_lock (path);
  GThread *thread = NULL;
  sqlite3_stmt *stmt;

  test_sleeps_reset ();
  thread = g_thread_new ("writer", commit_when_waited_for, writer);
  store = cw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sleeps_get (), >, 0);
  g_thread_join (thread);
  sqlite3_close_v2 (writer);
  stmt = cw_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);
  g_assert_false (cw_store_get_log_pending (store));
  g_clear_object (&store);
  remove_tree (dir);
}

static guint
n_files_in (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* No file written for the user may land on the database, its own files or
 * the backups, however the path is spelt. */
static void
test_output_refuses_own_files (Fixture *f, gconstpointer data)
{
  g_autofree char *backups = cw_store_get_backup_dir (f->store);
  g_autofree char *sub = g_build_filename (f->dir, "x", NULL);
  g_autofree char *backup = cw_store_backup_create (f->store, NULL);
  g_autofree char *backup_name = g_path_get_basename (backup);
  const char *refused[] = {
    "casewise.db", "x/../casewise.db", "./x/.././casewise.db", "casewise.db-wal",
    "x/../casewise.db-shm", "casewise.db-journal", "CASEWISE.DB",
    "casewise-backups/new.csv", "x/../casewise-backups/deeper/new.png",
    "link-to-db.csv", "link-to-wal.csv", "linked-backups/new.csv", "hard-link.csv", "x",
  };
  const char *allowed[] = {
    "out.csv", "x/out.csv", "casewise.db.csv", "casewise-backups.csv", "x/../out.pdf",
  };
  guint before;

  g_assert_nonnull (backup);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
#ifdef G_OS_UNIX
  {
    g_autofree char *link_db = g_build_filename (f->dir, "link-to-db.csv", NULL);
    g_autofree char *link_wal = g_build_filename (f->dir, "link-to-wal.csv", NULL);
    g_autofree char *link_backups = g_build_filename (f->dir, "linked-backups", NULL);
    g_autofree char *hard = g_build_filename (f->dir, "hard-link.csv", NULL);

    g_assert_cmpint (symlink (f->path, link_db), ==, 0);
    /* A relative link to a file that is not there yet. */
    g_assert_cmpint (symlink ("x/../casewise.db-wal", link_wal), ==, 0);
    g_assert_cmpint (symlink (backups, link_backups), ==, 0);
    g_assert_cmpint (link (f->path, hard), ==, 0);
  }
#endif
  before = n_files_in (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, refused[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwStoreOutput) output = NULL;

#ifndef G_OS_UNIX
      if (strstr (refused[i], "link") != NULL)
        continue;
#endif
      g_test_message ("%s", refused[i]);
      g_assert_false (cw_store_check_output (f->store, path, NULL, &error));
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      output = cw_store_output_new (f->store, path, &error);
      g_assert_null (output);
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
    }
  /* The relative spelling, from the database's folder. */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autoptr (GError) error = NULL;

    g_assert_cmpint (g_chdir (sub), ==, 0);
    g_assert_false (cw_store_check_output (f->store, "../casewise.db", NULL, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (cw_store_check_output (f->store, "../casewise-backups", NULL, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }
  g_assert_cmpuint (n_files_in (f->dir), ==, before);
  g_assert_cmpuint (n_files_in (backups), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, allowed[i], NULL);
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", allowed[i]);
      g_assert_true (cw_store_check_output (f->store, path, NULL, &error));
      g_assert_no_error (error);
    }
  /* The store still opens: nothing was written over it. */
  g_clear_object (&f->store);
  f->store = cw_store_open (f->path, NULL);
  g_assert_nonnull (f->store);
}

static char *
contents_of (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Written under a temporary name and renamed into place complete: an
 * output given up leaves the file that was there, or none, and no
 * temporary file behind. */
static void
test_output_replaces_when_complete (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.png", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  {
    g_autoptr (CwStoreOutput) output = cw_store_output_new (f->store, path, &error);
    g_autoptr (CwStoreOutput) other = cw_store_output_new (f->store, fresh, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (cw_store_output_get_stream (output), "new, but",
                                              8, NULL, NULL, &error));
    g_assert_true (g_output_stream_write_all (cw_store_output_get_stream (other), "half", 4,
                                              NULL, NULL, &error));
    /* Their temporary files sit beside the target while they are written. */
    g_assert_cmpuint (n_files_in (dir), ==, 3);
    /* ... then a full disk, a cancel: given up. */
  }
  {
    g_autofree char *kept = contents_of (path);
    g_assert_cmpstr (kept, ==, "old");
  }
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_files_in (dir), ==, 1);
  {
    g_autoptr (CwStoreOutput) output = cw_store_output_new (f->store, path, &error);

    g_assert_true (g_output_stream_write_all (cw_store_output_get_stream (output), "new", 3,
                                              NULL, NULL, &error));
    g_assert_true (cw_store_output_commit (output, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *written = contents_of (path);
    g_assert_cmpstr (written, ==, "new");
  }
  g_assert_cmpuint (n_files_in (dir), ==, 1);
#ifdef G_OS_UNIX
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  /* A link is followed: the file it names is replaced, the link stays. */
  {
    g_autofree char *link_path = g_build_filename (f->dir, "latest.csv", NULL);
    g_autoptr (CwStoreOutput) output = NULL;
    g_autofree char *written = NULL;

    g_assert_cmpint (symlink ("out/export.csv", link_path), ==, 0);
    output = cw_store_output_new (f->store, link_path, &error);
    g_assert_true (g_output_stream_write_all (cw_store_output_get_stream (output), "linked", 6,
                                              NULL, NULL, &error));
    g_assert_true (cw_store_output_commit (output, NULL, &error));
    g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
    written = contents_of (path);
    g_assert_cmpstr (written, ==, "linked");
  }
#endif
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  test_sleeps_install ();
#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-file-private", test_new_file_private);
  ADD ("foreign-keys", test_foreign_keys_on);
  ADD ("audit-append-only", test_audit_append_only);
  ADD ("audit-records-changes", test_audit_records_changes);
  ADD ("audit-keeps-no-private-values", test_audit_keeps_no_private_values);
  ADD ("audit-replace-refused", test_audit_replace_refused);
  ADD ("output-refuses-own-files", test_output_refuses_own_files);
  ADD ("output-replaces-when-complete", test_output_replaces_when_complete);
  ADD ("audit-triggers-recreated", test_audit_triggers_recreated);
  ADD ("audit-keeps-length-of-long-text", test_audit_keeps_length_of_long_text);
  ADD ("delete-undo-purge", test_delete_undo_purge);
  ADD ("validation", test_validation);
  ADD ("ids-never-reused", test_ids_never_reused);
  ADD ("transaction-rolls-back", test_transaction_rolls_back);
  ADD ("settings", test_settings);
  ADD ("shared-rows-in-use-are-kept", test_shared_rows_in_use_are_kept);
  ADD ("generated-keys-and-duplicates", test_generated_keys_and_duplicates);
  ADD ("list-sync-keeps-objects", test_list_sync_keeps_objects);
#ifdef G_OS_UNIX
  ADD ("tightens-permissions", test_tightens_permissions);
#endif
#undef ADD
  g_test_add_func ("/store/refuses-newer", test_refuses_newer);
  g_test_add_func ("/store/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/store/refuses-other-program", test_refuses_other_program);
  g_test_add_func ("/store/refuses-damaged", test_refuses_damaged);
  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/migration-files", test_migration_files);
  g_test_add_func ("/store/open-without-create", test_open_without_create);
  g_test_add_func ("/store/migration-error-names-file", test_migration_error_names_file);
  g_test_add_func ("/store/busy-is-not-damaged", test_busy_is_not_damaged);
  g_test_add_func ("/store/open-waits-for-a-writer", test_open_waits_for_a_writer);
  return g_test_run ();
}

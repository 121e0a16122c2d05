/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cw-clock.h"
#include "cw-text.h"
#include "cw-store-private.h"

/* The one database of a user. Opening checks before it writes: a file that is
 * not a Casewise database, is damaged, or was made by a newer Casewise is
 * refused and left exactly as it was. */

#define BUSY_TIMEOUT_MS   5000       /* how long to wait for another connection's write */
/* ... on opening, and around a bulk transaction's commit: a large import
 * (cw_store_begin_bulk()) keeps other processes out until it commits. */
#define OPEN_BUSY_TIMEOUT_MS 30000

G_DEFINE_FINAL_TYPE (CwStore, cw_store, G_TYPE_OBJECT)

static void use_everyday_settings (CwStore *self,
                                   gboolean wait);

enum { CHANGED, RESET, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cw-store-error-quark, cw_store_error)

static void
cw_store_finalize (GObject *object)
{
  CwStore *self = CW_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_clear_pointer (&self->kept, g_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->actor_override);
  g_free (self->actor);
  G_OBJECT_CLASS (cw_store_parent_class)->finalize (object);
}

static void
cw_store_class_init (CwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_store_finalize;

  /**
   * CwStore::changed:
   * @table: the table written, or "*" when everything may have changed
   * @id: the row, when one row of @table changed; 0 for several
   *
   * Emitted once per table a change wrote, when it is committed (a
   * transaction's changes at its end; none when it is rolled back), with
   * the table as the detail: connect to "changed::chronology_entry" to hear
   * of that table only, and to "changed::*" for a restored backup
   * (cw_store_connect_tables() does both).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  /**
   * CwStore::reset:
   *
   * Everything may have changed (a backup was restored).
   */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cw_store_init (CwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Tells the listeners to @table (cw-store-transaction.c decides when). */
void
cw_store_signal_changed (CwStore    *self,
                         const char *table,
                         gint64      id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, id);
}

void
cw_store_emit_reset (CwStore *self)
{
  g_signal_emit (self, signals[RESET], 0);
  /* Listeners of "changed" need not also listen to "reset". */
  cw_store_signal_changed (self, CW_STORE_EVERYTHING, 0);
}

void
cw_store_add_notice (CwStore    *self,
                     const char *format,
                     ...)
{
  va_list args;

  if (self->notices == NULL)
    {
      self->notices = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->notices, NULL);
    }
  va_start (args, format);
  g_ptr_array_insert (self->notices, self->notices->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * cw_store_get_notices:
 *
 * What opening the file found and put right (the audit trail's safeguards
 * put back, loose file permissions tightened), for the user to see. They
 * name files, never personal data.
 *
 * Returns: (transfer none) (array zero-terminated=1): the notices, often none
 */
const char *const *
cw_store_get_notices (CwStore *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (CW_IS_STORE (self), none);
  return self->notices ? (const char *const *) self->notices->pdata : none;
}

void
cw_store_set_error (CwStore     *self,
                    GError     **error,
                    const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  CwStoreError kind = CW_STORE_ERROR_FAILED;

  /* The disk, not the data: say so, and which file, rather than let the
   * caller blame the row or the value it was writing. */
  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_DISK,
                   _("%s: the disk holding “%s” is full; free some space on it and try "
                     "again (nothing of this change was saved)"), what, self->path);
      return;
    case SQLITE_IOERR:
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_DISK,
                   _("%s: “%s” could not be written or read (%s); check the disk, and that "
                     "it is still connected (nothing of this change was saved)"),
                   what, self->path, sqlite3_errmsg (self->db));
      return;
    case SQLITE_READONLY:
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_DISK,
                   _("%s: “%s” cannot be written: it, or its folder, is read-only"), what,
                   self->path);
      return;
    case SQLITE_CONSTRAINT:
      kind = CW_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = CW_STORE_ERROR_CORRUPT;
      break;
    default:
      break;
    }
  /* sqlite's messages name tables and columns, never values: safe to show. */
  g_set_error (error, CW_STORE_ERROR, kind, "%s: %s", what, sqlite3_errmsg (self->db));
}

/* Cached prepared statements: SQL text comes from code, values are bound. */
sqlite3_stmt *
cw_store_prepare (CwStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cw_store_set_error (self, error, _("Could not read the database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cw_store_step_done (CwStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  /* Back to the log, if a bulk transaction could not (a write outside any
   * transaction is a moment when it may). */
  if (G_UNLIKELY (self->wal_pending) && self->depth == 0 && self->bulk == CW_STORE_BULK_NONE)
    use_everyday_settings (self, FALSE);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  cw_store_set_error (self, error, _("Could not save the change"));
  sqlite3_reset (stmt);
  return FALSE;
}

char *
cw_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* The first column of the first row @sql (one parameter, @id) gives, or
 * %NULL: a value looked up by id. */
char *
cw_store_text_for_id (CwStore    *self,
                      const char *sql,
                      gint64      id)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

gboolean
cw_store_exec (CwStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      cw_store_set_error (self, error, _("Could not change the database"));
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest as savepoints so core functions can be composed. */
gboolean
cw_store_begin (CwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (self->depth == 0 && self->wal_pending && self->bulk == CW_STORE_BULK_NONE)
    use_everyday_settings (self, FALSE);
  if (!cw_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT cw", error))
    return FALSE;
  self->depth++;
  cw_store_changes_begin (self);
  return TRUE;
}

/* Sets the connection's journal mode; whether it now has it (an in-memory
 * database keeps its own, which is as good). */
static gboolean
set_journal_mode (CwStore    *self,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *now;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  now = (const char *) sqlite3_column_text (stmt, 0);
  return g_ascii_strcasecmp (now, mode) == 0 || g_ascii_strcasecmp (now, "memory") == 0;
}

/* The connection's settings for everyday work, set when it opens and again
 * after a bulk transaction: the write-ahead log, which lets the app read
 * while an import writes through another connection, with synchronous
 * NORMAL, which the log makes safe, and a 16 MB cache. Each on its own, so
 * that one failing leaves the others set. The log needs the file to itself
 * for a moment; while another process keeps it busy (another Casewise's
 * bulk import), the connection keeps the rollback journal, with
 * synchronous FULL, which that journal needs to be safe, and tries again
 * at its next transaction, without waiting. */
static void
use_everyday_settings (CwStore *self,
                       gboolean wait)
{
  cw_store_exec (self, "PRAGMA cache_size = -16384", NULL);
  if (!wait)
    sqlite3_busy_timeout (self->db, 0);
  self->wal_pending = !set_journal_mode (self, "wal");
  if (!wait)
    sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  cw_store_exec (self, self->wal_pending ? "PRAGMA synchronous = FULL"
                                         : "PRAGMA synchronous = NORMAL", NULL);
}

/**
 * cw_store_begin_bulk:
 *
 * Begins a transaction that writes many rows at once (an import), as
 * cw_store_begin() does, and which cw_store_commit() or cw_store_rollback()
 * ends as usual.
 *
 * Through the write-ahead log, each page is written to the log, read back
 * and written again into the file, about three system calls a page. So
 * when no other connection has the file open, the transaction writes
 * straight into the file behind a rollback journal instead (synchronous
 * FULL, so that a crash or a power cut leaves the file as it was before),
 * and the connection goes back to the log when it ends. Another Casewise
 * opening the file meanwhile waits for the commit (up to 30 s, then says
 * the file is in use), and this one waits as long for a reader to finish
 * before it commits. When another
 * connection has the file (the app, while its import dialog writes through
 * a connection of its own), the log stays, and the transaction keeps its
 * pages in memory until the commit rather than writing them to the log one
 * by one.
 *
 * Inside an open transaction this is a savepoint, as for cw_store_begin().
 *
 * Returns: whether the transaction began
 */
gboolean
cw_store_begin_bulk (CwStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (self->depth > 0)
    return cw_store_begin (self, error);
  if (self->wal_pending)
    use_everyday_settings (self, FALSE);
  /* Still without the log, the connection is in rollback mode already,
   * alone with the file or not. */
  if (self->wal_pending || set_journal_mode (self, "delete"))
    {
      /* SQLite's own default cache: pages are written to the file as it
       * fills, where a larger cache costs more in fresh memory than it
       * saves in writes (2 MB against 16 MB: a 100,000-row import 0.05 s
       * faster here). */
      self->bulk = CW_STORE_BULK_JOURNAL;
      cw_store_exec (self, "PRAGMA synchronous = FULL", NULL);
      cw_store_exec (self, "PRAGMA cache_size = -2000", NULL);
      sqlite3_busy_timeout (self->db, OPEN_BUSY_TIMEOUT_MS);
    }
  else
    {
      self->bulk = CW_STORE_BULK_LOG;
      cw_store_exec (self, "PRAGMA cache_size = -262144", NULL);
    }
  if (cw_store_begin (self, error))
    return TRUE;
  self->bulk = CW_STORE_BULK_NONE;
  use_everyday_settings (self, FALSE);
  return FALSE;
}

/**
 * cw_store_get_bulk:
 *
 * Returns: how the open bulk transaction writes, for tests
 */
CwStoreBulk
cw_store_get_bulk (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), CW_STORE_BULK_NONE);
  return self->bulk;
}

/**
 * cw_store_get_log_pending:
 *
 * Returns: whether the connection is waiting to go back to the
 *   write-ahead log after a bulk transaction, for tests
 */
gboolean
cw_store_get_log_pending (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  return self->wal_pending;
}

static void
end_bulk (CwStore *self)
{
  if (self->depth > 0 || self->bulk == CW_STORE_BULK_NONE)
    return;
  self->bulk = CW_STORE_BULK_NONE;
  use_everyday_settings (self, FALSE);
}

gboolean
cw_store_commit (CwStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!cw_store_exec (self, self->depth == 1 ? "COMMIT" : "RELEASE cw", error))
    {
      cw_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  end_bulk (self);
  cw_store_changes_end (self, TRUE);
  return TRUE;
}

void
cw_store_rollback (CwStore *self)
{
  g_return_if_fail (CW_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO cw; RELEASE cw", NULL, NULL, NULL);
  self->depth--;
  end_bulk (self);
  cw_store_changes_end (self, FALSE);
}

static void
sql_actor (sqlite3_context *context,
           int              argc,
           sqlite3_value  **argv)
{
  CwStore *self = sqlite3_user_data (context);

  sqlite3_result_text (context, cw_store_get_actor (self), -1, SQLITE_TRANSIENT);
}

/* The one clock, for the times the database writes itself (cw-clock.h). */
static void
sql_now (sqlite3_context *context,
         int              argc,
         sqlite3_value  **argv)
{
  sqlite3_result_text (context, cw_clock_timestamp (), -1, g_free);
}

/* The actor as the history may keep it: one line, no control characters,
 * at most CW_TEXT_MAX_NAME characters, whatever an older version stored. */
static char *
clean_actor (const char *name)
{
  g_autofree char *line = NULL;

  if (name == NULL)
    return NULL;
  line = g_strstrip (cw_text_clean (name, CW_TEXT_LINE));
  if (*line == '\0')
    return NULL;
  return g_utf8_substring (line, 0, CW_TEXT_MAX_NAME);
}

void
cw_store_refresh_actor (CwStore *self)
{
  g_autofree char *name = NULL;

  if (self->actor_override == NULL)
    {
      g_autofree char *setting = cw_store_get_setting (self, "reviewer-name");
      name = clean_actor (setting);
    }
  g_free (self->actor);
  if (self->actor_override != NULL)
    self->actor = g_strdup (self->actor_override);
  else if (name != NULL)
    self->actor = g_steal_pointer (&name);
  else
    self->actor = clean_actor (g_get_user_name ());
  if (self->actor == NULL)
    self->actor = g_strdup ("?");
}

/**
 * cw_store_get_actor:
 *
 * Returns: who the audit trail names for changes made now: the reviewer name
 *   from preferences, else the operating system's user name
 */
const char *
cw_store_get_actor (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  return self->actor;
}

/**
 * cw_store_set_actor:
 * @actor: (nullable): who the history names for the changes made from now
 *   on, instead of the reviewer name; %NULL to go back to it
 *
 * Control characters in @actor become spaces or go, and it is cut to
 * %CW_TEXT_MAX_NAME characters: callers that can refuse a bad name (the
 * command line) check it with cw_text_check() first.
 */
void
cw_store_set_actor (CwStore    *self,
                    const char *actor)
{
  g_return_if_fail (CW_IS_STORE (self));

  g_free (self->actor_override);
  self->actor_override = clean_actor (actor);
  cw_store_refresh_actor (self);
}

const char *
cw_store_get_path (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cw_store_default_path:
 *
 * Returns: (transfer full): `<user data dir>/casewise/casewise.db`
 */
char *
cw_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "casewise", "casewise.db", NULL);
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

int
cw_store_get_schema_version (CwStore *self)
{
  int version = 0;

  g_return_val_if_fail (CW_IS_STORE (self), 0);
  query_int (self->db, "PRAGMA user_version", &version);
  return version;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *result = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;
  if (result == NULL && (sqlite3_errcode (db) & 0xff) == SQLITE_BUSY)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("“%s” is in use: another Casewise is writing to it (a large import, "
                     "perhaps). Try again when it has finished."), path);
      return FALSE;
    }
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT,
               _("“%s” is not a Casewise database or is damaged (%s). The file has not been "
                 "changed; choose another file or restore a backup."),
               path, result ? result : sqlite3_errmsg (db));
  return FALSE;
}

/**
 * cw_store_check_database:
 * @db: a connection to the file, opened read-only
 *
 * Refuses, without writing, a damaged file, another program's database and
 * a database made by a newer Casewise.
 */
gboolean
cw_store_check_database (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  int app_id = 0, version = 0, tables = 0;

  if (!quick_check (db, path, error))
    return FALSE;
  query_int (db, "PRAGMA application_id", &app_id);
  query_int (db, "PRAGMA user_version", &version);
  query_int (db, "SELECT count(*) FROM sqlite_master", &tables);
  if ((app_id != 0 && app_id != CW_APPLICATION_ID) || (app_id == 0 && tables > 0))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database of another program, not a Casewise database. "
                     "The file has not been changed."), path);
      return FALSE;
    }
  if (version > CW_SCHEMA_VERSION)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Casewise (schema %d; this version "
                     "reads up to %d). Update Casewise to open it. The file has not been "
                     "changed."), path, version, CW_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

gboolean
cw_store_create_private_file (const char  *path,
                     GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;

  if (parent != NULL && g_mkdir_with_parents (g_file_peek_path (parent), 0700) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not create the folder for “%s”"), path);
      return FALSE;
    }
  /* G_FILE_CREATE_PRIVATE: mode 0600 where the platform has modes. */
  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (stream == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not create the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return stream == NULL || g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* A crash in the middle of a bulk transaction (cw_store_begin_bulk())
 * leaves a rollback journal beside the file, which puts the file back as
 * it was before the transaction; but only a connection that may write can
 * play it back, and the read-only check below would take the file for
 * damaged. Reading through a connection that may write plays it back, as
 * SQLite does for any program opening the file. */
static void
roll_back_interrupted_write (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;

  if (!g_file_test (journal, G_FILE_TEST_EXISTS))
    return;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      /* The journal of an import still running is not played back. */
      sqlite3_busy_timeout (db, OPEN_BUSY_TIMEOUT_MS);
      sqlite3_exec (db, "SELECT count (*) FROM sqlite_master", NULL, NULL, NULL);
    }
  sqlite3_close_v2 (db);
}

/* Whether the check may read @path as a file nobody has open: then it
 * reads it without the locks and the shared-memory file of the log, so a
 * file it refuses is left without a new -wal or -shm beside it. A file in
 * use, or with a journal to play back, is read as usual. */
static gboolean
nobody_has_open (const char *path)
{
  static const char *const own[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *file = g_strconcat (path, own[i], NULL);
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        return FALSE;
    }
  return TRUE;
}

static int
open_for_check (const char  *path,
                sqlite3    **db)
{
  g_autofree char *uri = NULL;

  if (nobody_has_open (path) && (uri = g_filename_to_uri (path, NULL, NULL)) != NULL)
    {
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);
      return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
}

/* @create: whether an empty file may be given a schema */
static gboolean
check_before_writing (const char  *path,
                      gboolean     create,
                      GError     **error)
{
  sqlite3 *db = NULL;
  int tables = 0;
  gboolean ok;

  roll_back_interrupted_write (path);
  if (open_for_check (path, &db) != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  /* An import writing behind a rollback journal (cw_store_begin_bulk())
   * keeps readers out until it commits: wait for it. */
  sqlite3_busy_timeout (db, OPEN_BUSY_TIMEOUT_MS);
  ok = cw_store_check_database (db, path, error);
  if (ok && !create && query_int (db, "SELECT count (*) FROM sqlite_master", &tables)
      && tables == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("“%s” is empty: there is no Casewise database in it. The file has not "
                     "been changed."), path);
      ok = FALSE;
    }
  sqlite3_close_v2 (db);
  return ok;
}

#ifdef G_OS_UNIX
/* Whether @path allowed more than @mode, now tightened to it. */
gboolean
cw_store_tighten (const char *path,
                  int         mode)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & 0777 & ~mode) != 0 && g_chmod (path, mode) == 0;
}
#endif

/* A database others could read is made the user's alone, and said so. */
static void
tighten_permissions (CwStore *self)
{
#ifdef G_OS_UNIX
  static const char *const own[] = { "-wal", "-shm", "-journal" };
  gboolean loose = cw_store_tighten (self->path, 0600);

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *file = g_strconcat (self->path, own[i], NULL);
      loose |= cw_store_tighten (file, 0600);
    }
  if (loose)
    cw_store_add_notice (self, _("“%s” could be read by other users of this computer; it is "
                                 "now readable by you alone (mode 0600)."), self->path);
  cw_store_backup_tighten (self);
#endif
}

/* No statement of this connection may drop or rename the audit trail, or
 * drop its guards: the triggers keep its rows from being changed, this
 * keeps the table and the triggers themselves. */
static int
authorize (void       *user_data,
           int         action,
           const char *first,
           const char *second,
           const char *database,
           const char *trigger)
{
  CwStore *self = user_data;

  if (action == SQLITE_DROP_TABLE && g_strcmp0 (first, "audit") == 0)
    return SQLITE_DENY;
  if (action == SQLITE_ALTER_TABLE && g_strcmp0 (second, "audit") == 0)
    return SQLITE_DENY;
  if (action == SQLITE_DROP_TRIGGER && !self->repairing
      && g_str_has_prefix (first ? first : "", "audit_append_only_"))
    return SQLITE_DENY;
  return SQLITE_OK;
}

static gboolean
open_connection (CwStore     *self,
                 GError     **error)
{
  /* One connection per thread (an import in the background has its own): no
   * locking on every call. */
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not open “%s”: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Opening may wait for another process's import, as the check did; the
   * everyday wait is set once the store is open. */
  sqlite3_busy_timeout (self->db, OPEN_BUSY_TIMEOUT_MS);
  sqlite3_create_function_v2 (self->db, "cw_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                              sql_actor, NULL, NULL, NULL);
  sqlite3_create_function_v2 (self->db, "cw_now", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                              sql_now, NULL, NULL, NULL);
  for (guint i = 0; i < cw_store_get_domains ()->len; i++)
    {
      const CwDomain *domain = g_ptr_array_index (cw_store_get_domains (), i);

      if (domain->register_sql != NULL)
        domain->register_sql (self->db);
    }
  sqlite3_set_authorizer (self->db, authorize, self);
  if (!cw_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                            "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  use_everyday_settings (self, TRUE);
  return TRUE;
}

static gboolean
entity_known (const CwEntity *entity)
{
  return entity != NULL && cw_entity_lookup (entity->table) == entity;
}

/* A store opened before cw_core_init() would have no tables to audit and
 * no functions for the domains' triggers: refuse it loudly. So too an
 * entity that names one of a domain never added. */
static gboolean
check_domains (GError **error)
{
  const CwEntity *const *all = cw_entities_all ();
  const char *missing = NULL;

  if (!cw_store_has_domains ())
    missing = "(none: call cw_core_init () before opening a store)";
  for (guint i = 0; missing == NULL && all[i] != NULL; i++)
    {
      if (all[i]->parent != NULL && !entity_known (all[i]->parent))
        missing = all[i]->parent->table;
      for (guint j = 0; missing == NULL && j < all[i]->n_fields; j++)
        if (all[i]->fields[j].type == CW_FIELD_REF && !entity_known (all[i]->fields[j].ref))
          missing = all[i]->fields[j].ref->table;
    }
  if (missing == NULL)
    return TRUE;
  g_critical ("The store's domains are incomplete: entity %s is not registered", missing);
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
               "The store's domains are incomplete: entity %s is not registered", missing);
  return FALSE;
}

static CwStore *
open_store (const char        *path,
            int                version,
            CwStoreOpenFlags   flags,
            GError           **error)
{
  g_autoptr (CwStore) self = NULL;
  gboolean memory = g_str_equal (path, ":memory:");
  gboolean create = (flags & CW_STORE_OPEN_CREATE) != 0;

  if (!check_domains (error))
    return NULL;
  if (!memory && !create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”"), path);
      return NULL;
    }
  if (!memory && g_file_test (path, G_FILE_TEST_EXISTS)
      && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("“%s” is not a file"), path);
      return NULL;
    }
  if (!memory && !cw_store_create_private_file (path, error))
    return NULL;
  if (!memory && !check_before_writing (path, create, error))
    return NULL;

  self = g_object_new (CW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->actor = g_strdup (g_get_user_name ());
  if (!open_connection (self, error) || !cw_store_migrate (self, version, error)
      || !cw_store_ensure_audit_triggers (self, error))
    return NULL;
  if (!memory)
    {
      tighten_permissions (self);
      cw_store_backup_clean_partials (path);
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  cw_store_refresh_actor (self);
  return g_steal_pointer (&self);
}

/**
 * cw_store_open_full:
 * @path: a file, or ":memory:"
 * @flags: %CW_STORE_OPEN_CREATE to make a database where there is none
 *
 * Opens the database at @path, after checking it without writing: a
 * damaged file, another program's database and one made by a newer
 * Casewise are refused and left as they were. Without
 * %CW_STORE_OPEN_CREATE a missing or empty file is refused too
 * (%CW_STORE_ERROR_NOT_FOUND), and nothing is created. A file, or a
 * backups folder, that others could read is made the user's alone, with a
 * notice (cw_store_get_notices()).
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CwStore *
cw_store_open_full (const char        *path,
                    CwStoreOpenFlags   flags,
                    GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, CW_SCHEMA_VERSION, flags, error);
}

/**
 * cw_store_open_at_version:
 * @path: a file, or ":memory:"
 * @version: the schema version to migrate to (tests use older ones)
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
CwStore *
cw_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= CW_SCHEMA_VERSION, NULL);

  return open_store (path, version, CW_STORE_OPEN_CREATE, error);
}

/**
 * cw_store_open:
 *
 * Opens the database at @path, making one if there is none, as
 * cw_store_open_full() with %CW_STORE_OPEN_CREATE does.
 */
CwStore *
cw_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, CW_SCHEMA_VERSION, CW_STORE_OPEN_CREATE, error);
}

/**
 * cw_store_get_setting:
 * Returns: (transfer full) (nullable): the value, %NULL when unset
 */
char *
cw_store_get_setting (CwStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = cw_store_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
cw_store_set_setting (CwStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_str_equal (key, "reviewer-name") && value != NULL && *value != '\0')
    {
      g_autofree char *problem = cw_text_check (value, CW_TEXT_LINE, CW_TEXT_MAX_NAME);

      if (problem != NULL)
        {
          /* Translators: what is wrong follows, e.g. "is blank" */
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("Reviewer name %s"),
                       problem);
          return FALSE;
        }
    }
  stmt = cw_store_prepare (self, "INSERT INTO setting (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;
  if (g_str_equal (key, "reviewer-name"))
    cw_store_refresh_actor (self);
  cw_store_note_change (self, "setting", 0);
  return TRUE;
}

/**
 * cw_store_get_backup_retention:
 *
 * Returns: how many days of automatic backups to keep (1 to 365, default 7)
 */
int
cw_store_get_backup_retention (CwStore *self)
{
  g_autofree char *value = cw_store_get_setting (self, "backup-retention-days");
  gint64 days = 7;

  if (value != NULL)
    g_ascii_string_to_signed (value, 10, 1, 365, &days, NULL);
  return (int) days;
}

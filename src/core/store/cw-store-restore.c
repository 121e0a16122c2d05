/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-store-private.h"

/* Restoring a backup: checked before it replaces anything, restored into
 * the open store, or over a file that does not open (damaged, missing),
 * which is kept aside rather than destroyed; the restore is written to the
 * restored database's audit trail. */

/* Checking a backup before it replaces anything */

static gboolean
refuse (GError     **error,
        int          code,
        const char  *path,
        const char  *why)
{
  g_set_error (error, CW_STORE_ERROR, code,
               _("“%s” cannot be restored: %s. Nothing has been changed."), path, why);
  return FALSE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return cw_store_column_text (stmt, 0);
}

static gint64
query_number (sqlite3    *db,
              const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static gboolean
is_sqlite_file (const char  *path,
                GError     **error)
{
  static const char header[16] = "SQLite format 3";
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  char start[16] = { 0 };
  gsize n = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return refuse (error, CW_STORE_ERROR_NOT_FOUND, path, _("it is not a file"));
  if (st.st_size == 0)
    return refuse (error, CW_STORE_ERROR_CORRUPT, path, _("it is empty (0 bytes)"));
  if ((in = g_file_read (file, NULL, NULL)) == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), start, sizeof start, &n, NULL, NULL)
      || n < sizeof start || memcmp (start, header, sizeof header) != 0)
    return refuse (error, CW_STORE_ERROR_CORRUPT, path, _("it is not an SQLite database"));
  return TRUE;
}

/* What a backup must be before it replaces anything: an SQLite file whose
 * full integrity check passes, a Casewise database no newer than this
 * Casewise, its audit trail guarded. Returns the database id it carries. */
static gboolean
check_backup (const char  *path,
              char       **id,
              GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *integrity = NULL;
  gint64 app_id, version, tables, guards;
  gboolean ok = FALSE;

  if (!is_sqlite_file (path, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      refuse (error, CW_STORE_ERROR_CORRUPT, path, sqlite3_errmsg (db));
      goto out;
    }
  sqlite3_busy_timeout (db, 5000);
  integrity = query_text (db, "PRAGMA integrity_check");
  app_id = query_number (db, "PRAGMA application_id");
  version = query_number (db, "PRAGMA user_version");
  tables = query_number (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'table'");
  guards = query_number (db, "SELECT count (*) FROM sqlite_schema WHERE type = 'trigger'"
                             " AND name IN ('audit_append_only_update',"
                             " 'audit_append_only_delete', 'audit_append_only_insert')");
  if (g_strcmp0 (integrity, "ok") != 0)
    refuse (error, CW_STORE_ERROR_CORRUPT, path, _("it is damaged (its integrity check fails)"));
  else if (tables == 0)
    refuse (error, CW_STORE_ERROR_CORRUPT, path,
            _("it is an empty SQLite database, with no Casewise data in it"));
  else if (app_id != CW_APPLICATION_ID || version < 1)
    refuse (error, CW_STORE_ERROR_CORRUPT, path,
            _("it is another program’s database, not a Casewise backup"));
  else if (version > CW_SCHEMA_VERSION)
    refuse (error, CW_STORE_ERROR_NEWER_VERSION, path,
            _("it was made by a newer version of Casewise; update Casewise first"));
  else if (guards < (version >= 7 ? 3 : 2))
    refuse (error, CW_STORE_ERROR_CORRUPT, path,
            _("its audit trail has lost its protection, so its history cannot be trusted"));
  else
    {
      *id = query_text (db, "SELECT value FROM setting WHERE key = 'database-id'");
      ok = TRUE;
    }
out:
  sqlite3_close_v2 (db);
  return ok;
}

/* A backup belongs to the database when they carry the same id; when
 * either has none (made before ids), when it is in the database's own
 * backups. */
static gboolean
check_same_database (const char           *db_path,
                     const char           *path,
                     const char           *live_id,
                     const char           *backup_id,
                     CwStoreRestoreFlags   flags,
                     GError              **error)
{
  g_autoptr (GPtrArray) own = NULL;
  gboolean same;

  if ((flags & CW_STORE_RESTORE_OTHER_DATABASE) != 0)
    return TRUE;
  if (live_id != NULL && backup_id != NULL)
    same = g_str_equal (live_id, backup_id);
  else
    {
      own = cw_store_backup_list_at (db_path, NULL);
      same = FALSE;
      for (guint i = 0; own != NULL && i < own->len && !same; i++)
        same = cw_store_same_file (own->pdata[i], path);
    }
  if (same)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_OTHER_DATABASE,
               _("“%s” is not a backup of “%s” but of another database (or Casewise cannot "
                 "tell). Nothing has been changed; to replace this database with it all the "
                 "same, say so (casewise-cli: --other-database)."), path, db_path);
  return FALSE;
}

/* "2026-03-01" for a daily backup, "2026-03-01 14:05:09" for one made on
 * request, else the file's own time. */
static char *
taken_at (const char *db_path,
          const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stem = cw_store_backup_stem (db_path);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;
  gboolean daily;
  GDate date;

  if (cw_store_backup_parse_name (name, stem, &date, &daily))
    {
      const char *stamp = name + strlen (stem) + 1;

      if (daily)
        return g_strndup (stamp, CW_BACKUP_STAMP_DAY);
      return g_strdup_printf ("%.10s %.2s:%.2s:%.2s", stamp, stamp + 11, stamp + 13, stamp + 15);
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info != NULL && (modified = g_file_info_get_modification_date_time (info)) != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (modified);
      return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
    }
  return g_strdup ("?");
}

/* The restore itself goes into the restored database's audit trail. */
static gboolean
record_restore (CwStore     *self,
                const char  *path,
                GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *when = taken_at (self->path, path);
  g_autofree char *text = g_strdup_printf ("restored from %s, taken at %s", name, when);
  sqlite3_stmt *stmt = cw_store_prepare (self,
    "INSERT INTO audit (at, actor, entity, entity_id, review_id, action, field, old_value,"
    " new_value) VALUES (cw_now (), cw_actor (), 'database', 0, NULL, 'restore', 'backup',"
    " NULL, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  return cw_store_step_done (self, stmt, error);
}

/* After the content changed under the store: a database of another id
 * keeps this one's (its backups stay its own), the schema is brought up
 * to date and guarded, and the restore is recorded. */
static gboolean
settle_restored (CwStore     *self,
                 const char  *path,
                 const char  *live_id,
                 GError     **error)
{
  g_autofree char *restored_id = NULL;

  g_hash_table_remove_all (self->statements);
  if (!cw_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !cw_store_migrate (self, CW_SCHEMA_VERSION, error)
      || !cw_store_ensure_audit_triggers (self, error))
    return FALSE;
  restored_id = cw_store_get_setting (self, "database-id");
  if (live_id != NULL && g_strcmp0 (restored_id, live_id) != 0
      && !cw_store_set_setting (self, "database-id", live_id, error))
    return FALSE;
  /* The restored preferences may name another reviewer. */
  cw_store_refresh_actor (self);
  return record_restore (self, path, error);
}

/**
 * cw_store_backup_restore:
 * @which: a backup's path, file name, or date (YYYY-MM-DD)
 *
 * Replaces the database's content with the backup's, after checking the
 * backup (an SQLite file, its integrity check passing, a Casewise database
 * not newer than this Casewise, its audit trail guarded, a backup of this
 * database unless @flags say otherwise) and saving the current content as
 * a backup of its own. An older backup is migrated forward. The restore is
 * written to the restored database's audit trail.
 */
gboolean
cw_store_backup_restore (CwStore              *self,
                         const char           *which,
                         CwStoreRestoreFlags   flags,
                         GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *live_id = NULL;
  g_autofree char *backup_id = NULL;
  sqlite3 *source = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (which != NULL, FALSE);

  if ((path = cw_store_backup_find (self, which, error)) == NULL)
    return FALSE;
  if (!g_str_equal (self->path, ":memory:") && cw_store_same_file (path, self->path))
    return refuse (error, CW_STORE_ERROR_INVALID, path, _("it is the database itself"));
  cw_store_ensure_database_id (self);
  live_id = cw_store_get_setting (self, "database-id");
  if (!check_backup (path, &backup_id, error)
      || !check_same_database (self->path, path, live_id, backup_id, flags, error))
    return FALSE;
  ok = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
       && (safety = cw_store_backup_create (self, error)) != NULL
       && cw_store_copy_database (source, self->db, error);
  sqlite3_close_v2 (source);
  if (!ok)
    return FALSE;
  ok = settle_restored (self, path, live_id, error);
  cw_store_emit_reset (self);
  return ok;
}

/* Restoring over a file that does not open */

/* The id in the file at @db_path, read without writing beside it, or
 * %NULL when it cannot be read (a damaged file). */
static char *
read_database_id (const char *db_path)
{
  g_autofree char *uri = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;
  sqlite3 *db = NULL;
  char *id = NULL;

  if (immutable != NULL && g_file_test (db_path, G_FILE_TEST_IS_REGULAR)
      && sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
           == SQLITE_OK)
    id = query_text (db, "SELECT value FROM setting WHERE key = 'database-id'");
  sqlite3_close_v2 (db);
  return id;
}

static gboolean
move_aside (const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);

  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  return g_file_move (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* Moves the file at @db_path and its own -wal and -journal into its
 * backups folder as <name>-<stamp>.damaged (the -wal first: a log left
 * beside a new file would be played into it), and drops its -shm. */
static gboolean
set_aside (const char  *db_path,
           char       **aside,
           GError     **error)
{
  g_autoptr (GDateTime) now = cw_clock_now ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *folder = cw_store_backup_folder (db_path);
  g_autofree char *name = g_path_get_basename (db_path);
  g_autofree char *aside_name = g_strdup_printf ("%s-%s.damaged", name, stamp);
  g_autofree char *target = g_build_filename (folder, aside_name, NULL);
  static const char *const own[] = { "-wal", "-journal" };
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not create the backup folder “%s”"), folder);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *from = g_strconcat (db_path, own[i], NULL);
      g_autofree char *to = g_strconcat (target, own[i], NULL);

      if (!move_aside (from, to, error))
        return FALSE;
    }
  if (!move_aside (db_path, target, error))
    return FALSE;
  g_remove (shm);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    *aside = g_steal_pointer (&target);
  return TRUE;
}

/* Writes the restored database beside @db_path, complete, as a hidden
 * file that cleaning removes if a crash leaves it. */
static char *
write_restored_copy (const char  *db_path,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *name = g_path_get_basename (db_path);
  g_autofree char *hidden = g_strdup_printf (".%s.restoring", name);
  g_autofree char *copy = g_build_filename (dir, hidden, NULL);
  sqlite3 *source = NULL;
  gboolean ok;

  g_remove (copy);
  ok = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
       && cw_store_write_copy (source, copy, error);
  if (source != NULL && !ok && error != NULL && *error == NULL)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not read “%s”: %s"),
                 path, sqlite3_errmsg (source));
  sqlite3_close_v2 (source);
  return ok ? g_steal_pointer (&copy) : NULL;
}

/**
 * cw_store_backup_restore_at:
 * @db_path: the database file, which need not open (it may be damaged,
 *   or missing)
 * @actor: (nullable): who the audit trail names for the restore
 * @set_aside: (out) (optional) (transfer full): where the file that was at
 *   @db_path was moved, or %NULL when there was none
 *
 * Restores a backup on the path, without opening what is there: the
 * backup is checked as cw_store_backup_restore() does; a complete copy of
 * it is written beside the database; then the file that was there is
 * moved, with its -wal and -journal, into the backups folder (kept, never
 * destroyed), and the copy takes its place. The restore is recorded in
 * the restored database's audit trail.
 */
gboolean
cw_store_backup_restore_at (const char           *db_path,
                            const char           *which,
                            CwStoreRestoreFlags   flags,
                            const char           *actor,
                            char                **set_aside_path,
                            GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *live_id = NULL;
  g_autofree char *backup_id = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *aside = NULL;
  g_autoptr (CwStore) store = NULL;

  g_return_val_if_fail (db_path != NULL && which != NULL, FALSE);

  if ((path = cw_store_backup_find_at (db_path, which, error)) == NULL)
    return FALSE;
  if (cw_store_same_file (path, db_path))
    return refuse (error, CW_STORE_ERROR_INVALID, path, _("it is the database itself"));
  live_id = read_database_id (db_path);
  if (!check_backup (path, &backup_id, error)
      || !check_same_database (db_path, path, live_id, backup_id, flags, error)
      || (copy = write_restored_copy (db_path, path, error)) == NULL)
    return FALSE;
  if (!set_aside (db_path, &aside, error))
    {
      g_remove (copy);
      g_prefix_error (error, _("Could not move “%s” aside: "), db_path);
      return FALSE;
    }
  if (g_rename (copy, db_path) != 0)
    {
      int saved = errno;

      /* What was there goes back. */
      if (aside != NULL)
        g_rename (aside, db_path);
      g_remove (copy);
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not put “%s” in place of “%s”: %s"), path, db_path,
                   g_strerror (saved));
      return FALSE;
    }
  if ((store = cw_store_open (db_path, error)) == NULL)
    return FALSE;
  if (actor != NULL)
    cw_store_set_actor (store, actor);
  if (!settle_restored (store, path, live_id, error))
    return FALSE;
  if (set_aside_path != NULL)
    *set_aside_path = g_steal_pointer (&aside);
  return TRUE;
}

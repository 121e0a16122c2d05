/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-store-private.h"

/* Backups live in a "casewise-backups" folder beside the database, the
 * place the user chose for their data. Automatic ones are daily
 * (<stem>-YYYY-MM-DD.db) and kept for the retention period; ones made on
 * request or before a restore carry the time (<stem>-YYYY-MM-DD-HHMMSS.db). */

static char *
db_stem (CwStore *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/**
 * cw_store_get_backup_dir:
 *
 * Returns: (transfer full) (nullable): the folder of this database's backups,
 *   %NULL for an in-memory database
 */
char *
cw_store_get_backup_dir (CwStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    return NULL;
  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "casewise-backups", NULL);
}

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not copy: %s"),
                   sqlite3_errmsg (to));
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not copy: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_backup (CwStore     *self,
              const char  *path,
              GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  sqlite3 *db = NULL;
  gboolean ok;

  g_remove (partial);
  if (!cw_store_create_private_file (partial, error))
    return FALSE;
  ok = sqlite3_open_v2 (partial, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
       && copy_database (self->db, db, error);
  if (ok)
    ok = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close_v2 (db);
  /* Renamed only when complete, so a crash never leaves half a backup. */
  if (ok && g_rename (partial, path) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”"), path);
      ok = FALSE;
    }
  if (!ok)
    {
      g_remove (partial);
      if (error != NULL && *error == NULL)
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                     _("Could not write the backup “%s”"), path);
    }
  return ok;
}

static char *
backup_path (CwStore     *self,
             const char  *suffix,
             GError     **error)
{
  g_autofree char *dir = cw_store_get_backup_dir (self);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (dir == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("An in-memory database has no backups"));
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("Could not create the backup folder “%s”"), dir);
      return NULL;
    }
  stem = db_stem (self);
  name = g_strdup_printf ("%s-%s.db", stem, suffix);
  return g_build_filename (dir, name, NULL);
}

/**
 * cw_store_backup_create:
 *
 * Writes a consistent copy of the database now.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
cw_store_backup_create (CwStore  *self,
                        GError  **error)
{
  g_autoptr (GDateTime) now = cw_clock_now ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *path = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  path = backup_path (self, stamp, error);
  /* Two in the same second (a backup, then a restore) must not collide. */
  for (int n = 2; path != NULL && g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%d", stamp, n);
      g_free (path);
      path = backup_path (self, numbered, error);
    }
  if (path == NULL || !write_backup (self, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

static gboolean
date_of_backup (const char *name,
                const char *stem,
                GDate      *out)
{
  g_autofree char *date = NULL;
  size_t len = strlen (stem);

  if (strncmp (name, stem, len) != 0 || name[len] != '-' || !g_str_has_suffix (name, ".db"))
    return FALSE;
  date = g_strndup (name + len + 1, 10);
  return strlen (date) == 10 && date[4] == '-' && cw_date_parse (date, out);
}

/* By the stamp in the name: a backup made at 14:00 sorts after that day's
 * automatic one, which has no time (so ".db" must not take part). */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *stamp_a = g_strdup (*(const char *const *) a);
  g_autofree char *stamp_b = g_strdup (*(const char *const *) b);

  stamp_a[strlen (stamp_a) - strlen (".db")] = '\0';
  stamp_b[strlen (stamp_b) - strlen (".db")] = '\0';
  return g_strcmp0 (stamp_b, stamp_a);
}

/**
 * cw_store_backup_list:
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the paths of this
 *   database's backups, newest first
 */
GPtrArray *
cw_store_backup_list (CwStore  *self,
                      GError  **error)
{
  g_autofree char *dir_path = cw_store_get_backup_dir (self);
  g_autofree char *stem = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GDate date;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&paths);
  if ((dir = g_dir_open (dir_path, 0, error)) == NULL)
    return NULL;
  stem = db_stem (self);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (date_of_backup (name, stem, &date))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_newest_first);
  return g_steal_pointer (&paths);
}

static void
prune (CwStore     *self,
       const GDate *today,
       int          days)
{
  g_autoptr (GPtrArray) paths = cw_store_backup_list (self, NULL);
  g_autofree char *stem = db_stem (self);
  GDate oldest = *today;

  g_date_subtract_days (&oldest, days - 1);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      gboolean automatic = strlen (name) == strlen (stem) + strlen ("-YYYY-MM-DD.db");
      GDate date;

      /* Backups made on request or before a restore are the user's to remove. */
      if (automatic && date_of_backup (name, stem, &date) && g_date_compare (&date, &oldest) < 0)
        g_remove (paths->pdata[i]);
    }
}

/**
 * cw_store_backup_describe:
 * @path: a backup from cw_store_backup_list()
 * @automatic: (out) (optional): whether it is a daily automatic backup
 *
 * Returns: (transfer full): when it was made as a person reads it,
 *   "3 Apr 2026" for a daily one, "3 Apr 2026, 14:05" for one made on
 *   request; the file name if it is not a backup of this database
 */
char *
cw_store_backup_describe (CwStore    *self,
                          const char *path,
                          gboolean   *automatic)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stem = db_stem (self);
  g_autofree char *shown = NULL;
  const char *stamp;
  GDate date;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (automatic != NULL)
    *automatic = FALSE;
  if (!date_of_backup (name, stem, &date))
    return g_steal_pointer (&name);
  /* <stem>-YYYY-MM-DD.db daily, <stem>-YYYY-MM-DD-HHMMSS[-N].db otherwise */
  stamp = name + strlen (stem) + 1;
  shown = cw_date_format_display (&date);
  if (stamp[10] != '-' || strlen (stamp) < 17)
    {
      if (automatic != NULL)
        *automatic = stamp[10] != '-';
      return g_steal_pointer (&shown);
    }
  /* Translators: a date such as 3 Apr 2026, then hours and minutes */
  return g_strdup_printf (_("%s, %.2s:%.2s"), shown, stamp + 11, stamp + 13);
}

/**
 * cw_store_backup_auto:
 * @today: (nullable): today's date; %NULL for the real one
 *
 * Writes today's automatic backup unless it exists, then removes backups
 * older than the retention period (preference "backup-retention-days").
 */
gboolean
cw_store_backup_auto (CwStore      *self,
                      const GDate  *today,
                      GError      **error)
{
  g_autofree char *iso = NULL;
  g_autofree char *path = NULL;
  GDate now;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (g_str_equal (self->path, ":memory:"))
    return TRUE;
  if (today == NULL)
    cw_clock_today (&now);
  else
    now = *today;
  iso = cw_date_format_iso (&now);
  if ((path = backup_path (self, iso, error)) == NULL)
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !write_backup (self, path, error))
    return FALSE;
  prune (self, &now, cw_store_get_backup_retention (self));
  return TRUE;
}

/**
 * cw_store_backup_find:
 * @which: a backup's path, its file name as `backup list` shows it, or a
 *   date (YYYY-MM-DD) naming that day's automatic backup
 *
 * Exact matches only: a restore must never pick a backup by a guess.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
cw_store_backup_find (CwStore     *self,
                      const char  *which,
                      GError     **error)
{
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *daily = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (which != NULL, NULL);

  if (g_file_test (which, G_FILE_TEST_IS_REGULAR))
    return g_strdup (which);
  stem = db_stem (self);
  daily = g_strdup_printf ("%s-%s.db", stem, which);
  paths = cw_store_backup_list (self, NULL);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      if (g_str_equal (name, which) || g_str_equal (name, daily))
        return g_strdup (paths->pdata[i]);
    }
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
               _("There is no backup “%s”; give a path, a file name or a date (YYYY-MM-DD) "
                 "that `casewise-cli backup list` shows"), which);
  return NULL;
}

static gboolean
check_backup (const char  *path,
              sqlite3    **out,
              GError     **error)
{
  if (sqlite3_open_v2 (path, out, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not open “%s”: %s"),
                   path, sqlite3_errmsg (*out));
      return FALSE;
    }
  return cw_store_check_database (*out, path, error);
}

/**
 * cw_store_backup_restore:
 * @which: a backup's path, file name, or date (YYYY-MM-DD)
 *
 * Replaces the database's content with the backup's, after checking the
 * backup and saving the current content as a backup of its own. An older
 * backup is migrated forward.
 */
gboolean
cw_store_backup_restore (CwStore     *self,
                         const char  *which,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  sqlite3 *source = NULL;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (which != NULL, FALSE);

  if ((path = cw_store_backup_find (self, which, error)) == NULL)
    return FALSE;
  ok = check_backup (path, &source, error)
       && (safety = cw_store_backup_create (self, error)) != NULL
       && copy_database (source, self->db, error);
  sqlite3_close_v2 (source);
  if (!ok)
    return FALSE;
  g_hash_table_remove_all (self->statements);
  if (!cw_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !cw_store_migrate (self, CW_SCHEMA_VERSION, error))
    return FALSE;
  /* The restored preferences may name another reviewer. */
  cw_store_refresh_actor (self);
  cw_store_emit_reset (self);
  return TRUE;
}

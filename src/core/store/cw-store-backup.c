/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-clock.h"
#include "cw-store-private.h"

/* Backups live beside the database, the place the user chose for their
 * data, in a folder of their own for each database file:
 * casewise-backups/<file name>/, so that cases.db and cases.bak in one
 * folder never share one. Automatic ones are daily (<stem>-YYYY-MM-DD.db)
 * and kept for the retention period; ones made on request or before a
 * restore carry the time (<stem>-YYYY-MM-DD-HHMMSS[-N].db) and are the
 * user's to remove. Backups made before that naming, straight in
 * casewise-backups/, are still listed and restored, never removed.
 *
 * Each database has an id (the setting "database-id") that its backups
 * carry: a restore refuses a backup of another database unless asked. */

#define BACKUP_ROOT "casewise-backups"

char *
cw_store_backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The folder that holds the backups of every database beside @db_path. */
char *
cw_store_backup_root (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, BACKUP_ROOT, NULL);
}

char *
cw_store_backup_folder (const char *db_path)
{
  g_autofree char *root = cw_store_backup_root (db_path);
  g_autofree char *name = g_path_get_basename (db_path);

  return g_build_filename (root, name, NULL);
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
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    return NULL;
  return cw_store_backup_folder (self->path);
}

/* Whether @name is "<stem>-" and a stamp and ".db", the stamp a day
 * (automatic) or a day and a time, with a number when two share a second. */
gboolean
cw_store_backup_parse_name (const char *name,
                            const char *stem,
                            GDate      *date,
                            gboolean   *automatic)
{
  size_t len = strlen (stem);
  g_autofree char *stamp = NULL;
  g_autofree char *day = NULL;
  size_t n;

  if (strncmp (name, stem, len) != 0 || name[len] != '-' || !g_str_has_suffix (name, ".db"))
    return FALSE;
  stamp = g_strndup (name + len + 1, strlen (name) - len - 1 - strlen (".db"));
  n = strlen (stamp);
  day = g_strndup (stamp, CW_BACKUP_STAMP_DAY);
  if (n < CW_BACKUP_STAMP_DAY || day[4] != '-' || day[7] != '-' || !cw_date_parse (day, date))
    return FALSE;
  *automatic = n == CW_BACKUP_STAMP_DAY;
  if (n == CW_BACKUP_STAMP_DAY)
    return TRUE;
  if (n < CW_BACKUP_STAMP_TIME || stamp[CW_BACKUP_STAMP_DAY] != '-')
    return FALSE;
  for (size_t i = CW_BACKUP_STAMP_DAY + 1; i < n; i++)
    if (!g_ascii_isdigit (stamp[i]) && !(i == CW_BACKUP_STAMP_TIME && stamp[i] == '-' && i + 1 < n))
      return FALSE;
  return TRUE;
}

/* By the stamp in the name: a backup made at 14:00 sorts after that day's
 * automatic one, which has no time (so ".db" must not take part). */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *name_a = g_path_get_basename (*(const char *const *) a);
  g_autofree char *name_b = g_path_get_basename (*(const char *const *) b);

  name_a[strlen (name_a) - strlen (".db")] = '\0';
  name_b[strlen (name_b) - strlen (".db")] = '\0';
  return g_strcmp0 (name_b, name_a);
}

static gboolean
add_backups_in (GPtrArray   *paths,
                const char  *dir_path,
                const char  *stem,
                GError     **error)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    return TRUE;
  if ((dir = g_dir_open (dir_path, 0, error)) == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      gboolean automatic;
      GDate date;

      if (cw_store_backup_parse_name (name, stem, &date, &automatic)
          && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  return TRUE;
}

/**
 * cw_store_backup_list_at:
 * @db_path: a database file, which need not open
 *
 * Returns: (transfer full) (element-type filename) (nullable): the paths of
 *   the backups of the database at @db_path, newest first, those made
 *   before backups had a folder of their own included
 */
GPtrArray *
cw_store_backup_list_at (const char  *db_path,
                         GError     **error)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = cw_store_backup_folder (db_path);
  g_autofree char *root = cw_store_backup_root (db_path);
  g_autofree char *stem = cw_store_backup_stem (db_path);

  g_return_val_if_fail (db_path != NULL, NULL);

  if (!add_backups_in (paths, folder, stem, error) || !add_backups_in (paths, root, stem, error))
    return NULL;
  g_ptr_array_sort (paths, compare_newest_first);
  return g_steal_pointer (&paths);
}

/**
 * cw_store_backup_list:
 *
 * Returns: (transfer full) (element-type filename) (nullable): the paths of
 *   this database's backups, newest first
 */
GPtrArray *
cw_store_backup_list (CwStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (g_str_equal (self->path, ":memory:"))
    return g_ptr_array_new_with_free_func (g_free);
  return cw_store_backup_list_at (self->path, error);
}

/* A backup being written right now holds a lock on its file. */
static gboolean
in_use (const char *path)
{
  sqlite3 *db = NULL;
  gboolean busy;

  if (g_str_has_suffix (path, "-journal"))
    return FALSE;
  busy = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
         && sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_BUSY;
  sqlite3_close_v2 (db);
  return busy;
}

static void
remove_partials_in (const char *dir_path,
                    const char *prefix)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix)
          || !(g_str_has_suffix (name, ".part") || g_str_has_suffix (name, ".part-journal")))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!in_use (path))
        g_remove (path);
    }
}

/* Partial backups (and a restore's copy) that a crash left unfinished:
 * removed when the database is next opened, unless one is being written. */
void
cw_store_backup_clean_partials (const char *db_path)
{
  g_autofree char *folder = cw_store_backup_folder (db_path);
  g_autofree char *root = cw_store_backup_root (db_path);
  g_autofree char *stem = cw_store_backup_stem (db_path);
  g_autofree char *stem_dash = g_strconcat (stem, "-", NULL);
  g_autofree char *db_dir = g_path_get_dirname (db_path);
  g_autofree char *name = g_path_get_basename (db_path);
  g_autofree char *restoring = g_strdup_printf (".%s.restoring", name);

  remove_partials_in (folder, "");
  remove_partials_in (root, stem_dash);
  remove_partials_in (db_dir, restoring);
}

gboolean
cw_store_copy_database (sqlite3     *from,
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

/* Copies @from into a new private file at @path, written as "<path>.part"
 * and renamed only when complete, so a crash never leaves half a copy. */
gboolean
cw_store_write_copy (sqlite3     *from,
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
       && cw_store_copy_database (from, db, error);
  if (ok)
    ok = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close_v2 (db);
  if (ok && g_rename (partial, path) != 0)
    ok = FALSE;
  if (!ok)
    {
      g_remove (partial);
      if (error != NULL && *error == NULL)
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                     _("Could not write “%s”"), path);
      else
        g_prefix_error (error, _("Could not write “%s”: "), path);
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
  stem = cw_store_backup_stem (self->path);
  name = g_strdup_printf ("%s-%s.db", stem, suffix);
  return g_build_filename (dir, name, NULL);
}

/* The database's id, which its backups carry: given once (migration 7, or
 * here for a file that lost it). */
void
cw_store_ensure_database_id (CwStore *self)
{
  cw_store_exec (self, "INSERT OR IGNORE INTO setting (key, value)"
                       " VALUES ('database-id', lower (hex (randomblob (16))))", NULL);
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
  cw_store_ensure_database_id (self);
  if (path == NULL || !cw_store_write_copy (self->db, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
prune (CwStore     *self,
       const GDate *today,
       int          days)
{
  g_autofree char *folder = cw_store_get_backup_dir (self);
  g_autofree char *stem = cw_store_backup_stem (self->path);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GDate oldest = *today;

  g_date_subtract_days (&oldest, days - 1);
  /* Only this database's own folder: backups made on request or before a
   * restore, and those of the old naming, are the user's to remove. */
  add_backups_in (paths, folder, stem, NULL);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      gboolean automatic = FALSE;
      GDate date;

      if (cw_store_backup_parse_name (name, stem, &date, &automatic) && automatic
          && g_date_compare (&date, &oldest) < 0)
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
  g_autofree char *stem = cw_store_backup_stem (self->path);
  g_autofree char *shown = NULL;
  gboolean daily = FALSE;
  const char *stamp;
  GDate date;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  if (automatic != NULL)
    *automatic = FALSE;
  if (!cw_store_backup_parse_name (name, stem, &date, &daily))
    return g_steal_pointer (&name);
  if (automatic != NULL)
    *automatic = daily;
  shown = cw_date_format_display (&date);
  if (daily)
    return g_steal_pointer (&shown);
  stamp = name + strlen (stem) + 1;
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
  cw_store_ensure_database_id (self);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !cw_store_write_copy (self->db, path, error))
    return FALSE;
  prune (self, &now, cw_store_get_backup_retention (self));
  return TRUE;
}

/**
 * cw_store_backup_find_at:
 * @db_path: a database file, which need not open
 * @which: a backup's path, its file name as `backup list` shows it, or a
 *   date (YYYY-MM-DD) naming that day's automatic backup
 *
 * Exact matches only: a restore must never pick a backup by a guess.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
cw_store_backup_find_at (const char  *db_path,
                         const char  *which,
                         GError     **error)
{
  g_autoptr (GPtrArray) paths = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *daily = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (which != NULL, NULL);

  if (g_file_test (which, G_FILE_TEST_IS_REGULAR))
    return g_strdup (which);
  stem = cw_store_backup_stem (db_path);
  daily = g_strdup_printf ("%s-%s.db", stem, which);
  paths = cw_store_backup_list_at (db_path, NULL);
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

char *
cw_store_backup_find (CwStore     *self,
                      const char  *which,
                      GError     **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  return cw_store_backup_find_at (self->path, which, error);
}

/* A backups folder others could read (or backups in it) made the user's
 * alone, and said so. */
void
cw_store_backup_tighten (CwStore *self)
{
#ifdef G_OS_UNIX
  g_autofree char *root = cw_store_backup_root (self->path);
  g_autofree char *folder = cw_store_backup_folder (self->path);
  g_autoptr (GPtrArray) paths = cw_store_backup_list_at (self->path, NULL);
  gboolean loose = FALSE;

  if (g_file_test (root, G_FILE_TEST_IS_DIR))
    loose |= cw_store_tighten (root, 0700);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    loose |= cw_store_tighten (folder, 0700);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    loose |= cw_store_tighten (paths->pdata[i], 0600);
  if (loose)
    cw_store_add_notice (self, _("The backups in “%s” could be read by other users of this "
                                 "computer; they are now readable by you alone (folders 0700, "
                                 "files 0600)."), root);
#endif
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-store-private.h"

/* Every file Casewise writes for the user (exports, timelines, reports)
 * goes through here. The store knows its own files, so it refuses a path
 * that is the database, its -wal, -shm or -journal, or lies in the
 * backups folder, however the path is spelt (./x/../casewise.db, a
 * symbolic link). The file is written under a temporary name in the same
 * folder and renamed into place only when complete: after a full disk or
 * a crash the file that was there is as it was, never truncated. */

#define MAX_LINKS 40 /* as the kernel allows */

struct _CwStoreOutput
{
  GFile             *target;
  GFile             *partial;
  GFileOutputStream *stream;
  char              *shown; /* the path the user gave, for messages */
};

#ifdef G_OS_WIN32
#define SEPARATORS "/\\"
#else
#define SEPARATORS "/"
#endif

static void
take_string (char **place,
             char  *value)
{
  g_free (*place);
  *place = value;
}

/* Pushes the parts of @path on @rest, last first, so the next is at the end. */
static void
push_parts (GPtrArray  *rest,
            const char *path)
{
  const char *relative = g_path_skip_root (path);
  g_auto (GStrv) parts = g_strsplit_set (relative ? relative : path, SEPARATORS, -1);

  for (guint i = g_strv_length (parts); i-- > 0;)
    g_ptr_array_add (rest, g_strdup (parts[i]));
}

static char *
root_of (const char *path)
{
  return g_strndup (path, g_path_skip_root (path) - path);
}

/* @path absolute and with no symbolic link in it, from what @path names as
 * the system finds it: each link followed, ".." applied after it (where
 * g_canonicalize_filename() would drop "x/.." even when x is a link). Parts
 * that do not exist yet are kept as they are. */
char *
cw_store_real_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (".", NULL);
  g_autoptr (GPtrArray) rest = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *resolved = NULL;
  guint links = 0;

  take_string (&absolute, g_path_is_absolute (path) ? g_strdup (path)
                                                    : g_build_filename (absolute, path, NULL));
  resolved = root_of (absolute);
  push_parts (rest, absolute);
  while (rest->len > 0)
    {
      g_autofree char *part = g_ptr_array_steal_index (rest, rest->len - 1);
      g_autofree char *next = NULL;
      g_autofree char *link = NULL;

      if (*part == '\0' || g_str_equal (part, "."))
        continue;
      if (g_str_equal (part, ".."))
        {
          take_string (&resolved, g_path_get_dirname (resolved));
          continue;
        }
      next = g_build_filename (resolved, part, NULL);
      if (links < MAX_LINKS && (link = g_file_read_link (next, NULL)) != NULL)
        {
          links++;
          push_parts (rest, link);
          if (g_path_is_absolute (link))
            take_string (&resolved, root_of (link));
          continue;
        }
      take_string (&resolved, g_steal_pointer (&next));
    }
  return g_steal_pointer (&resolved);
}

/* Whether @a and @b are one file or folder: by identity where the system
 * gives one (so a hard link or another spelling is caught), else by name. */
gboolean
cw_store_same_file (const char *a,
                    const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_ino != 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return g_str_equal (a, b);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  /* Folded: on a file system that ignores case, CASEWISE.DB is the database. */
  return g_str_equal (fa, fb);
}

/* Whether @folder or one of the folders above it is @ancestor. */
static gboolean
is_within (const char *folder,
           const char *ancestor)
{
  g_autofree char *at = g_strdup (folder);

  for (guint depth = 0; depth < 256; depth++)
    {
      g_autofree char *parent = NULL;

      if (cw_store_same_file (at, ancestor))
        return TRUE;
      parent = g_path_get_dirname (at);
      if (g_str_equal (parent, at))
        return FALSE;
      take_string (&at, g_steal_pointer (&parent));
    }
  return FALSE;
}

/* Whether @real (a real path) is the database @db or one of its own files. */
static gboolean
is_database_file (const char *real,
                  const char *db)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *real_db = cw_store_real_path (db);
  g_autofree char *folder = g_path_get_dirname (real);
  g_autofree char *name = g_path_get_basename (real);
  g_autofree char *db_folder = g_path_get_dirname (real_db);
  g_autofree char *db_name = g_path_get_basename (real_db);

  if (cw_store_same_file (real, real_db))
    return TRUE;
  if (!cw_store_same_file (folder, db_folder))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (db_name, suffixes[i], NULL);
      if (same_name (name, own))
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_store_check_output:
 * @path: where the user asked for a file to be written
 * @real: (out) (optional) (transfer full): the file @path names, with no
 *   symbolic link in its path
 *
 * Refuses a path that would write over the database, its -wal, -shm or
 * -journal, or anything in the backups folder, or that names a folder.
 *
 * Returns: whether a file may be written at @path
 */
gboolean
cw_store_check_output (CwStore     *self,
                       const char  *path,
                       char       **real,
                       GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *backups = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = cw_store_real_path (path);
  folder = g_path_get_dirname (target);
  backups = g_str_equal (self->path, ":memory:") ? NULL : cw_store_backup_root (self->path);
  if (!g_str_equal (self->path, ":memory:") && is_database_file (target, self->path))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, or one of its own files: writing there "
                     "would destroy it. Choose another file."), path);
      return FALSE;
    }
  if (backups != NULL && is_within (folder, backups))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is in the backups folder “%s”, which Casewise keeps for backups "
                     "alone. Choose a file elsewhere."), path, backups);
      return FALSE;
    }
  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is a folder; give the name of a file to write"), path);
      return FALSE;
    }
  if (real != NULL)
    *real = g_steal_pointer (&target);
  return TRUE;
}

static GFileOutputStream *
create_partial (GFile   *target,
                GFile  **partial,
                GError **error)
{
  g_autoptr (GFile) folder = g_file_get_parent (target);
  g_autofree char *name = g_file_get_basename (target);

  /* A name nobody else has: created, never opened if it is there. */
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autofree char *partial_name = g_strdup_printf (".%s.%08x.part", name, g_random_int ());
      g_autoptr (GError) local_error = NULL;
      GFileOutputStream *stream;

      *partial = g_file_get_child (folder, partial_name);
      stream = g_file_create (*partial, G_FILE_CREATE_PRIVATE, NULL, &local_error);
      if (stream != NULL)
        return stream;
      g_clear_object (partial);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("no free temporary name"));
  return NULL;
}

/**
 * cw_store_output_new:
 * @path: where the user asked for the file
 *
 * Checks @path (cw_store_check_output()) and opens a stream to a new
 * temporary file beside it, readable by its owner alone (mode 0600 where
 * the platform has modes). Write to cw_store_output_get_stream(), then
 * cw_store_output_commit(); freeing it without a commit removes what was
 * written and leaves any file at @path as it was.
 *
 * Returns: (transfer full) (nullable): the output, or %NULL with @error set
 */
CwStoreOutput *
cw_store_output_new (CwStore     *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr (CwStoreOutput) output = NULL;
  g_autofree char *real = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!cw_store_check_output (self, path, &real, error))
    return NULL;
  output = g_new0 (CwStoreOutput, 1);
  output->shown = g_strdup (path);
  output->target = g_file_new_for_path (real);
  output->stream = create_partial (output->target, &output->partial, &local_error);
  if (output->stream == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&output);
}

/**
 * cw_store_output_get_stream:
 *
 * Returns: (transfer none): where to write the file's content
 */
GOutputStream *
cw_store_output_get_stream (CwStoreOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_OUTPUT_STREAM (self->stream);
}

/**
 * cw_store_output_commit:
 *
 * Closes the temporary file and renames it into place, over the file that
 * was there. On failure the temporary file is removed and the file at the
 * path is as it was.
 *
 * Returns: whether the file is in place, complete
 */
gboolean
cw_store_output_commit (CwStoreOutput  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL && self->stream != NULL, FALSE);

  if (g_output_stream_close (G_OUTPUT_STREAM (self->stream), cancellable, &local_error)
      && g_file_move (self->partial, self->target,
                      G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, cancellable,
                      NULL, NULL, &local_error))
    {
      g_clear_object (&self->partial);
      return TRUE;
    }
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED, _("Could not write “%s”: %s"),
               self->shown, local_error->message);
  return FALSE;
}

/**
 * cw_store_output_free:
 *
 * Ends the output: a file not committed is removed.
 */
void
cw_store_output_free (CwStoreOutput *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (self->stream)))
    g_output_stream_close (G_OUTPUT_STREAM (self->stream), NULL, NULL);
  if (self->partial != NULL)
    g_file_delete (self->partial, NULL, NULL);
  g_clear_object (&self->stream);
  g_clear_object (&self->partial);
  g_clear_object (&self->target);
  g_free (self->shown);
  g_free (self);
}

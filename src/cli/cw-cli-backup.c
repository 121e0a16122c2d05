/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-json.h"

/* Backups of the database: made now, listed, restored. */

gboolean
cw_cli_backup_create (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autofree char *path = NULL;
  CwStore *store;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || (store = cw_cli_open_store (cli, FALSE, error)) == NULL
      || (path = cw_store_backup_create (store, error)) == NULL)
    return FALSE;
  cw_cli_print ("%s\n", path);
  return TRUE;
}

static void
print_json (GPtrArray *paths)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);

      cw_json_begin_object (json);
      cw_json_member_string (json, "path", paths->pdata[i]);
      cw_json_member_string (json, "name", name);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

/* A database that does not open (damaged, or missing) still has its
 * backups: they are what it needs. */
static gboolean
opens_not (GError *error)
{
  return g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT)
         || g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

gboolean
cw_cli_backup_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (GPtrArray) paths = NULL;
  g_autoptr (GError) open_error = NULL;
  g_autofree char *db_path = NULL;
  gboolean json = FALSE;
  CwStore *store;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of one path a line"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if ((store = cw_cli_open_store (cli, FALSE, &open_error)) != NULL)
    paths = cw_store_backup_list (store, error);
  else if (opens_not (open_error)
           && !g_str_equal ((db_path = cw_cli_database_path (cli)), ":memory:"))
    paths = cw_store_backup_list_at (db_path, error);
  else
    g_propagate_error (error, g_steal_pointer (&open_error));
  if (paths == NULL)
    return FALSE;
  if (json)
    print_json (paths);
  else
    for (guint i = 0; i < paths->len; i++)
      cw_cli_print ("%s\n", (const char *) paths->pdata[i]);
  return TRUE;
}

/* Restoring over a database that does not open: the file that was there
 * is kept aside, never destroyed. */
static gboolean
restore_at (CwCli               *cli,
            const char          *which,
            CwStoreRestoreFlags  flags,
            GError             **error)
{
  g_autofree char *db_path = cw_cli_database_path (cli);
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;

  if ((path = cw_store_backup_find_at (db_path, which, error)) == NULL
      || !cw_store_backup_restore_at (db_path, path, flags, cli->actor, &aside, error))
    return FALSE;
  if (aside != NULL)
    cw_cli_print (_("Restored %s; the file that was at %s is kept as %s.\n"), path, db_path,
                  aside);
  else
    cw_cli_print (_("Restored %s to %s.\n"), path, db_path);
  return TRUE;
}

gboolean
cw_cli_backup_restore (CwCli               *cli,
                       const CwCliCommand  *command,
                       GStrv               *args,
                       GError             **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) open_error = NULL;
  gboolean other = FALSE;
  CwStoreRestoreFlags flags;
  CwStore *store;
  const GOptionEntry entries[] = {
    { "other-database", 0, 0, G_OPTION_ARG_NONE, &other,
      N_("Restore it even though it is a backup of another database"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  flags = other ? CW_STORE_RESTORE_OTHER_DATABASE : CW_STORE_RESTORE_DEFAULT;
  if ((store = cw_cli_open_store (cli, TRUE, &open_error)) == NULL)
    {
      g_autofree char *db_path = cw_cli_database_path (cli);

      if (opens_not (open_error) && !g_str_equal (db_path, ":memory:"))
        return restore_at (cli, (*args)[1], flags, error);
      g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }
  if ((path = cw_store_backup_find (store, (*args)[1], error)) == NULL
      || !cw_store_backup_restore (store, path, flags, error))
    return FALSE;
  cw_cli_print (_("Restored %s; what the database held before was backed up first.\n"), path);
  return TRUE;
}

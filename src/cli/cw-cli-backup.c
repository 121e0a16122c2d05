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

gboolean
cw_cli_backup_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (GPtrArray) paths = NULL;
  gboolean json = FALSE;
  CwStore *store;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of one path a line"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (store = cw_cli_open_store (cli, FALSE, error)) == NULL
      || (paths = cw_store_backup_list (store, error)) == NULL)
    return FALSE;
  if (json)
    print_json (paths);
  else
    for (guint i = 0; i < paths->len; i++)
      cw_cli_print ("%s\n", (const char *) paths->pdata[i]);
  return TRUE;
}

gboolean
cw_cli_backup_restore (CwCli               *cli,
                       const CwCliCommand  *command,
                       GStrv               *args,
                       GError             **error)
{
  g_autofree char *path = NULL;
  CwStore *store;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || (store = cw_cli_open_store (cli, TRUE, error)) == NULL
      || (path = cw_store_backup_find (store, (*args)[1], error)) == NULL
      || !cw_store_backup_restore (store, path, error))
    return FALSE;
  cw_cli_print (_("Restored %s; what the database held before was backed up first.\n"), path);
  return TRUE;
}

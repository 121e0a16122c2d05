/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-history.h"
#include "cw-json.h"

/* `review history`: the review's history in the app's words (cw-history.c),
 * newest first. */

static char *
one_line (const char *text)
{
  char *line = g_strdup (text && *text ? text : "-");

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

static void
print_table (GListModel *lines)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (lines);

  if (n == 0)
    {
      cw_cli_print ("%s\n", _("No history yet."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("WHEN|WHO|WHAT|BEFORE|AFTER"), "|", 5));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwHistoryLine) line = g_list_model_get_item (lines, i);
      char **row = g_new0 (char *, 6);

      row[0] = one_line (cw_history_line_get_when (line));
      row[1] = one_line (cw_history_line_get_actor (line));
      row[2] = one_line (cw_history_line_get_what (line));
      row[3] = one_line (cw_history_line_get_before (line));
      row[4] = one_line (cw_history_line_get_after (line));
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 5);
}

static void
line_json (CwJson        *json,
           CwHistoryLine *line)
{
  CwAuditEntry *entry = cw_history_line_get_entry (line);

  cw_json_begin_object (json);
  cw_json_member_string (json, "at", cw_audit_entry_get_at (entry));
  cw_json_member_string (json, "when", cw_history_line_get_when (line));
  cw_json_member_string (json, "actor", cw_history_line_get_actor (line));
  cw_json_member_string (json, "action", cw_audit_entry_get_action_name (entry));
  cw_json_member_string (json, "entity", cw_audit_entry_get_table (entry));
  cw_json_member_int (json, "entity_id", cw_audit_entry_get_row_id (entry));
  cw_json_member_string (json, "field", cw_audit_entry_get_field_name (entry));
  cw_json_member_string (json, "what", cw_history_line_get_what (line));
  cw_json_member_string (json, "before", cw_history_line_get_before (line));
  cw_json_member_string (json, "after", cw_history_line_get_after (line));
  cw_json_end_object (json);
}

static void
print_json (GListModel *lines)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr (CwHistoryLine) line = g_list_model_get_item (lines, i);
      line_json (json, line);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

gboolean
cw_cli_review_history (CwCli               *cli,
                       const CwCliCommand  *command,
                       GStrv               *args,
                       GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GListModel) lines = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL
      || (lines = cw_history_list (cli->store, cw_record_get_id (review), error)) == NULL)
    return FALSE;
  if (json)
    print_json (lines);
  else
    print_table (lines);
  return TRUE;
}

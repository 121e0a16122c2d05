/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-actions.h"
#include "cw-analysis.h"
#include "cw-chronology.h"
#include "cw-cli.h"
#include "cw-clock.h"
#include "cw-json.h"

/* action list|add|update|close|export|import: action plans from a terminal,
 * one review's or every review's, with the RAG rating in words, and the
 * tracker a subgroup circulates and gets back. */

static const char *
owner_of (CwAction *a)
{
  return a->agency ? a->agency : a->body ? a->body : a->person ? a->person : "";
}

static void
actions_json (GPtrArray *actions)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *a = actions->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "id", a->id);
      cw_json_member_string (json, "review", a->reference);
      cw_json_member_int (json, "recommendation", a->recommendation);
      cw_json_member_string (json, "description", a->description);
      cw_json_member_string_or_null (json, "agency", a->agency);
      cw_json_member_string_or_null (json, "person", a->person);
      cw_json_member_string_or_null (json, "body", a->body);
      cw_json_member_string_or_null (json, "due_on", a->due_on);
      cw_json_member_string (json, "status", a->status);
      cw_json_member_string (json, "rag", cw_rag_name (a->rating.rag));
      cw_json_member_string (json, "rating", a->rating.words);
      cw_json_key (json, "overdue");
      cw_json_bool (json, a->rating.overdue);
      cw_json_key (json, "during_review");
      cw_json_bool (json, a->during_review);
      cw_json_member_string_or_null (json, "impact_measure", a->impact_measure);
      cw_json_member_string_or_null (json, "closed_on", a->closed_on);
      cw_json_member_string_or_null (json, "latest_update", a->latest_update);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static void
actions_table (GPtrArray *actions)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (actions->len == 0)
    {
      cw_cli_print ("%s\n", _("No open actions."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("ID|REVIEW|REC.|RATING|DUE|STATUS|WHO|ACTION"), "|", 8));
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *a = actions->pdata[i];
      char **row = g_new0 (char *, 9);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      row[1] = g_strdup (a->reference);
      row[2] = g_strdup_printf ("%d", a->recommendation);
      /* Words beside the colour's name: never colour alone. */
      row[3] = g_strdup_printf ("%s%s", a->rating.rag == CW_RAG_RED ? "⚠ " : "", a->rating.words);
      row[4] = cw_date_iso_to_display (a->due_on) ?: g_strdup ("");
      row[5] = g_strdup (_(cw_choice_label (cw_action_statuses, a->status) ?: a->status));
      row[6] = g_strdup (owner_of (a));
      row[7] = g_strdup (a->description);
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 8);
}

gboolean
cw_cli_action_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *status = NULL;
  g_autofree char *theme = NULL;
  gboolean json = FALSE, overdue = FALSE, all = FALSE;
  int within = -1;
  GDate today;
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only those past their due date"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_INT, &within, N_("Only those due within DAYS days"),
      N_("DAYS") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Only the agency's"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only those with this status"),
      N_("STATUS") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("Only those for recommendations whose findings have this theme"), N_("NAME") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Embedded and closed ones too"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (within < -1 || within > 3650)
    return cw_cli_value_error (error, _("--due-within takes 0 to 3650 days, not %d"), within);
  if (status != NULL && !cw_choice_contains (cw_action_statuses, status))
    return cw_cli_value_error (error, _("--status: “%s” is not a status of an action"), status);
  if ((*args)[1] != NULL)
    {
      if ((review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL)
        return FALSE;
      filter.review_id = cw_record_get_id (review);
    }
  else if (cw_cli_open_store (cli, FALSE, error) == NULL)
    return FALSE;
  if (agency != NULL
      && (filter.agency_id = cw_chronology_find_agency (cli->store, agency, error)) == 0)
    return FALSE;
  if (theme != NULL
      && (filter.theme_id = cw_analysis_find_named (cli->store, &cw_entity_theme, theme,
                                                    error)) == 0)
    return FALSE;
  filter.due_within = within;
  filter.overdue = overdue;
  filter.status = status;
  filter.include_closed = all || status != NULL;
  cw_clock_today (&today);
  if ((actions = cw_actions_list (cli->store, &filter, &today, error)) == NULL)
    return FALSE;
  if (json)
    actions_json (actions);
  else
    actions_table (actions);
  return TRUE;
}

/* The review's recommendation by its number. */
static gint64
find_recommendation (CwStore     *store,
                     gint64       review_id,
                     int          number,
                     GError     **error)
{
  g_autoptr (GPtrArray) recommendations = cw_analysis_list_recommendations (store, review_id,
                                                                            error);

  for (guint i = 0; recommendations != NULL && i < recommendations->len; i++)
    {
      CwRecommendation *r = recommendations->pdata[i];

      if (r->position == number)
        return r->id;
    }
  if (recommendations != NULL)
    g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID,
                 _("The review has no recommendation %d"), number);
  return 0;
}

static gboolean
set_ref (CwStore         *store,
         gint64           action,
         const char      *field,
         gint64           id,
         GError         **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return id == 0 || cw_store_update (store, &cw_entity_action, action, field, text, error);
}

static gboolean
set_text (CwStore     *store,
          gint64       action,
          const char  *field,
          const char  *value,
          GError     **error)
{
  return value == NULL || cw_store_update (store, &cw_entity_action, action, field, value, error);
}

gboolean
cw_cli_action_add (CwCli               *cli,
                   const CwCliCommand  *command,
                   GStrv               *args,
                   GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *description = NULL, *due = NULL, *agency = NULL, *body = NULL;
  g_autofree char *person = NULL, *measure = NULL;
  int number = 0;
  gint64 recommendation, id, agency_id = 0, body_id = 0;
  const GOptionEntry entries[] = {
    { "recommendation", 0, 0, G_OPTION_ARG_INT, &number, N_("Its recommendation's number"),
      N_("N") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description,
      N_("How do you intend to make changes?"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When it is due"), N_("DATE") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("The agency doing it"), N_("NAME") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The body doing it"), N_("NAME") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person doing it, by role"),
      N_("ROLE") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure,
      N_("How will you know anything has changed?"), N_("TEXT") },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (number <= 0 || description == NULL)
    return cw_cli_usage_error (error, _("--recommendation and --description are needed"));
  if ((review = cw_cli_find_review (cli, TRUE, (*args)[1], error)) == NULL
      || (recommendation = find_recommendation (cli->store, cw_record_get_id (review), number,
                                                error)) == 0
      || (agency && (agency_id = cw_chronology_find_agency (cli->store, agency, error)) == 0)
      || (body && (body_id = cw_analysis_find_named (cli->store, &cw_entity_body, body,
                                                     error)) == 0)
      || (tx = cw_transaction_begin (cli->store, error)) == NULL
      || (id = cw_actions_add (cli->store, recommendation, description, error)) == 0
      || !set_text (cli->store, id, "due_on", due, error)
      || !set_ref (cli->store, id, "owner_agency", agency_id, error)
      || !set_ref (cli->store, id, "owner_body", body_id, error)
      || !set_text (cli->store, id, "owner_person", person, error)
      || !set_text (cli->store, id, "impact_measure", measure, error)
      || !cw_transaction_commit (tx, error))
    return FALSE;
  cw_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static gint64
parse_action_id (const char  *text,
                 GError     **error)
{
  gint64 id = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    cw_cli_value_error (error, _("An action is named by its id (as `action list` shows it), "
                                 "not “%s”"), text);
  return id;
}

gboolean
cw_cli_action_update (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *status = NULL, *narrative = NULL, *date = NULL, *due = NULL;
  g_autofree char *reporter = NULL, *evidence = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Its status now"), N_("STATUS") },
    { "narrative", 0, 0, G_OPTION_ARG_STRING, &narrative, N_("What has happened"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The update's date (default: today)"),
      N_("DATE") },
    { "reporter", 0, 0, G_OPTION_ARG_STRING, &reporter, N_("Who reports it"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("A new due date"), N_("DATE") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, N_("Evidence of impact"), N_("TEXT") },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (id = parse_action_id ((*args)[1], error)) == 0)
    return FALSE;
  if (status == NULL && narrative == NULL && due == NULL && evidence == NULL)
    return cw_cli_usage_error (error, _("nothing to update: give --status, --narrative, --due "
                                        "or --evidence"));
  if (cw_cli_open_store (cli, TRUE, error) == NULL
      || (tx = cw_transaction_begin (cli->store, error)) == NULL
      || !set_text (cli->store, id, "due_on", due, error)
      || !set_text (cli->store, id, "impact_evidence", evidence, error)
      || ((status != NULL || narrative != NULL)
          && cw_actions_add_update (cli->store, id, date, reporter, status, narrative,
                                    error) == 0)
      || !cw_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

gboolean
cw_cli_action_close (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  g_autofree char *body = NULL, *reason = NULL;
  gint64 id, body_id;
  const GOptionEntry entries[] = {
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The monitoring body that closes it"),
      N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is closed"), N_("TEXT") },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (id = parse_action_id ((*args)[1], error)) == 0)
    return FALSE;
  if (body == NULL || reason == NULL)
    return cw_cli_usage_error (error, _("--body and --reason are needed: an action is closed "
                                        "by the monitoring body, with the reason"));
  return cw_cli_open_store (cli, TRUE, error) != NULL
         && (body_id = cw_analysis_find_named (cli->store, &cw_entity_body, body, error)) != 0
         && cw_actions_close (cli->store, id, body_id, reason, error);
}

/* The tracker a subgroup circulates */

gboolean
cw_cli_action_export (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  g_autoptr (CwRecord) review = NULL;
  g_autofree char *format = NULL, *output = NULL, *agency = NULL;
  gboolean json = FALSE, all = FALSE;
  CwTrackerFormat tracker_format;
  guint n = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Only the agency's"), N_("NAME") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Embedded and closed ones too"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (format == NULL || output == NULL)
    return cw_cli_usage_error (error, _("--format and -o are needed"));
  if (g_ascii_strcasecmp (format, "csv") == 0)
    tracker_format = CW_TRACKER_CSV;
  else if (g_ascii_strcasecmp (format, "xlsx") == 0)
    tracker_format = CW_TRACKER_XLSX;
  else
    return cw_cli_usage_error (error, _("--format is csv or xlsx, not “%s”"), format);
  if ((*args)[1] != NULL)
    {
      if ((review = cw_cli_find_review (cli, FALSE, (*args)[1], error)) == NULL)
        return FALSE;
      filter.review_id = cw_record_get_id (review);
    }
  else if (cw_cli_open_store (cli, FALSE, error) == NULL)
    return FALSE;
  if (agency != NULL
      && (filter.agency_id = cw_chronology_find_agency (cli->store, agency, error)) == 0)
    return FALSE;
  filter.include_closed = all;
  if (!cw_actions_export_tracker (cli->store, &filter, tracker_format, output, &n, NULL, error))
    return FALSE;
  if (json)
    {
      g_autoptr (CwJson) out = cw_json_new ();
      g_autofree char *text = NULL;

      cw_json_begin_object (out);
      cw_json_member_string (out, "file", output);
      cw_json_member_string (out, "format", tracker_format == CW_TRACKER_XLSX ? "xlsx" : "csv");
      cw_json_member_int (out, "actions", n);
      cw_json_end_object (out);
      text = cw_json_free_to_string (g_steal_pointer (&out));
      cw_cli_print ("%s", text);
    }
  else
    cw_cli_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u action, real names redacted\n",
                               "%s: %u actions, real names redacted\n", n), output, n);
  return TRUE;
}

static void
import_json (CwTrackerImport *import)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_object (json);
  cw_json_member_string (json, "file", import->file_name);
  cw_json_key (json, "applied");
  cw_json_bool (json, import->applied);
  cw_json_member_int (json, "rows", import->n_rows);
  cw_json_member_int (json, "unchanged", import->n_unchanged);
  cw_json_key (json, "changes");
  cw_json_begin_array (json);
  for (guint i = 0; i < import->changes->len; i++)
    {
      CwTrackerChange *c = import->changes->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "row", c->row);
      cw_json_member_int (json, "action", c->action_id);
      cw_json_member_string (json, "review", c->reference);
      cw_json_member_string (json, "status_from", c->status_from);
      cw_json_member_string_or_null (json, "status_to", c->status_to);
      cw_json_member_string_or_null (json, "narrative", c->narrative);
      cw_json_member_string (json, "date", c->reported_on);
      cw_json_member_string_or_null (json, "reporter", c->reporter);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  cw_json_key (json, "problems");
  cw_json_begin_array (json);
  for (guint i = 0; i < import->problems->len; i++)
    {
      CwTrackerProblem *p = import->problems->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "row", p->row);
      cw_json_member_string_or_null (json, "column", p->column);
      cw_json_member_string (json, "heading", p->heading);
      cw_json_member_string (json, "message", p->message);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  cw_json_end_object (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static const char *
status_label (const char *status)
{
  return _(cw_choice_label (cw_action_statuses, status) ?: status);
}

static void
import_text (CwTrackerImport *import)
{
  for (guint i = 0; i < import->changes->len && import->problems->len == 0; i++)
    {
      CwTrackerChange *c = import->changes->pdata[i];
      g_autofree char *day = cw_date_iso_to_display (c->reported_on);
      g_autofree char *status = c->status_to && g_strcmp0 (c->status_to, c->status_from) != 0
        /* Translators: a status moving to another */
        ? g_strdup_printf (_("%s → %s"), status_label (c->status_from), status_label (c->status_to))
        : g_strdup (status_label (c->status_from));

      /* Translators: row, action id, review, status, date, then what happened */
      cw_cli_print (_("row %u: action %" G_GINT64_FORMAT " (%s): %s, %s%s%s\n"), c->row,
                    c->action_id, c->reference, status, day,
                    c->narrative ? ": " : "", c->narrative ? c->narrative : "");
    }
  if (import->problems->len > 0)
    return; /* said by the error */
  if (import->applied)
    cw_cli_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u action updated, %u unchanged\n",
                               "%s: %u actions updated, %u unchanged\n", import->changes->len),
                  import->file_name, import->changes->len, import->n_unchanged);
  else
    cw_cli_print (g_dngettext (GETTEXT_PACKAGE,
                               "%s (preview, nothing written): %u action would be updated, %u "
                               "unchanged; run again with --apply to apply it\n",
                               "%s (preview, nothing written): %u actions would be updated, %u "
                               "unchanged; run again with --apply to apply them\n",
                               import->changes->len),
                  import->file_name, import->changes->len, import->n_unchanged);
}

gboolean
cw_cli_action_import (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autoptr (CwTrackerImport) import = NULL;
  gboolean json = FALSE, apply = FALSE;
  const GOptionEntry entries[] = {
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, N_("Apply the changes (default: a preview)"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (cw_cli_open_store (cli, apply, error) == NULL
      || (import = cw_actions_import_tracker (cli->store, (*args)[1], apply, error)) == NULL)
    return FALSE;
  if (json)
    import_json (import);
  else
    import_text (import);
  if (import->problems->len > 0)
    {
      /* Each on its line, as errors are, then the count as the error. */
      for (guint i = 0; i < import->problems->len; i++)
        {
          g_autofree char *line = cw_tracker_problem_format (import->problems->pdata[i],
                                                              import->file_name);

          cw_cli_printerr ("casewise-cli: %s\n", line);
        }
      return cw_cli_value_error (error,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%s: %u problem; nothing was written",
                                              "%s: %u problems; nothing was written",
                                              import->problems->len),
                                 import->file_name, import->problems->len);
    }
  return TRUE;
}

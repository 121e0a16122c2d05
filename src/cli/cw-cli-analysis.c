/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-analysis.h"
#include "cw-chrono-date.h"
#include "cw-cli.h"
#include "cw-json.h"

/* episode, finding, recommendation and trace: the analysis of a review
 * from a terminal. Lists by number; the trace with its gaps flagged. */

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static char *
day_text (const char *iso)
{
  return cw_date_iso_to_display (iso) ?: g_strdup ("");
}

static char *
span_text (const char *first,
           const char *last)
{
  g_autofree char *a = day_text (first);
  g_autofree char *b = day_text (last);

  if (*a == '\0' && *b == '\0')
    return g_strdup (_("no entries yet"));
  return g_strcmp0 (first, last) == 0 ? g_strdup (a) : g_strdup_printf ("%s – %s", a, b);
}

static const char *
choice (const CwChoice *choices,
        const char     *id)
{
  const char *label = cw_choice_label (choices, id);

  return label ? _(label) : (id ? id : "");
}

static CwRecord *
find_review_of (CwCli        *cli,
                GStrv        *args,
                gboolean      for_change,
                GError      **error)
{
  return cw_cli_find_review (cli, for_change, (*args)[1], error);
}

/* The list commands: REF, --json, a list read from the core, printed as
 * JSON or as a table. */
typedef GPtrArray *(*ListFunc)  (CwStore *store, gint64 review_id, GError **error);
typedef void       (*PrintFunc) (GPtrArray *rows);

static gboolean
list_command (CwCli               *cli,
              const CwCliCommand  *command,
              GStrv               *args,
              ListFunc             list,
              PrintFunc            print_json,
              PrintFunc            print_table,
              GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (review = find_review_of (cli, args, FALSE, error)) == NULL
      || (rows = list (cli->store, cw_record_get_id (review), error)) == NULL)
    return FALSE;
  (json ? print_json : print_table) (rows);
  return TRUE;
}

/* episode list */

static void
episodes_json (GPtrArray *episodes)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *e = episodes->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "id", e->id);
      cw_json_member_int (json, "number", e->number);
      cw_json_member_string (json, "title", e->title);
      cw_json_member_string_or_null (json, "start_date", e->start_date);
      cw_json_member_string_or_null (json, "end_date", e->end_date);
      cw_json_member_string_or_null (json, "first_day", e->first_day);
      cw_json_member_string_or_null (json, "last_day", e->last_day);
      cw_json_member_int (json, "entries", e->n_entries);
      cw_json_member_string_or_null (json, "agencies", e->agencies);
      cw_json_key (json, "missed_opportunity");
      cw_json_bool (json, e->missed_opportunity);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static void
episodes_table (GPtrArray *episodes)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (episodes->len == 0)
    {
      cw_cli_print ("%s\n", _("No key practice episodes yet."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("NO.|EPISODE|WHEN|ENTRIES|AGENCIES"), "|", 5));
  for (guint i = 0; i < episodes->len; i++)
    {
      CwEpisode *e = episodes->pdata[i];
      char **row = g_new0 (char *, 6);

      row[0] = number_text (e->number);
      row[1] = g_strdup_printf ("%s%s", e->title, e->missed_opportunity ? _(" (missed opportunity)")
                                                                         : "");
      row[2] = span_text (e->first_day, e->last_day);
      row[3] = number_text (e->n_entries);
      row[4] = g_strdup (e->agencies ? e->agencies : "");
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 5);
}

gboolean
cw_cli_episode_list (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  return list_command (cli, command, args, cw_analysis_list_episodes, episodes_json, episodes_table, error);
}

/* By its number, as lists show it. */
static gpointer
find_numbered (GPtrArray   *rows,
               const char  *what,
               const char  *text,
               GError     **error)
{
  int number = 0;

  if (!cw_cli_parse_int (what, text, 1, G_MAXINT, &number, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      /* Each of the row types starts with its id, then its number. */
      struct { gint64 id; int number; } *row = rows->pdata[i];

      if (row->number == number)
        return row;
    }
  g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID, _("There is no %s %d"), what, number);
  return NULL;
}

static char *
trace_line (CwTraceNode *node)
{
  g_autoptr (GString) line = g_string_new (node->label);

  if (node->evidence != NULL)
    g_string_append_printf (line, " (%s)", node->evidence);
  if (node->text != NULL && *node->text != '\0')
    g_string_append_printf (line, ": %s", node->text);
  if (node->flag != NULL)
    g_string_append_printf (line, "  ⚠ %s", node->flag);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
print_trace (GPtrArray *nodes,
             guint      depth)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      CwTraceNode *node = nodes->pdata[i];
      g_autofree char *margin = g_strnfill (depth * 2, ' ');
      g_autofree char *line = trace_line (node);

      cw_cli_print ("%s%s\n", margin, line);
      print_trace (node->children, depth + 1);
    }
}

static void
trace_json (CwJson    *json,
            GPtrArray *nodes)
{
  cw_json_begin_array (json);
  for (guint i = 0; i < nodes->len; i++)
    {
      CwTraceNode *node = nodes->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_string (json, "kind", cw_trace_kind_name (node->kind));
      cw_json_member_int (json, "id", node->id);
      cw_json_member_string (json, "label", node->label);
      cw_json_member_string (json, "text", node->text);
      cw_json_member_string_or_null (json, "evidence", node->evidence);
      cw_json_member_string_or_null (json, "flag", node->flag);
      cw_json_key (json, "supported_by");
      trace_json (json, node->children);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

gboolean
cw_cli_episode_show (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (CwRecord) row = NULL;
  g_autoptr (GArray) ids = NULL;
  CwEpisode *episode;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (review = find_review_of (cli, args, FALSE, error)) == NULL
      || (episodes = cw_analysis_list_episodes (cli->store, cw_record_get_id (review),
                                                error)) == NULL
      || (episode = find_numbered (episodes, _("episode"), (*args)[2], error)) == NULL
      || (row = cw_store_get (cli->store, &cw_entity_episode, episode->id, error)) == NULL
      || (ids = cw_analysis_get_episode_entries (cli->store, episode->id, error)) == NULL)
    return FALSE;
  if (json)
    {
      g_autoptr (CwJson) out = cw_json_new ();
      g_autofree char *text = NULL;

      cw_json_begin_object (out);
      cw_json_member_int (out, "number", episode->number);
      for (guint i = 0; i < cw_entity_episode.n_fields; i++)
        {
          const CwField *field = &cw_entity_episode.fields[i];

          if (!g_str_equal (field->name, "number"))
            cw_json_member_string_or_null (out, field->name, cw_record_get (row, field->name));
        }
      cw_json_key (out, "entry_ids");
      cw_json_begin_array (out);
      for (guint i = 0; i < ids->len; i++)
        cw_json_int (out, g_array_index (ids, gint64, i));
      cw_json_end_array (out);
      cw_json_end_object (out);
      text = cw_json_free_to_string (g_steal_pointer (&out));
      cw_cli_print ("%s", text);
      return TRUE;
    }
  cw_cli_print (_("Episode %d: %s\n"), episode->number, episode->title);
  {
    g_autofree char *span = span_text (episode->first_day, episode->last_day);

    cw_cli_print_field (2, _("When"), span);
  }
  cw_cli_print_field (2, _("Agencies"), episode->agencies);
  for (guint i = 0; i < cw_entity_episode.n_fields; i++)
    {
      const CwField *field = &cw_entity_episode.fields[i];
      g_autofree char *value = NULL;

      if (field->flags & CW_FIELD_HIDDEN || g_str_equal (field->name, "title")
          || field->type == CW_FIELD_CHRONO_DATE)
        continue;
      value = cw_record_dup_display (row, field->name);
      cw_cli_print_field (2, _(field->label), value);
    }
  cw_cli_print (g_dngettext (GETTEXT_PACKAGE, "  %u chronology entry (ids:", 
                             "  %u chronology entries (ids:", ids->len), ids->len);
  for (guint i = 0; i < ids->len; i++)
    cw_cli_print (" %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
  cw_cli_print (")\n");
  return TRUE;
}

static gboolean
parse_ids (const char  *text,
           GArray      *ids,
           GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      gint64 id;

      if (!g_ascii_string_to_signed (part, 10, 1, G_MAXINT64, &id, NULL))
        return cw_cli_value_error (error, _("--entries takes chronology entry ids separated by "
                                            "commas (as `chronology list --json` gives them), "
                                            "not “%s”"), part);
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
set_if_given (CwStore     *store,
              gint64       id,
              const char  *field,
              const char  *value,
              GError     **error)
{
  return value == NULL || cw_store_update (store, &cw_entity_episode, id, field, value, error);
}

gboolean
cw_cli_episode_add (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *entry_list = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the episode is called"), N_("TITLE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("When it starts (else its first entry)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("When it ends (else its last entry)"),
      N_("DATE") },
    { "entries", 0, 0, G_OPTION_ARG_STRING, &entry_list, N_("The chronology entries it covers"),
      N_("ID,ID,...") },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (title == NULL)
    return cw_cli_usage_error (error, _("--title is missing"));
  if (entry_list != NULL && !parse_ids (entry_list, ids, error))
    return FALSE;
  if ((review = find_review_of (cli, args, TRUE, error)) == NULL
      || (tx = cw_transaction_begin (cli->store, error)) == NULL)
    return FALSE;
  id = cw_analysis_add_episode (cli->store, cw_record_get_id (review), title,
                                (gint64 *) (gpointer) ids->data, ids->len, error);
  if (id == 0 || !set_if_given (cli->store, id, "start_date", from, error)
      || !set_if_given (cli->store, id, "end_date", to, error)
      || !cw_transaction_commit (tx, error))
    return FALSE;
  {
    g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (cli->store,
                                                                cw_record_get_id (review), error);

    for (guint i = 0; episodes != NULL && i < episodes->len; i++)
      if (((CwEpisode *) episodes->pdata[i])->id == id)
        cw_cli_print ("%d\n", ((CwEpisode *) episodes->pdata[i])->number);
    return episodes != NULL;
  }
}

/* finding list / show */

static void
findings_json (CwJson    *json,
               GPtrArray *findings)
{
  cw_json_begin_array (json);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *f = findings->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "id", f->id);
      cw_json_member_int (json, "number", f->position);
      cw_json_member_string (json, "statement", f->statement);
      cw_json_member_string (json, "kind", f->kind);
      cw_json_member_string (json, "scope", f->scope);
      cw_json_member_string (json, "status", f->status);
      cw_json_key (json, "transferable");
      cw_json_bool (json, f->transferable);
      cw_json_member_int (json, "evidence", f->n_evidence);
      cw_json_member_string_or_null (json, "without_evidence", f->without_evidence);
      cw_json_member_string_or_null (json, "themes", f->themes);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

static void
findings_print_json (GPtrArray *findings)
{
  g_autoptr (CwJson) out = cw_json_new ();
  g_autofree char *text = NULL;

  findings_json (out, findings);
  text = cw_json_free_to_string (g_steal_pointer (&out));
  cw_cli_print ("%s", text);
}

static void
findings_table (GPtrArray *findings)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (findings->len == 0)
    {
      cw_cli_print ("%s\n", _("No findings yet."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("NO.|KIND|STATUS|EVIDENCE|FINDING"), "|", 5));
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *f = findings->pdata[i];
      char **row = g_new0 (char *, 6);

      row[0] = number_text (f->position);
      row[1] = g_strdup (choice (cw_finding_kinds, f->kind));
      row[2] = g_strdup (choice (cw_finding_statuses, f->status));
      row[3] = f->n_evidence > 0 ? number_text (f->n_evidence) : g_strdup (_("⚠ none"));
      row[4] = g_strdup (f->statement);
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 5);
}

gboolean
cw_cli_finding_list (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  return list_command (cli, command, args, cw_analysis_list_findings, findings_print_json, findings_table, error);
}

/* The finding's node of the review's trace, wherever it stands. */
static CwTraceNode *
find_in_trace (GPtrArray   *nodes,
               CwTraceKind  kind,
               gint64       id)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      CwTraceNode *node = nodes->pdata[i];
      CwTraceNode *found;

      if (node->kind == kind && node->id == id)
        return node;
      if ((found = find_in_trace (node->children, kind, id)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
cw_cli_finding_show (CwCli               *cli,
                     const CwCliCommand  *command,
                     GStrv               *args,
                     GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) trace = NULL;
  g_autoptr (CwRecord) row = NULL;
  CwFinding *finding;
  CwTraceNode *node;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (review = find_review_of (cli, args, FALSE, error)) == NULL
      || (findings = cw_analysis_list_findings (cli->store, cw_record_get_id (review),
                                                error)) == NULL
      || (finding = find_numbered (findings, _("finding"), (*args)[2], error)) == NULL
      || (row = cw_store_get (cli->store, &cw_entity_finding, finding->id, error)) == NULL
      || (trace = cw_trace_review (cli->store, cw_record_get_id (review), error)) == NULL)
    return FALSE;
  node = find_in_trace (trace, CW_TRACE_FINDING, finding->id);
  if (json)
    {
      g_autoptr (CwJson) out = cw_json_new ();
      g_autoptr (GPtrArray) one = g_ptr_array_new ();
      g_autofree char *text = NULL;

      g_ptr_array_add (one, node);
      trace_json (out, one);
      text = cw_json_free_to_string (g_steal_pointer (&out));
      cw_cli_print ("%s", text);
      return TRUE;
    }
  cw_cli_print (_("Finding %d: %s\n"), finding->position, finding->statement);
  for (guint i = 0; i < cw_entity_finding.n_fields; i++)
    {
      const CwField *field = &cw_entity_finding.fields[i];
      g_autofree char *value = NULL;

      if (field->flags & CW_FIELD_HIDDEN || g_str_equal (field->name, "statement"))
        continue;
      value = cw_record_dup_display (row, field->name);
      cw_cli_print_field (2, _(field->label), value);
    }
  cw_cli_print_field (2, _("Themes"), finding->themes);
  if (node->flag != NULL)
    cw_cli_print ("  ⚠ %s\n", node->flag);
  if (node->children->len > 0)
    {
      cw_cli_print ("  %s\n", _("Evidence:"));
      print_trace (node->children, 2);
    }
  return TRUE;
}

/* recommendation list */

static void
recommendations_json (GPtrArray *recommendations)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < recommendations->len; i++)
    {
      CwRecommendation *r = recommendations->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_int (json, "id", r->id);
      cw_json_member_int (json, "number", r->position);
      cw_json_member_string (json, "text", r->text);
      cw_json_member_string (json, "scope", r->scope);
      cw_json_member_string_or_null (json, "agency", r->agency);
      cw_json_member_string_or_null (json, "addressed_to", r->addressed_to);
      cw_json_member_string (json, "status", r->status);
      cw_json_key (json, "transferable");
      cw_json_bool (json, r->transferable);
      cw_json_member_int (json, "findings", r->n_findings);
      cw_json_member_string_or_null (json, "response", r->response);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

static void
recommendations_table (GPtrArray *recommendations)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (recommendations->len == 0)
    {
      cw_cli_print ("%s\n", _("No recommendations yet."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("NO.|FOR|TO|STATUS|FINDINGS|RECOMMENDATION"), "|", 6));
  for (guint i = 0; i < recommendations->len; i++)
    {
      CwRecommendation *r = recommendations->pdata[i];
      char **row = g_new0 (char *, 7);

      row[0] = number_text (r->position);
      row[1] = g_strdup (r->agency ? r->agency : choice (cw_recommendation_scopes, r->scope));
      row[2] = g_strdup (r->addressed_to ? r->addressed_to : "");
      row[3] = g_strdup (choice (cw_recommendation_statuses, r->status));
      row[4] = r->n_findings > 0 ? number_text (r->n_findings) : g_strdup (_("⚠ none"));
      row[5] = g_strdup (r->text);
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 6);
}

gboolean
cw_cli_recommendation_list (CwCli               *cli,
                            const CwCliCommand  *command,
                            GStrv               *args,
                            GError             **error)
{
  return list_command (cli, command, args, cw_analysis_list_recommendations, recommendations_json, recommendations_table, error);
}

/* trace */

gboolean
cw_cli_trace (CwCli               *cli,
              const CwCliCommand  *command,
              GStrv               *args,
              GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GPtrArray) trace = NULL;
  gboolean json = FALSE;
  g_autofree char *entry_text = NULL;
  gint64 entry = 0;
  const GOptionEntry entries[] = {
    { "entry", 0, 0, G_OPTION_ARG_STRING, &entry_text,
      N_("What one chronology entry supports, instead of the whole review"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || !cw_cli_parse_id ("--entry", entry_text, &entry, error)
      || (review = find_review_of (cli, args, FALSE, error)) == NULL)
    return FALSE;
  trace = entry > 0 ? cw_trace_entry (cli->store, cw_record_get_id (review), entry, error)
                    : cw_trace_review (cli->store, cw_record_get_id (review), error);
  if (trace == NULL)
    return FALSE;
  if (json)
    {
      g_autoptr (CwJson) out = cw_json_new ();
      g_autofree char *text = NULL;

      cw_json_begin_object (out);
      cw_json_member_int (out, "gaps", cw_trace_count_flags (trace));
      cw_json_key (out, "trace");
      trace_json (out, trace);
      cw_json_end_object (out);
      text = cw_json_free_to_string (g_steal_pointer (&out));
      cw_cli_print ("%s", text);
      return TRUE;
    }
  if (trace->len == 0)
    cw_cli_print ("%s\n", entry > 0 ? _("The entry supports no episode or finding yet.")
                                    : _("No findings or recommendations yet."));
  print_trace (trace, 0);
  if (cw_trace_count_flags (trace) > 0)
    cw_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u gap to look at (⚠)\n",
                               "%u gaps to look at (⚠)\n", cw_trace_count_flags (trace)),
                  cw_trace_count_flags (trace));
  return TRUE;
}

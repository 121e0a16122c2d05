/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-demo.h"
#include "cw-privacy.h"

/* The commands that change a review: create, set, decide, delete, and the
 * sample review. Each change is one transaction. */

static gboolean
check_kind (CwStore     *store,
            const char  *kind,
            GError     **error)
{
  g_autoptr (GListModel) kinds = cw_store_list (store, &cw_entity_review_kind, 0, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) slugs = NULL;
  g_autofree char *known = NULL;

  if (kinds == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (kinds, i);
      if (g_str_equal (cw_record_get (record, "slug"), kind))
        return TRUE;
      g_strv_builder_add (builder, cw_record_get (record, "slug"));
    }
  slugs = g_strv_builder_end (builder);
  known = g_strjoinv (", ", slugs);
  g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID,
               _("There is no kind of review “%s”; the kinds are %s"), kind, known);
  return FALSE;
}

gboolean
cw_cli_review_create (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autofree char *kind = NULL, *title = NULL, *subject = NULL, *reference = NULL;
  CwStore *store;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("The kind of review, e.g. cspr or rapid"),
      N_("KIND") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the review is called"), N_("TITLE") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject,
      N_("The child’s pseudonym, e.g. Child A; never the real name"), N_("PSEUDONYM") },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (kind == NULL)
    return cw_cli_usage_error (error, _("--kind is missing"));
  if (title == NULL)
    return cw_cli_usage_error (error, _("--title is missing"));
  if ((store = cw_cli_open_store (cli, TRUE, error)) == NULL || !check_kind (store, kind, error)
      || (reference = cw_store_create_review (store, kind, title, subject, NULL, NULL,
                                              error)) == NULL)
    return FALSE;
  cw_cli_print ("%s\n", reference);
  return TRUE;
}

/* What `review set` was asked to change. */
typedef struct
{
  char  *phase;
  char  *profile;
  char  *title;
  char  *subject;
  char  *methodology;
  char **dates; /* NAME=DATE */
  gboolean allow_names;
} Changes;

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->phase, g_free);
  g_clear_pointer (&changes->profile, g_free);
  g_clear_pointer (&changes->title, g_free);
  g_clear_pointer (&changes->subject, g_free);
  g_clear_pointer (&changes->methodology, g_free);
  g_clear_pointer (&changes->dates, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Changes, changes_clear)

static gboolean
check_changes (const Changes  *changes,
               GError        **error)
{
  if (changes->phase == NULL && changes->profile == NULL && changes->title == NULL
      && changes->subject == NULL && changes->methodology == NULL && changes->dates == NULL)
    return cw_cli_usage_error (error, _("nothing to change: give --phase, --profile, --date, "
                                        "--title, --subject or --methodology"));
  for (guint i = 0; changes->dates != NULL && changes->dates[i] != NULL; i++)
    if (strchr (changes->dates[i], '=') == NULL)
      return cw_cli_value_error (error, _("--date takes NAME=DATE, e.g. notification=2/3/2026, "
                                          "not “%s”"), changes->dates[i]);
  return TRUE;
}

/* A field meant for pseudonyms that holds a real name of the review's
 * register is refused, naming the option and whose name it is by
 * pseudonym: the name itself is never printed. */
static gboolean
check_name_free (CwStore         *store,
                 gint64           review_id,
                 const CwEntity  *entity,
                 const char      *field,
                 const char      *option,
                 const char      *value,
                 gboolean         allowed,
                 GError         **error)
{
  g_autoptr (GError) refused = NULL;

  if (allowed || cw_privacy_check_name_free (store, review_id, entity, field, option, value,
                                              &refused))
    return TRUE;
  if (!g_error_matches (refused, CW_PRIVACY_ERROR, CW_PRIVACY_ERROR_REAL_NAME))
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return FALSE;
    }
  /* Translators: why a value was refused; the option given to keep it */
  g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID,
               _("%s, or give --allow-names to keep it"), refused->message);
  return FALSE;
}

static gboolean
update_field (CwStore     *store,
              gint64       id,
              const char  *field,
              const char  *value,
              GError     **error)
{
  return value == NULL || cw_store_update (store, &cw_entity_review, id, field, value, error);
}

static gboolean
set_dates (CwStore     *store,
           gint64       id,
           char       **dates,
           GError     **error)
{
  for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (dates[i], "=", 2);
      const char *value = *pair[1] != '\0' ? pair[1] : NULL;

      if (!cw_store_set_key_date (store, id, g_strstrip (pair[0]), value, error))
        return FALSE;
    }
  return TRUE;
}

/* Dates and profile first: a phase move may depend on them. */
static gboolean
apply_changes (CwStore        *store,
               CwRecord       *review,
               const Changes  *changes,
               GError        **error)
{
  gint64 id = cw_record_get_id (review);

  return update_field (store, id, "title", changes->title, error)
         && update_field (store, id, "subject_pseudonym", changes->subject, error)
         && update_field (store, id, "methodology", changes->methodology, error)
         && update_field (store, id, "profile", changes->profile, error)
         && set_dates (store, id, changes->dates, error)
         && (changes->phase == NULL
             || g_strcmp0 (changes->phase, cw_record_get (review, "phase")) == 0
             || cw_store_move_phase (store, id, changes->phase, error));
}

gboolean
cw_cli_review_set (CwCli               *cli,
                   const CwCliCommand  *command,
                   GStrv               *args,
                   GError             **error)
{
  g_auto (Changes) changes = { NULL };
  g_autoptr (CwRecord) review = NULL;
  const GOptionEntry entries[] = {
    { "phase", 0, 0, G_OPTION_ARG_STRING, &changes.phase,
      N_("Move to a phase, e.g. decision or preparation"), N_("PHASE") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &changes.profile,
      N_("The deadline rules: england-2013, england-current, wales or scotland"), N_("PROFILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING_ARRAY, &changes.dates,
      N_("Set a key date, day first (notification=2/3/2026); NAME= clears it; repeatable"),
      N_("NAME=DATE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &changes.title, N_("Rename the review"), N_("TITLE") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &changes.subject,
      N_("The child’s pseudonym; never the real name"), N_("PSEUDONYM") },
    { "methodology", 0, 0, G_OPTION_ARG_STRING, &changes.methodology,
      N_("e.g. learning-together, silp, salford"), N_("METHODOLOGY") },
    { "allow-names", 0, 0, G_OPTION_ARG_NONE, &changes.allow_names,
      N_("Keep a title or subject that holds a real name of the people register"), NULL },
    { NULL },
  };
  g_autoptr (CwTransaction) tx = NULL;
  CwStore *store;

  if (!cw_cli_parse (cli, command, entries, args, error) || !check_changes (&changes, error)
      || (review = cw_cli_find_review (cli, TRUE, (*args)[1], error)) == NULL)
    return FALSE;
  store = cli->store;
  if (!check_name_free (store, cw_record_get_id (review), &cw_entity_review, "title", "--title",
                        changes.title, changes.allow_names, error)
      || !check_name_free (store, cw_record_get_id (review), &cw_entity_review,
                           "subject_pseudonym", "--subject", changes.subject,
                           changes.allow_names, error))
    return FALSE;
  if ((tx = cw_transaction_begin (store, error)) == NULL
      || !apply_changes (store, review, &changes, error) || !cw_transaction_commit (tx, error))
    return FALSE;
  cw_cli_print (_("Updated %s\n"), cw_record_get (review, "reference"));
  return TRUE;
}

static gboolean
parse_decision_date (const char  *text,
                     GDate       *date,
                     GError     **error)
{
  g_autofree char *why = NULL;

  if (text == NULL)
    {
      cw_clock_today (date);
      return TRUE;
    }
  if (cw_date_parse (text, date))
    return TRUE;
  why = cw_date_explain_invalid (text);
  g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID, _("Decision date: %s"), why);
  return FALSE;
}

gboolean
cw_cli_review_decide (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autofree char *rationale = NULL, *date_text = NULL, *shown = NULL;
  g_autoptr (CwRecord) review = NULL;
  gboolean proceed = FALSE, not_proceed = FALSE, allow_names = FALSE;
  const char *decision;
  GDate date;
  const GOptionEntry entries[] = {
    { "proceed", 0, 0, G_OPTION_ARG_NONE, &proceed, N_("The review goes ahead"), NULL },
    { "not-proceed", 0, 0, G_OPTION_ARG_NONE, &not_proceed,
      N_("The review does not go ahead; needs --rationale"), NULL },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When it was decided (default: today)"),
      N_("DATE") },
    { "allow-names", 0, 0, G_OPTION_ARG_NONE, &allow_names,
      N_("Keep a rationale that holds a real name of the people register"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error))
    return FALSE;
  if (proceed == not_proceed)
    return cw_cli_usage_error (error, _("give either --proceed or --not-proceed"));
  decision = proceed ? "proceed" : "not-proceed";
  if (!parse_decision_date (date_text, &date, error)
      || (review = cw_cli_find_review (cli, TRUE, (*args)[1], error)) == NULL
      || !check_name_free (cli->store, cw_record_get_id (review), &cw_entity_referral,
                           "rationale", "--rationale", rationale, allow_names, error)
      || !cw_store_record_decision (cli->store, cw_record_get_id (review), decision, rationale,
                                    &date, error))
    return FALSE;
  shown = cw_date_format_display (&date);
  /* Translators: a reference, a decision such as "Do not proceed", and a date */
  cw_cli_print (_("%s: %s, decided on %s\n"), cw_record_get (review, "reference"),
                cw_choice_label (cw_decisions, decision), shown);
  return TRUE;
}

static guint
count_rows (CwStore        *store,
            const CwEntity *entity,
            gint64          review_id)
{
  g_autoptr (GListModel) rows = cw_store_list (store, entity, review_id, NULL);

  return rows != NULL ? g_list_model_get_n_items (rows) : 0;
}

static char *
describe_contents (CwStore *store,
                   gint64   id)
{
  guint people = count_rows (store, &cw_entity_person, id);
  guint agencies = count_rows (store, &cw_entity_review_agency, id);
  guint members = count_rows (store, &cw_entity_member, id);
  guint terms = count_rows (store, &cw_entity_tor_item, id);
  g_autofree char *p = g_strdup_printf (ngettext ("%u person", "%u people", people), people);
  g_autofree char *a = g_strdup_printf (ngettext ("%u agency involved", "%u agencies involved",
                                                  agencies), agencies);
  g_autofree char *m = g_strdup_printf (ngettext ("%u group member", "%u group members",
                                                  members), members);
  g_autofree char *t = g_strdup_printf (ngettext ("%u term of reference or line of enquiry",
                                                  "%u terms of reference and lines of enquiry",
                                                  terms), terms);

  return g_strdup_printf ("%s, %s, %s, %s", p, a, m, t);
}

gboolean
cw_cli_review_delete (CwCli               *cli,
                      const CwCliCommand  *command,
                      GStrv               *args,
                      GError             **error)
{
  g_autoptr (CwRecord) review = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  CwStore *store;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || (review = cw_cli_find_review (cli, TRUE, (*args)[1], error)) == NULL)
    return FALSE;
  store = cli->store;
  contents = describe_contents (store, cw_record_get_id (review));
  /* Purged at once: the command line has no undo. */
  if ((tx = cw_transaction_begin (store, error)) == NULL
      || !cw_store_delete (store, &cw_entity_review, cw_record_get_id (review), error)
      || !cw_store_purge_deleted (store, error) || !cw_transaction_commit (tx, error))
    return FALSE;
  /* Translators: a reference, a title, then e.g. "3 people, 2 agencies involved, ..." */
  cw_cli_print (_("Deleted %s “%s” with its %s\n"), cw_record_get (review, "reference"),
                cw_record_get (review, "title"), contents);
  return TRUE;
}

gboolean
cw_cli_demo (CwCli               *cli,
             const CwCliCommand  *command,
             GStrv               *args,
             GError             **error)
{
  g_autofree char *reference = NULL;
  CwStore *store;

  if (!cw_cli_parse (cli, command, NULL, args, error)
      || (store = cw_cli_open_store (cli, TRUE, error)) == NULL
      || (reference = cw_store_add_demo (store, NULL, error)) == NULL)
    return FALSE;
  cw_cli_print ("%s\n", reference);
  return TRUE;
}

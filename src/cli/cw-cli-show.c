/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli-show.h"

/* `review show`: everything about one review. The text is for people and
 * names people by pseudonym only, unless --show-private asks for more. */

void
cw_cli_show_clear (CwCliShow *show)
{
  g_clear_object (&show->review);
  g_clear_object (&show->referral);
  g_clear_pointer (&show->deadlines, g_ptr_array_unref);
  g_clear_object (&show->people);
  g_clear_object (&show->agencies);
  g_clear_object (&show->members);
  g_clear_object (&show->tor_items);
}

static gboolean
load (CwCli       *cli,
      const char  *reference,
      CwCliShow   *show,
      GError     **error)
{
  CwStore *store;
  gint64 id;

  if ((show->review = cw_cli_find_review (cli, FALSE, reference, error)) == NULL)
    return FALSE;
  store = cli->store;
  id = cw_record_get_id (show->review);
  /* Reviews made before the referral form existed have none. */
  show->referral = cw_store_get_referral (store, id, NULL);
  return (show->deadlines = cw_store_list_deadlines (store, id, NULL, error)) != NULL
         && (show->people = cw_store_list (store, &cw_entity_person, id, error)) != NULL
         && (show->agencies = cw_store_list (store, &cw_entity_review_agency, id, error)) != NULL
         && (show->members = cw_store_list (store, &cw_entity_member, id, error)) != NULL
         && (show->tor_items = cw_store_list (store, &cw_entity_tor_item, id, error)) != NULL;
}

static void
print_record_field (CwRecord   *record,
                    guint       indent,
                    const char *name)
{
  const CwField *field = cw_entity_find_field (cw_record_get_entity (record), name);
  g_autofree char *value = cw_record_dup_display (record, name);

  cw_cli_print_field (indent, _(field->label), value);
}

static void
print_heading (const char *heading)
{
  cw_cli_print ("\n%s\n", heading);
}

static void
print_review (CwRecord *review)
{
  static const char *const fields[] = {
    "kind", "methodology", "profile", "phase", "subject_pseudonym", "summary",
  };

  cw_cli_print ("%s  %s\n", cw_record_get (review, "reference"), cw_record_get (review, "title"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    print_record_field (review, 2, fields[i]);
}

static void
print_key_dates (CwRecord *review)
{
  gboolean any = FALSE;

  print_heading (_("Key dates"));
  for (guint i = 0; cw_key_dates[i].id != NULL; i++)
    {
      g_autofree char *column = cw_key_date_column (cw_key_dates[i].id);
      g_autofree char *shown = cw_date_iso_to_display (cw_record_get (review, column));

      cw_cli_print_field (2, _(cw_key_dates[i].label), shown);
      any |= shown != NULL;
    }
  if (!any)
    cw_cli_print ("  %s\n", _("none set"));
}

static void
print_deadlines (GPtrArray *deadlines)
{
  print_heading (_("Deadlines"));
  for (guint i = 0; i < deadlines->len; i++)
    {
      const CwDeadlineInfo *info = deadlines->pdata[i];
      g_autofree char *due = cw_date_iso_to_display (info->due);

      /* Translators: a deadline's name, its due date, and e.g. "12 days left" */
      cw_cli_print (_("  %s: due %s, %s\n"), info->name, due, info->text);
    }
  if (deadlines->len == 0)
    cw_cli_print ("  %s\n", _("none yet: deadlines follow from the key dates"));
}

static void
print_referral (CwRecord *referral,
                gboolean  show_private)
{
  print_heading (_("Referral and decision"));
  if (referral == NULL)
    return;
  for (guint i = 0; i < cw_entity_referral.n_fields; i++)
    {
      const CwField *field = &cw_entity_referral.fields[i];

      if (!(field->flags & CW_FIELD_PRIVATE) || show_private)
        print_record_field (referral, 2, field->name);
    }
}

static void
print_person (CwRecord *person,
              gboolean  show_private)
{
  const char *role = cw_record_get (person, "role");

  cw_cli_print ("  %s%s%s\n", cw_record_get (person, "pseudonym"), role ? ": " : "",
                role ? role : "");
  if (show_private)
    {
      print_record_field (person, 4, "real_name");
      print_record_field (person, 4, "date_of_birth");
    }
  print_record_field (person, 4, "notes");
}

static void
print_people (GListModel *people,
              gboolean    show_private)
{
  print_heading (_("People"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (CwRecord) person = g_list_model_get_item (people, i);
      print_person (person, show_private);
    }
}

static void
print_agencies (GListModel *agencies)
{
  print_heading (_("Agencies involved"));
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) agency = g_list_model_get_item (agencies, i);
      const char *involvement = cw_record_get (agency, "involvement");

      cw_cli_print ("  %s%s%s\n", cw_record_get_ref_label (agency, "agency_id"),
                    involvement ? ": " : "", involvement ? involvement : "");
    }
}

static void
print_member (CwRecord *member)
{
  g_autoptr (GString) line = g_string_new (cw_record_get (member, "name"));
  const char *role = cw_record_get (member, "role");
  const char *agency = cw_record_get_ref_label (member, "agency_id");
  const char *involvement = cw_record_get (member, "involvement");

  if (role != NULL)
    g_string_append_printf (line, ", %s", role);
  if (agency != NULL)
    g_string_append_printf (line, ", %s", agency);
  if (involvement != NULL)
    g_string_append_printf (line, ": %s", involvement);
  cw_cli_print ("  %s\n", line->str);
}

static void
print_members (GListModel *members,
               const char *group)
{
  print_heading (cw_choice_label (cw_member_groups, group));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr (CwRecord) member = g_list_model_get_item (members, i);
      if (g_strcmp0 (cw_record_get (member, "group_kind"), group) == 0)
        print_member (member);
    }
}

static void
print_tor (GListModel *items,
           const char *heading,
           const char *kind)
{
  print_heading (heading);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (CwRecord) item = g_list_model_get_item (items, i);
      if (g_strcmp0 (cw_record_get (item, "kind"), kind) == 0)
        cw_cli_print ("  - %s\n", cw_record_get (item, "text"));
    }
}

static void
print_text (CwCliShow *show)
{
  print_review (show->review);
  print_key_dates (show->review);
  print_deadlines (show->deadlines);
  print_referral (show->referral, show->show_private);
  print_people (show->people, show->show_private);
  print_agencies (show->agencies);
  print_members (show->members, "review");
  print_members (show->members, "case");
  print_tor (show->tor_items, _("Terms of reference"), "term");
  print_tor (show->tor_items, _("Key lines of enquiry"), "kloe");
}

gboolean
cw_cli_review_show (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_auto (CwCliShow) show = { NULL };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON; it includes people’s real names and dates of birth"), NULL },
    { "show-private", 0, 0, G_OPTION_ARG_NONE, &show.show_private,
      N_("Also print real names, dates of birth and the referral’s private details"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error) || !load (cli, (*args)[1], &show, error))
    return FALSE;
  if (json)
    cw_cli_show_print_json (&show);
  else
    print_text (&show);
  return TRUE;
}

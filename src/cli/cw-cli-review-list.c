/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-json.h"

/* `review list`: the register of reviews, the next deadline first. */

static char *
next_deadline_text (CwRecord *review)
{
  g_autofree char *due = NULL;
  CwReviewNext next;

  if (!cw_review_get_next_deadline (review, &next))
    return g_strdup ("-");
  due = cw_date_iso_to_display (next.due);
  /* Translators: a deadline, its due date and e.g. "12 days left" */
  return g_strdup_printf (_("%s, due %s (%s)"), next.name, due ? due : "?", next.text);
}

static void
print_table (GListModel *reviews)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (reviews);

  if (n == 0)
    {
      cw_cli_print ("%s\n", _("No reviews yet; `casewise-cli review create` adds one."));
      return;
    }
  g_ptr_array_add (rows, g_strsplit (_("REFERENCE|KIND|PHASE|SUBJECT|NEXT DEADLINE"), "|", 5));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (reviews, i);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (cw_record_get (review, "reference"));
      row[1] = cw_record_dup_display (review, "kind");
      row[2] = g_strdup (cw_review_get_phase_label (review));
      row[3] = g_strdup (cw_record_get (review, "subject_pseudonym") ?: "-");
      row[4] = next_deadline_text (review);
      g_ptr_array_add (rows, row);
    }
  cw_cli_print_table (rows, 5);
}

static void
next_deadline_json (CwJson   *json,
                    CwRecord *review)
{
  CwReviewNext next;

  cw_json_key (json, "next_deadline");
  if (!cw_review_get_next_deadline (review, &next))
    {
      cw_json_null (json);
      return;
    }
  cw_json_begin_object (json);
  cw_json_member_string (json, "name", next.name);
  cw_json_member_string (json, "due", next.due);
  cw_json_member_int (json, "days_remaining", next.days_remaining);
  cw_json_member_string (json, "state",
                         next.state == CW_DEADLINE_OVERDUE ? "overdue" : "pending");
  cw_json_member_string (json, "text", next.text);
  cw_json_end_object (json);
}

static void
review_json (CwJson   *json,
             CwRecord *review)
{
  cw_json_begin_object (json);
  cw_json_member_string (json, "reference", cw_record_get (review, "reference"));
  cw_json_member_string (json, "title", cw_record_get (review, "title"));
  cw_json_member_string (json, "kind", cw_record_get (review, "kind"));
  cw_json_member_string (json, "kind_label", cw_record_get_ref_label (review, "kind"));
  cw_json_member_string (json, "phase", cw_record_get (review, "phase"));
  cw_json_member_string (json, "phase_label", cw_review_get_phase_label (review));
  cw_json_member_string (json, "profile", cw_record_get (review, "profile"));
  cw_json_member_string (json, "profile_label", cw_record_get_ref_label (review, "profile"));
  cw_json_member_string (json, "methodology", cw_record_get (review, "methodology"));
  cw_json_member_string (json, "subject_pseudonym", cw_record_get (review, "subject_pseudonym"));
  next_deadline_json (json, review);
  cw_json_end_object (json);
}

static void
print_json (GListModel *reviews)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (reviews, i);
      review_json (json, review);
    }
  cw_json_end_array (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

gboolean
cw_cli_review_list (CwCli               *cli,
                    const CwCliCommand  *command,
                    GStrv               *args,
                    GError             **error)
{
  g_autoptr (GListModel) reviews = NULL;
  gboolean json = FALSE;
  CwStore *store;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL },
  };

  if (!cw_cli_parse (cli, command, entries, args, error)
      || (store = cw_cli_open_store (cli, FALSE, error)) == NULL
      || (reviews = cw_store_list_reviews (store, NULL, error)) == NULL)
    return FALSE;
  if (json)
    print_json (reviews);
  else
    print_table (reviews);
  return TRUE;
}

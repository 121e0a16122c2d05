/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <string.h>

#include "cw-cli-show.h"
#include "cw-enum.h"
#include "cw-json.h"
#include "cw-register-enums.h"

/* `review show --json`. Values are as stored: dates YYYY-MM-DD, choices
 * by id. People carry their real names and dates of birth, which scripts
 * may need; private fields (real names, dates of birth, the referral's
 * private details) need --show-private. */

/* A field's value, or for "<field>__label" the label of the row a
 * reference field names (cw_record_get_ref_label(), which refuses a
 * field that is not a reference). */
static const char *
value_of (CwRecord   *row,
          const char *key)
{
  g_autofree char *field = NULL;

  if (!g_str_has_suffix (key, "__label"))
    return cw_record_get (row, key);
  field = g_strndup (key, strlen (key) - strlen ("__label"));
  return cw_record_get_ref_label (row, field);
}

static void
review_fields_json (CwJson   *json,
                    CwRecord *review)
{
  cw_json_member_string (json, "reference", cw_record_get (review, "reference"));
  cw_json_member_string (json, "title", cw_record_get (review, "title"));
  cw_json_member_string (json, "kind", cw_record_get (review, "kind"));
  cw_json_member_string (json, "kind_label", cw_record_get_ref_label (review, "kind"));
  cw_json_member_string (json, "methodology", cw_record_get (review, "methodology"));
  cw_json_member_string (json, "profile", cw_record_get (review, "profile"));
  cw_json_member_string (json, "profile_label", cw_record_get_ref_label (review, "profile"));
  cw_json_member_string (json, "phase", cw_record_get (review, "phase"));
  cw_json_member_string (json, "phase_label", cw_review_get_phase_label (review));
  cw_json_member_string (json, "subject_pseudonym", cw_record_get (review, "subject_pseudonym"));
  cw_json_member_string (json, "summary", cw_record_get (review, "summary"));
}

static void
key_dates_json (CwJson   *json,
                CwRecord *review)
{
  cw_json_key (json, "key_dates");
  cw_json_begin_object (json);
  for (guint i = 0; cw_key_dates[i].id != NULL; i++)
    {
      g_autofree char *column = cw_key_date_column (cw_key_dates[i].id);
      cw_json_member_string (json, cw_key_dates[i].id, cw_record_get (review, column));
    }
  cw_json_end_object (json);
}

static void
deadlines_json (CwJson    *json,
                GPtrArray *deadlines)
{
  cw_json_key (json, "deadlines");
  cw_json_begin_array (json);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const CwDeadlineInfo *info = deadlines->pdata[i];

      cw_json_begin_object (json);
      cw_json_member_string (json, "name", info->name);
      cw_json_member_string (json, "due", info->due);
      cw_json_member_int (json, "days_remaining", info->days_remaining);
      /* pending, overdue, met or met-late */
      cw_json_member_string (json, "state", cw_enum_get_nick (CW_TYPE_DEADLINE_STATE, info->state));
      cw_json_member_string (json, "met_on", info->met_on);
      cw_json_member_string (json, "text", info->text);
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

static void
flags_json (CwJson     *json,
            const char *value)
{
  g_auto (GStrv) ids = NULL;

  if (value == NULL || *value == '\0')
    {
      cw_json_begin_array (json);
      cw_json_end_array (json);
      return;
    }
  ids = g_strsplit (value, ",", -1);
  cw_json_begin_array (json);
  for (guint i = 0; ids[i] != NULL; i++)
    cw_json_string (json, ids[i]);
  cw_json_end_array (json);
}

static void
referral_json (CwJson   *json,
               CwRecord *referral,
               gboolean  show_private)
{
  cw_json_key (json, "referral");
  if (referral == NULL)
    {
      cw_json_null (json);
      return;
    }
  cw_json_begin_object (json);
  for (guint i = 0; i < cw_entity_referral.n_fields; i++)
    {
      const CwField *field = &cw_entity_referral.fields[i];

      if ((field->flags & CW_FIELD_PRIVATE) && !show_private)
        continue;
      cw_json_key (json, field->name);
      if (field->type == CW_FIELD_FLAGS)
        flags_json (json, cw_record_get (referral, field->name));
      else
        cw_json_string (json, cw_record_get (referral, field->name));
    }
  cw_json_end_object (json);
}

/* Writes each row's @fields, "json_key", "record_key" pairs ending in NULL. */
static void
rows_json (CwJson            *json,
           const char        *key,
           GListModel        *rows,
           const char        *group,
           const char *const *fields)
{
  cw_json_key (json, key);
  cw_json_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (CwRecord) row = g_list_model_get_item (rows, i);

      if (group != NULL && g_strcmp0 (cw_record_get (row, "group_kind"), group) != 0)
        continue;
      cw_json_begin_object (json);
      for (guint f = 0; fields[f] != NULL; f += 2)
        cw_json_member_string (json, fields[f], value_of (row, fields[f + 1]));
      cw_json_end_object (json);
    }
  cw_json_end_array (json);
}

static void
tor_json (CwJson     *json,
          const char *key,
          GListModel *items,
          const char *kind)
{
  cw_json_key (json, key);
  cw_json_begin_array (json);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (CwRecord) item = g_list_model_get_item (items, i);
      if (g_strcmp0 (cw_record_get (item, "kind"), kind) == 0)
        cw_json_string (json, cw_record_get (item, "text"));
    }
  cw_json_end_array (json);
}

static void
related_json (CwJson    *json,
              CwCliShow *show)
{
  static const char *const person[] = {
    "pseudonym", "pseudonym", "role", "role", "notes", "notes", NULL,
  };
  static const char *const person_private[] = {
    "pseudonym", "pseudonym", "role", "role", "real_name", "real_name",
    "date_of_birth", "date_of_birth", "notes", "notes", NULL,
  };
  static const char *const agency[] = {
    "agency", "agency_id__label", "involvement", "involvement", NULL,
  };
  static const char *const member[] = {
    "name", "name", "role", "role", "agency", "agency_id__label",
    "involvement", "involvement", NULL,
  };

  /* Real names and dates of birth only when asked for, as in the text. */
  rows_json (json, "people", show->people, NULL, show->show_private ? person_private : person);
  rows_json (json, "agencies", show->agencies, NULL, agency);
  rows_json (json, "review_group", show->members, "review", member);
  rows_json (json, "case_group", show->members, "case", member);
  tor_json (json, "terms_of_reference", show->tor_items, "term");
  tor_json (json, "key_lines_of_enquiry", show->tor_items, "kloe");
}

void
cw_cli_show_print_json (CwCliShow *show)
{
  g_autoptr (CwJson) json = cw_json_new ();
  g_autofree char *text = NULL;

  cw_json_begin_object (json);
  review_fields_json (json, show->review);
  key_dates_json (json, show->review);
  deadlines_json (json, show->deadlines);
  referral_json (json, show->referral, show->show_private);
  related_json (json, show);
  cw_json_end_object (json);
  text = cw_json_free_to_string (g_steal_pointer (&json));
  cw_cli_print ("%s", text);
}

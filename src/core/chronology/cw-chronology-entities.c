/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-chronology"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology.h"
#include "cw-chronology-private.h"
#include "cw-register-entities.h"

/* The chronology's entities: agencies' returns, entries and the periods of
 * the child's context, with their rules. */

/* A chronology entry cannot end before it starts: the same rule as the
 * import's (cw-chronology-row.c), for an entry typed in or edited. */
static gboolean
validate_entry (CwStore         *store,
                const CwEntity  *entity,
                CwRecord        *row,
                const CwField   *changed,
                GError         **error)
{
  const char *start_iso = cw_record_get (row, "start_date");
  const char *end_iso = cw_record_get (row, "end_date");
  const CwField *field = changed ? changed : cw_entity_find_field (entity, "end_date");
  CwChronoDate start, end;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (changed != NULL && changed->type != CW_FIELD_CHRONO_DATE)
    return TRUE;
  if (!cw_chrono_date_iso_ends_before (start_iso, end_iso)
      || !cw_chrono_date_from_iso (start_iso, &start) || !cw_chrono_date_from_iso (end_iso, &end))
    return TRUE;
  start_text = cw_chrono_date_format (&start);
  end_text = cw_chrono_date_format (&end);
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: the entry ends (%s) before it starts (%s)"), _(field->label), end_text,
               start_text);
  return FALSE;
}

/* A link group is a number; a reader wants the reports it joins. */
static char *
describe_entry_value (CwStore         *store,
                      const CwEntity  *entity,
                      gint64           row_id,
                      const CwField   *field,
                      const char      *value)
{
  if (g_str_equal (field->name, "link_group"))
    return cw_chronology_describe_link (store, row_id, value);
  return NULL;
}

/* Nor can a period of the child's context. */
static gboolean
validate_period (CwStore         *store,
                 const CwEntity  *entity,
                 CwRecord        *row,
                 const CwField   *changed,
                 GError         **error)
{
  const char *start = cw_record_get (row, "start_date");
  const char *end = cw_record_get (row, "end_date");
  const CwField *field = changed ? changed : cw_entity_find_field (entity, "end_date");

  if (changed != NULL && changed->type != CW_FIELD_DATE)
    return TRUE;
  if (start == NULL || end == NULL || strcmp (end, start) >= 0)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: the period ends before it starts"), _(field->label));
  return FALSE;
}

const CwChoice cw_return_statuses[] = {
  { "requested", N_("Requested") },
  { "received", N_("Received") },
  { "accepted", N_("Accepted") },
  { "queried", N_("Queried") },
  { NULL, NULL },
};

/* In the order of cw-chronology-columns.h's CwChronoSignificance. */
const CwChoice cw_significances[] = {
  { "routine", N_("Routine") },
  { "significant", N_("Significant") },
  { "key", N_("Key") },
  { NULL, NULL },
};

static const CwField agency_return_fields[] = {
  { "agency_id", N_("Agency"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_agency },
  { "status", N_("Status"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_return_statuses },
  { "requested_on", N_("Requested on"), CW_FIELD_DATE, 0 },
  { "due_on", N_("Due on"), CW_FIELD_DATE, 0 },
  { "received_on", N_("Received on"), CW_FIELD_DATE, 0 },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("Queries raised with the agency and their answers") },
};

const CwEntity cw_entity_agency_return = {
  .table = "agency_return",
  .label = N_("Agency return"),
  .label_plural = N_("Agency returns"),
  .fields = agency_return_fields,
  .n_fields = G_N_ELEMENTS (agency_return_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "agency_id",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "agency_id", "status", "due_on", NULL },
};

static const CwField chronology_entry_fields[] = {
  { "agency_id", N_("Agency"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_agency },
  { "start_date", N_("Date"), CW_FIELD_CHRONO_DATE, CW_FIELD_REQUIRED, NULL, NULL,
    N_("Day first, with a time if known: 3/4/2021 14:30, April 2021, c. May 2016, ?22/05/2016") },
  { "end_date", N_("End date"), CW_FIELD_CHRONO_DATE, 0, NULL, NULL,
    N_("For something that lasted, e.g. a stay in hospital") },
  { "sequence", N_("Sequence"), CW_FIELD_INT, 0, NULL, NULL,
    N_("Orders entries on the same day") },
  { "author", N_("Author or role"), CW_FIELD_TEXT, 0 },
  { "source", N_("Record reference"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("Where the agency recorded it: case note, crime or incident number") },
  { "description", N_("Description"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("What happened, briefly and factually") },
  { "action", N_("Decision or action"), CW_FIELD_LONG_TEXT, 0 },
  { "rationale", N_("Rationale"), CW_FIELD_LONG_TEXT, 0 },
  { "outcome", N_("Outcome"), CW_FIELD_LONG_TEXT, 0 },
  { "impact", N_("Impact on the child"), CW_FIELD_LONG_TEXT, 0 },
  { "significance", N_("Significance"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_significances },
  { "tags", N_("Tags"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("Separated by semicolons, e.g. domestic abuse; information sharing") },
  /* Set by linking reports of one happening; here so that links are audited. */
  { "link_group", N_("Linked as one happening"), CW_FIELD_INT, CW_FIELD_HIDDEN | CW_FIELD_READONLY },
};

const CwEntity cw_entity_chronology_entry = {
  .table = "chronology_entry",
  .label = N_("Chronology entry"),
  .label_plural = N_("Chronology entries"),
  .fields = chronology_entry_fields,
  .n_fields = G_N_ELEMENTS (chronology_entry_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "description",
  .order_by = "t.sort_key, t.sequence, t.id",
  .bulk_column = "import_id",
  .bulk_table = "chronology_import",
  .bulk_label = N_("Imported an agency’s return"),
  .name_column = "source",
  .validate = validate_entry,
  .describe_value = describe_entry_value,
};

const CwChoice cw_period_kinds[] = {
  { "child-in-need", N_("Child in need plan") },
  { "child-protection", N_("Child protection plan") },
  { "looked-after", N_("Looked after") },
  { "hospital", N_("In hospital") },
  { "household", N_("Change in the household") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const CwField period_fields[] = {
  { "label", N_("What"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("As the timeline shows it, e.g. Child in need plan (Sibling B)") },
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_period_kinds },
  { "start_date", N_("From"), CW_FIELD_DATE, CW_FIELD_REQUIRED },
  { "end_date", N_("To"), CW_FIELD_DATE, 0, NULL, NULL, N_("Empty while it lasts") },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_period = {
  .table = "period",
  .label = N_("Period"),
  .label_plural = N_("The child’s context"),
  .fields = period_fields,
  .n_fields = G_N_ELEMENTS (period_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "label",
  .order_by = "t.start_date, t.id",
  .list_fields = (const char *const[]) { "label", "start_date", "end_date", NULL },
  .validate = validate_period,
};

static const CwEntity *const chronology_entities[] = {
  &cw_entity_agency_return, &cw_entity_chronology_entry, &cw_entity_period, NULL,
};

const CwDomain cw_chronology_domain = {
  .name = "chronology",
  .entities = chronology_entities,
  .register_sql = cw_chronology_register_sql,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis-entities.h"
#include "cw-register-entities.h"
#include "cw-report-documents.h"
#include "cw-report-entities.h"

/* A generated document: written by cw_report_generate() and the
 * publication check alone (every field is read-only to forms), so each
 * is audited as it is made, checked and marked publishable. The PDF's
 * bytes are no field: never copied into the audit trail. */

static const CwChoice statuses[] = {
  { "draft", N_("Draft") },
  { "final", N_("Final") },
  { NULL, NULL },
};

/* The history names a document by its title, not its id. */
static char *
describe_value (CwStore        *store,
                const CwEntity *entity,
                gint64          row_id,
                const CwField  *field,
                const char     *value)
{
  const CwReportKind *kind;

  if (!g_str_equal (field->name, "document") || value == NULL
      || (kind = cw_report_kind_find (value, NULL)) == NULL)
    return NULL;
  return g_strdup (_(kind->title));
}

static const CwField generated_document_fields[] = {
  { "document", N_("Document"), CW_FIELD_TEXT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "version", N_("Version"), CW_FIELD_INT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "generated_at", N_("Generated"), CW_FIELD_TEXT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "generated_by", N_("By"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "anonymised", N_("Pseudonyms only"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED | CW_FIELD_READONLY,
    cw_yes_no },
  { "status", N_("Draft or final"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED | CW_FIELD_READONLY,
    statuses },
  { "pages", N_("Pages"), CW_FIELD_INT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "size", N_("Size"), CW_FIELD_INT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "checksum", N_("Checksum (SHA-256)"), CW_FIELD_TEXT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "checked_at", N_("Checked for publication"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "check_hits", N_("Identifying details found"), CW_FIELD_INT, CW_FIELD_READONLY },
  { "check_result", N_("Publication check"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "publishable", N_("Publishable"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED | CW_FIELD_READONLY,
    cw_yes_no, NULL, N_("Only once checked for publication with nothing found") },
};

const CwEntity cw_entity_generated_document = {
  .table = "generated_document",
  .label = N_("Generated document"),
  .label_plural = N_("Generated documents"),
  .fields = generated_document_fields,
  .n_fields = G_N_ELEMENTS (generated_document_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "document",
  .order_by = "t.generated_at DESC, t.id DESC",
  .list_fields = (const char *const[]) { "document", "version", "generated_at", "generated_by",
                                         "publishable", NULL },
  .describe_value = describe_value,
};

static const CwEntity *const report_entities[] = {
  &cw_entity_generated_document, NULL,
};

const CwDomain cw_report_domain = {
  .name = "report",
  .entities = report_entities,
};

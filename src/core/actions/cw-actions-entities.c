/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-actions-entities.h"
#include "cw-actions-private.h"
#include "cw-analysis-entities.h"
#include "cw-register-entities.h"

/* The action plan's entities, with their rules (cw-actions-rules.c). The
 * questions are the Slough learning summary's own ("How do you intend to
 * make changes?", "how will you know anything has changed?"). */

/* In their order: one step at a time, or one back. */
const CwChoice cw_plan_statuses[] = {
  { "draft", N_("Draft") },
  { "agreed", N_("Agreed with partners") },
  { "monitoring", N_("Being monitored") },
  { "closed", N_("Closed") },
  { NULL, NULL },
};

/* In their order; "not sustained" stands beside "embedded". */
const CwChoice cw_action_statuses[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "impact-evidenced", N_("Impact evidenced") },
  { "embedded", N_("Embedded") },
  { "not-sustained", N_("Not sustained") },
  { NULL, NULL },
};

const CwChoice cw_embedding_methods[] = {
  { "performance-indicators", N_("Performance indicators") },
  { "multi-agency-audit", N_("Multi-agency audit") },
  { "other-qa", N_("Other quality assurance") },
  { NULL, NULL },
};

const CwChoice cw_embedding_results[] = {
  { "embedded", N_("Embedded") },
  { "not-yet", N_("Not yet embedded") },
  { "not-sustained", N_("Not sustained") },
  { NULL, NULL },
};

static const CwField action_plan_fields[] = {
  { "owner_body", N_("Owned by"), CW_FIELD_REF, 0, NULL, &cw_entity_body,
    N_("The subgroup that owns the plan") },
  { "via_body", N_("Through"), CW_FIELD_REF, 0, NULL, &cw_entity_body,
    N_("The body it reports through, e.g. the business group") },
  { "monitoring_body", N_("Monitored by"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
  { "monitoring_process", N_("How it is monitored"), CW_FIELD_LONG_TEXT, 0 },
  { "status", N_("Status"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_plan_statuses, NULL,
    N_("Closed only when every action is embedded or closed by the monitoring body") },
  { "closed_reason", N_("Why it closed"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_action_plan = {
  .table = "action_plan",
  .label = N_("Action plan"),
  .label_plural = N_("Action plans"),
  .fields = action_plan_fields,
  .n_fields = G_N_ELEMENTS (action_plan_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "status",
  .order_by = "t.id",
  .validate = cw_actions_validate_plan,
};

static const CwField action_fields[] = {
  { "recommendation_id", N_("Recommendation"), CW_FIELD_REF,
    CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL, &cw_entity_recommendation },
  { "description", N_("How do you intend to make changes?"), CW_FIELD_LONG_TEXT,
    CW_FIELD_REQUIRED },
  { "owner_agency", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency,
    N_("Who's doing what? The agency, person or body") },
  { "owner_person", N_("Person"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("By role where the plan is shared, e.g. Named nurse") },
  { "owner_body", N_("Body"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
  { "due_on", N_("Due"), CW_FIELD_DATE, 0 },
  { "impact_measure", N_("How will you know anything has changed?"), CW_FIELD_LONG_TEXT, 0 },
  { "audit_method", N_("How will you audit the impact?"), CW_FIELD_LONG_TEXT, 0 },
  { "impact_evidence", N_("Evidence of impact"), CW_FIELD_LONG_TEXT, 0 },
  { "status", N_("Status"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_action_statuses, NULL,
    N_("One step forward at a time, or one back") },
  { "during_review", N_("Taken during the review"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED,
    cw_yes_no },
  { "closed_by", N_("Closed by"), CW_FIELD_REF, CW_FIELD_HIDDEN, NULL, &cw_entity_body },
  { "closed_on", N_("Closed on"), CW_FIELD_DATE, CW_FIELD_HIDDEN },
  { "closed_reason", N_("Why it was closed"), CW_FIELD_LONG_TEXT, CW_FIELD_HIDDEN },
};

const CwEntity cw_entity_action = {
  .table = "action",
  .label = N_("Action"),
  .label_plural = N_("Actions"),
  .fields = action_fields,
  .n_fields = G_N_ELEMENTS (action_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "description",
  .order_by = "t.recommendation_id, t.id",
  .list_fields = (const char *const[]) { "description", "owner_agency", "due_on", "status",
                                         NULL },
  .validate = cw_actions_validate_action,
};

static const CwField progress_update_fields[] = {
  { "action_id", N_("Action"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_HIDDEN | CW_FIELD_CASCADE,
    NULL, &cw_entity_action },
  { "reported_on", N_("Date"), CW_FIELD_DATE, CW_FIELD_REQUIRED },
  { "reporter", N_("By"), CW_FIELD_TEXT, 0 },
  { "status", N_("Status then"), CW_FIELD_CHOICE, 0, cw_action_statuses },
  { "narrative", N_("Progress"), CW_FIELD_LONG_TEXT, 0 },
  { "reported_to", N_("Reported to"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
};

const CwEntity cw_entity_progress_update = {
  .table = "progress_update",
  .label = N_("Progress update"),
  .label_plural = N_("Progress updates"),
  .fields = progress_update_fields,
  .n_fields = G_N_ELEMENTS (progress_update_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "narrative",
  .order_by = "t.reported_on DESC, t.id DESC",
  .list_fields = (const char *const[]) { "reported_on", "reporter", "status", "narrative", NULL },
  .validate = cw_actions_validate_child,
  .follow = cw_actions_follow_update,
};

static const CwField embedding_check_fields[] = {
  { "action_id", N_("Action"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_HIDDEN | CW_FIELD_CASCADE,
    NULL, &cw_entity_action },
  { "method", N_("Method"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_embedding_methods },
  { "checked_on", N_("Date"), CW_FIELD_DATE, 0 },
  { "body", N_("By"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
  { "result", N_("Result"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_embedding_results },
  { "evidence", N_("Evidence"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_embedding_check = {
  .table = "embedding_check",
  .label = N_("Embedding check"),
  .label_plural = N_("Embedding checks"),
  .fields = embedding_check_fields,
  .n_fields = G_N_ELEMENTS (embedding_check_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "result",
  .order_by = "t.checked_on DESC, t.id DESC",
  .list_fields = (const char *const[]) { "checked_on", "method", "result", NULL },
  .validate = cw_actions_validate_child,
};

/* The file's bytes are not a field: written by cw_actions_attach_file(),
 * never copied into the audit trail. */
static const CwField action_file_fields[] = {
  { "action_id", N_("Action"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_HIDDEN | CW_FIELD_CASCADE,
    NULL, &cw_entity_action },
  { "file_name", N_("File"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "content_type", N_("Type"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "size", N_("Size"), CW_FIELD_INT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "checksum", N_("Checksum (SHA-256)"), CW_FIELD_TEXT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
};

const CwEntity cw_entity_action_file = {
  .table = "action_file",
  .label = N_("Evidence file"),
  .label_plural = N_("Evidence files"),
  .fields = action_file_fields,
  .n_fields = G_N_ELEMENTS (action_file_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "file_name",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "file_name", "content_type", "size", NULL },
  .validate = cw_actions_validate_child,
};

static const CwEntity *const actions_entities[] = {
  &cw_entity_action_plan, &cw_entity_action, &cw_entity_progress_update,
  &cw_entity_embedding_check, &cw_entity_action_file, NULL,
};

const CwDomain cw_actions_domain = {
  .name = "actions",
  .entities = actions_entities,
};

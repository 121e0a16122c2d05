/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cw-entity.h"
#include "cw-store.h"

/* The entities of a review, described once: the store builds its SQL and
 * audit triggers from these tables, forms build their fields from them. */

const CwChoice cw_phases[] = {
  { "referral", N_("Referral") },
  { "decision", N_("Decision") },
  { "preparation", N_("Preparation") },
  { "learning-event", N_("Learning event") },
  { "findings", N_("Findings and report") },
  { "action-monitoring", N_("Action monitoring") },
  { "published", N_("Published") },
  { "closed", N_("Closed") },
  { "not-proceeding", N_("Not proceeding") },
  { NULL, NULL },
};

const CwChoice cw_methodologies[] = {
  { "learning-together", N_("SCIE Learning Together (systems model)") },
  { "root-cause", N_("Root Cause Analysis") },
  { "appreciative-inquiry", N_("Appreciative Inquiry") },
  { "silp", N_("Significant Incident Learning Process (SILP)") },
  { "salford", N_("Salford Case Discussion Tool") },
  { "welsh-cpr-concise", N_("Welsh Child Practice Review (concise)") },
  { "welsh-cpr-extended", N_("Welsh Child Practice Review (extended)") },
  { "traditional-scr", N_("Traditional serious case review model") },
  { "other", N_("Other") },
  { NULL, NULL },
};

/* Key dates are columns of the review named <id with - as _>_date. */
const CwChoice cw_key_dates[] = {
  { "incident", N_("Incident became known") },
  { "notification", N_("Notification") },
  { "referral", N_("Referral received") },
  { "decision", N_("Decision") },
  { "learning-event", N_("Learning event") },
  { "report", N_("Report completed") },
  { "action-plan", N_("Action plan signed off") },
  { "publication", N_("Published") },
  { NULL, NULL },
};

const CwChoice cw_referral_grounds[] = {
  { "good-practice", N_("Good practice which would benefit from being shared") },
  { "lack-of-progress", N_("Apparent lack of progress with the child's plan") },
  { "placement-breakdown", N_("Placement breakdown (fostering, residential)") },
  { "disruption", N_("Disruption (permanency or adoption breakdown)") },
  { "legal-system", N_("Failure to secure the child through the legal system") },
  { "serious-harm", N_("Child died or was seriously harmed; agencies' work a concern") },
  { NULL, NULL },
};

const CwChoice cw_decisions[] = {
  { "proceed", N_("Proceed to review") },
  { "not-proceed", N_("Do not proceed") },
  { NULL, NULL },
};

const CwChoice cw_member_groups[] = {
  { "review", N_("Review group") },
  { "case", N_("Case group") },
  { NULL, NULL },
};

const CwChoice cw_tor_kinds[] = {
  { "term", N_("Term of reference") },
  { "kloe", N_("Key line of enquiry") },
  { NULL, NULL },
};

const CwChoice cw_agency_sectors[] = {
  { "social-care", N_("Children's social care") },
  { "health", N_("Health") },
  { "police", N_("Police") },
  { "education", N_("Education") },
  { "early-years", N_("Early years") },
  { "housing", N_("Housing") },
  { "probation", N_("Probation") },
  { "voluntary", N_("Voluntary sector") },
  { "other", N_("Other") },
  { NULL, NULL },
};

const CwChoice cw_nations[] = {
  { "england-wales", N_("England and Wales") },
  { "scotland", N_("Scotland") },
  { "northern-ireland", N_("Northern Ireland") },
  { NULL, NULL },
};

const CwChoice cw_deadline_units[] = {
  { "days", N_("calendar days") },
  { "working-days", N_("working days") },
  { "months", N_("months") },
  { NULL, NULL },
};

#define N_FIELDS(a) G_N_ELEMENTS (a)

static const CwField review_kind_fields[] = {
  { "slug", N_("Identifier"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "prefix", N_("Reference prefix"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("Letters that start each reference, e.g. LR in LR-2026-001") },
};

const CwEntity cw_entity_review_kind = {
  "review_kind", N_("Kind of review"), N_("Kinds of review"),
  review_kind_fields, N_FIELDS (review_kind_fields), FALSE, "slug", "name", "t.id",
};

extern const CwEntity cw_entity_profile;

static const CwField review_fields[] = {
  { "reference", N_("Reference"), CW_FIELD_TEXT, CW_FIELD_REQUIRED | CW_FIELD_READONLY },
  { "title", N_("Title"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "kind", N_("Kind"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_review_kind },
  { "methodology", N_("Methodology"), CW_FIELD_CHOICE, 0, cw_methodologies },
  { "profile", N_("Deadline rules"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_profile,
    N_("The jurisdiction whose timescales apply") },
  { "phase", N_("Phase"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED | CW_FIELD_READONLY, cw_phases },
  { "subject_pseudonym", N_("Subject (pseudonym)"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("How the child is named in the review, e.g. Child A; never the real name") },
  { "summary", N_("Summary"), CW_FIELD_LONG_TEXT, 0 },
  { "incident_date", N_("Incident became known"), CW_FIELD_DATE, 0 },
  { "notification_date", N_("Notification"), CW_FIELD_DATE, 0 },
  { "referral_date", N_("Referral received"), CW_FIELD_DATE, 0 },
  { "decision_date", N_("Decision"), CW_FIELD_DATE, 0 },
  { "learning_event_date", N_("Learning event"), CW_FIELD_DATE, 0 },
  { "report_date", N_("Report completed"), CW_FIELD_DATE, 0 },
  { "action_plan_date", N_("Action plan signed off"), CW_FIELD_DATE, 0 },
  { "publication_date", N_("Published"), CW_FIELD_DATE, 0 },
  { "gap_days", N_("Show gaps in agency contact longer than (days)"), CW_FIELD_INT,
    CW_FIELD_HIDDEN },
};

const CwEntity cw_entity_review = {
  "review", N_("Review"), N_("Reviews"),
  review_fields, N_FIELDS (review_fields), FALSE, "id", "reference", "t.reference",
};

static const CwField person_fields[] = {
  { "pseudonym", N_("Pseudonym"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("Used in everything shared or published, e.g. Mother, Child A") },
  { "real_name", N_("Real name"), CW_FIELD_TEXT, CW_FIELD_PRIVATE, NULL, NULL,
    N_("Kept private: never logged, exported or published") },
  { "role", N_("Role or relationship"), CW_FIELD_TEXT, 0 },
  { "date_of_birth", N_("Date of birth"), CW_FIELD_DATE, CW_FIELD_PRIVATE },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_person = {
  "person", N_("Person"), N_("People"),
  person_fields, N_FIELDS (person_fields), TRUE, "id", "pseudonym", "t.id",
};

static const CwField agency_fields[] = {
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "sector", N_("Sector"), CW_FIELD_CHOICE, 0, cw_agency_sectors },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_agency = {
  "agency", N_("Agency"), N_("Agencies"),
  agency_fields, N_FIELDS (agency_fields), FALSE, "id", "name", "t.name COLLATE NOCASE",
};

static const CwField review_agency_fields[] = {
  { "agency_id", N_("Agency"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_agency },
  { "involvement", N_("Involvement"), CW_FIELD_TEXT, 0 },
};

const CwEntity cw_entity_review_agency = {
  "review_agency", N_("Agency involved"), N_("Agencies involved"),
  review_agency_fields, N_FIELDS (review_agency_fields), TRUE, "id", "agency_id", "t.id",
};

static const CwField member_fields[] = {
  { "group_kind", N_("Group"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_member_groups },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "agency_id", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency },
  { "role", N_("Role"), CW_FIELD_TEXT, 0, NULL, NULL, N_("e.g. Chair, Lead reviewer, Social worker") },
  { "involvement", N_("Involvement"), CW_FIELD_TEXT, 0 },
};

const CwEntity cw_entity_member = {
  "member", N_("Member"), N_("Members"),
  member_fields, N_FIELDS (member_fields), TRUE, "id", "name", "t.group_kind DESC, t.id",
};

static const CwField referral_fields[] = {
  { "referrer_name", N_("Name of person completing the referral"), CW_FIELD_TEXT, 0 },
  { "service_team", N_("Service/team"), CW_FIELD_TEXT, 0 },
  { "submitted_on", N_("Date submitted to service manager"), CW_FIELD_DATE, 0 },
  { "child_name", N_("Name of child or young person"), CW_FIELD_TEXT, CW_FIELD_PRIVATE, NULL, NULL,
    N_("Kept private: the review uses the subject's pseudonym") },
  { "swis_number", N_("Case record number (SWIS no.)"), CW_FIELD_TEXT, CW_FIELD_PRIVATE },
  { "parents_carers", N_("Parents/carers"), CW_FIELD_LONG_TEXT, CW_FIELD_PRIVATE },
  { "household", N_("Others in household (name and relationship)"), CW_FIELD_LONG_TEXT,
    CW_FIELD_PRIVATE },
  { "agencies_involved", N_("Other agencies known to be involved"), CW_FIELD_LONG_TEXT, 0, NULL,
    NULL, N_("Names and disciplines of the professionals within each agency, if known") },
  { "grounds", N_("Grounds on which the criteria may be met"), CW_FIELD_FLAGS, 0,
    cw_referral_grounds },
  { "grounds_other", N_("Other grounds"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("Any ground not in the list above, in your own words") },
  { "circumstances", N_("Brief description of the circumstances"), CW_FIELD_LONG_TEXT, 0 },
  { "key_facts", N_("Key facts and background (include chronology)"), CW_FIELD_LONG_TEXT, 0 },
  { "reasons", N_("Reasons a review is requested"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("One reason per line") },
  { "worker_signed_on", N_("Signed by worker on"), CW_FIELD_DATE, 0 },
  { "manager_signed_on", N_("Signed by line manager on"), CW_FIELD_DATE, 0 },
  { "discussed_on", N_("Date discussed"), CW_FIELD_DATE, 0 },
  { "decision", N_("Decision"), CW_FIELD_CHOICE, 0, cw_decisions },
  { "rationale", N_("Rationale"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("Required when the decision is not to proceed") },
  { "key_objectives", N_("Key objectives of the review"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("If proceeding; one per line") },
  { "lead_reviewer", N_("Lead reviewer"), CW_FIELD_TEXT, 0 },
  { "timescale", N_("Timescale for completion"), CW_FIELD_TEXT, 0 },
  { "further_actions", N_("Further action required"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("If not proceeding; one per line") },
};

const CwEntity cw_entity_referral = {
  "referral", N_("Referral and decision"), N_("Referrals"),
  referral_fields, N_FIELDS (referral_fields), TRUE, "id", "referrer_name", "t.id",
};

static const CwField tor_item_fields[] = {
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_tor_kinds },
  { "text", N_("Text"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED },
};

const CwEntity cw_entity_tor_item = {
  "tor_item", N_("Term of reference"), N_("Terms of reference"),
  tor_item_fields, N_FIELDS (tor_item_fields), TRUE, "id", "text", "t.kind DESC, t.id",
};

static const CwField profile_fields[] = {
  { "slug", N_("Identifier"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "nation", N_("Bank holidays of"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_nations },
};

const CwEntity cw_entity_profile = {
  "profile", N_("Deadline profile"), N_("Deadline profiles"),
  profile_fields, N_FIELDS (profile_fields), FALSE, "slug", "name", "t.id",
};

static const CwField deadline_rule_fields[] = {
  { "profile", N_("Profile"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_HIDDEN, NULL,
    &cw_entity_profile },
  { "name", N_("Deadline"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "amount", N_("Within"), CW_FIELD_INT, CW_FIELD_REQUIRED },
  { "unit", N_("Unit"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_deadline_units },
  { "anchor", N_("After the key date"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_key_dates },
  { "met_by", N_("Met when this date is set"), CW_FIELD_CHOICE, 0, cw_key_dates },
  { "kinds", N_("Applies to kinds"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("Identifiers of kinds, separated by commas; empty for every kind") },
};

const CwEntity cw_entity_deadline_rule = {
  "deadline_rule", N_("Deadline rule"), N_("Deadline rules"),
  deadline_rule_fields, N_FIELDS (deadline_rule_fields), FALSE, "id", "name", "t.id",
};

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
  "agency_return", N_("Agency return"), N_("Agency returns"),
  agency_return_fields, N_FIELDS (agency_return_fields), TRUE, "id", "agency_id", "t.id",
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
  "chronology_entry", N_("Chronology entry"), N_("Chronology entries"),
  chronology_entry_fields, N_FIELDS (chronology_entry_fields), TRUE, "id", "description",
  "t.sort_key, t.sequence, t.id", "import_id",
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
  "period", N_("Period"), N_("The child's context"),
  period_fields, N_FIELDS (period_fields), TRUE, "id", "label", "t.start_date, t.id",
};

static const CwEntity *const all_entities[] = {
  &cw_entity_review_kind, &cw_entity_profile, &cw_entity_deadline_rule, &cw_entity_agency,
  &cw_entity_review, &cw_entity_person, &cw_entity_review_agency, &cw_entity_member,
  &cw_entity_referral, &cw_entity_tor_item, &cw_entity_agency_return,
  &cw_entity_chronology_entry, &cw_entity_period, NULL,
};

const CwEntity *const *
cw_entities_all (void)
{
  return all_entities;
}

const CwEntity *
cw_entity_lookup (const char *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; all_entities[i] != NULL; i++)
    if (g_str_equal (all_entities[i]->table, table))
      return all_entities[i];
  return NULL;
}

const CwField *
cw_entity_find_field (const CwEntity *entity,
                      const char     *name)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].name, name))
      return &entity->fields[i];
  return NULL;
}

const char *
cw_choice_label (const CwChoice *choices,
                 const char     *id)
{
  g_return_val_if_fail (choices != NULL, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; choices[i].id != NULL; i++)
    if (g_str_equal (choices[i].id, id))
      return _(choices[i].label);
  return NULL;
}

gboolean
cw_choice_contains (const CwChoice *choices,
                    const char     *id)
{
  return cw_choice_label (choices, id) != NULL;
}

/**
 * cw_key_date_column:
 * @key_date: a key date id such as "learning-event"
 *
 * Returns: (transfer full) (nullable): the review column, e.g. "learning_event_date",
 *   or %NULL when @key_date is not a key date.
 */
char *
cw_key_date_column (const char *key_date)
{
  g_autofree char *column = NULL;

  if (!cw_choice_contains (cw_key_dates, key_date))
    return NULL;
  column = g_strdup_printf ("%s_date", key_date);
  g_strdelimit (column, "-", '_');
  return g_steal_pointer (&column);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-clock.h"
#include "cw-register-entities.h"
#include "cw-review.h"

/* The register's entities, described once: the store builds their SQL and
 * audit triggers from these descriptions, forms their fields, the history
 * its wording. */

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

static const CwField review_kind_fields[] = {
  { "slug", N_("Identifier"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "prefix", N_("Reference prefix"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("Letters that start each reference, e.g. LR in LR-2026-001") },
};

const CwEntity cw_entity_review_kind = {
  .table = "review_kind",
  .label = N_("Kind of review"),
  .label_plural = N_("Kinds of review"),
  .fields = review_kind_fields,
  .n_fields = G_N_ELEMENTS (review_kind_fields),
  .key_column = "slug",
  .label_field = "name",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "name", "prefix", NULL },
};

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
  { "incident_date", N_("Incident became known"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "notification_date", N_("Notification"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "referral_date", N_("Referral received"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "decision_date", N_("Decision"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "learning_event_date", N_("Learning event"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "report_date", N_("Report completed"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "action_plan_date", N_("Action plan signed off"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "publication_date", N_("Published"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "dates" },
  { "gap_days", N_("Show gaps in agency contact longer than (days)"), CW_FIELD_INT,
    CW_FIELD_HIDDEN },
};

const CwEntity cw_entity_review = {
  .table = "review",
  .label = N_("Review"),
  .label_plural = N_("Reviews"),
  .fields = review_fields,
  .n_fields = G_N_ELEMENTS (review_fields),
  .key_column = "id",
  .label_field = "reference",
  .order_by = "t.reference",
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
  .table = "person",
  .label = N_("Person"),
  .label_plural = N_("People"),
  .fields = person_fields,
  .n_fields = G_N_ELEMENTS (person_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "pseudonym",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "pseudonym", "role", NULL },
};

static const CwField agency_fields[] = {
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "short_name", N_("Short name"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("A few letters that tell it from the others where the name does not fit, e.g. NP") },
  { "sector", N_("Sector"), CW_FIELD_CHOICE, 0, cw_agency_sectors },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_agency = {
  .table = "agency",
  .label = N_("Agency"),
  .label_plural = N_("Agencies"),
  .fields = agency_fields,
  .n_fields = G_N_ELEMENTS (agency_fields),
  .key_column = "id",
  .label_field = "name",
  .order_by = "t.name COLLATE NOCASE",
  .list_fields = (const char *const[]) { "name", "short_name", "sector", NULL },
};

static const CwField review_agency_fields[] = {
  { "agency_id", N_("Agency"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL, &cw_entity_agency },
  { "involvement", N_("Involvement"), CW_FIELD_TEXT, 0 },
};

const CwEntity cw_entity_review_agency = {
  .table = "review_agency",
  .label = N_("Agency involved"),
  .label_plural = N_("Agencies involved"),
  .fields = review_agency_fields,
  .n_fields = G_N_ELEMENTS (review_agency_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "agency_id",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "agency_id", "involvement", NULL },
};

static const CwField member_fields[] = {
  { "group_kind", N_("Group"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_member_groups },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "agency_id", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency },
  { "role", N_("Role"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("e.g. Chair, Lead reviewer, Social worker") },
  { "involvement", N_("Involvement"), CW_FIELD_TEXT, 0 },
};

const CwEntity cw_entity_member = {
  .table = "member",
  .label = N_("Member"),
  .label_plural = N_("Members"),
  .fields = member_fields,
  .n_fields = G_N_ELEMENTS (member_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "name",
  .order_by = "t.group_kind DESC, t.id",
  .list_fields = (const char *const[]) { "name", "role", "agency_id", NULL },
};

static const CwField referral_fields[] = {
  { "referrer_name", N_("Name of person completing the referral"), CW_FIELD_TEXT, 0, NULL, NULL,
    NULL, "referral" },
  { "service_team", N_("Service/team"), CW_FIELD_TEXT, 0, NULL, NULL, NULL, "referral" },
  { "submitted_on", N_("Date submitted to service manager"), CW_FIELD_DATE, 0, NULL, NULL, NULL,
    "referral" },
  { "child_name", N_("Name of child or young person"), CW_FIELD_TEXT, CW_FIELD_PRIVATE, NULL, NULL,
    N_("Kept private: the review uses the subject's pseudonym"), "referral" },
  { "swis_number", N_("Case record number (SWIS no.)"), CW_FIELD_TEXT, CW_FIELD_PRIVATE, NULL, NULL,
    NULL, "referral" },
  { "parents_carers", N_("Parents/carers"), CW_FIELD_LONG_TEXT, CW_FIELD_PRIVATE, NULL, NULL, NULL,
    "referral" },
  { "household", N_("Others in household (name and relationship)"), CW_FIELD_LONG_TEXT,
    CW_FIELD_PRIVATE, NULL, NULL, NULL, "referral" },
  { "agencies_involved", N_("Other agencies known to be involved"), CW_FIELD_LONG_TEXT, 0, NULL,
    NULL, N_("Names and disciplines of the professionals within each agency, if known"),
    "referral" },
  { "grounds", N_("Grounds on which the criteria may be met"), CW_FIELD_FLAGS, 0,
    cw_referral_grounds, NULL, NULL, "referral" },
  { "grounds_other", N_("Other grounds"), CW_FIELD_TEXT, 0, NULL, NULL,
    N_("Any ground not in the list above, in your own words"), "referral" },
  { "circumstances", N_("Brief description of the circumstances"), CW_FIELD_LONG_TEXT, 0, NULL,
    NULL, NULL, "referral" },
  { "key_facts", N_("Key facts and background (include chronology)"), CW_FIELD_LONG_TEXT, 0, NULL,
    NULL, NULL, "referral" },
  { "reasons", N_("Reasons a review is requested"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("One reason per line"), "referral" },
  { "worker_signed_on", N_("Signed by worker on"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "referral" },
  { "manager_signed_on", N_("Signed by line manager on"), CW_FIELD_DATE, 0, NULL, NULL, NULL,
    "referral" },
  { "discussed_on", N_("Date discussed"), CW_FIELD_DATE, 0, NULL, NULL, NULL, "decision" },
  { "decision", N_("Decision"), CW_FIELD_CHOICE, 0, cw_decisions, NULL, NULL, "decision" },
  { "rationale", N_("Rationale"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("Required when the decision is not to proceed"), "decision" },
  { "key_objectives", N_("Key objectives of the review"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("If proceeding; one per line"), "decision" },
  { "lead_reviewer", N_("Lead reviewer"), CW_FIELD_TEXT, 0, NULL, NULL, NULL, "decision" },
  { "timescale", N_("Timescale for completion"), CW_FIELD_TEXT, 0, NULL, NULL, NULL, "decision" },
  { "further_actions", N_("Further action required"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("If not proceeding; one per line"), "decision" },
};

/* The decision is changed only while the review is at it: past it, the
 * phase follows from the decision (cw_store_check_decision_open()). */
static gboolean
validate_referral (CwStore        *store,
                   const CwEntity *entity,
                   CwRecord       *row,
                   const CwField  *changed,
                   GError        **error)
{
  g_autoptr (CwRecord) stored = NULL;

  if (changed == NULL || !g_str_equal (changed->name, "decision"))
    return TRUE;
  stored = cw_store_get (store, entity, cw_record_get_id (row), NULL);
  if (stored != NULL
      && g_strcmp0 (cw_record_get (stored, "decision"), cw_record_get (row, "decision")) == 0)
    return TRUE;
  return cw_store_check_decision_open (store, cw_record_get_review_id (row), error);
}

/* A decision recorded fills the review's Decision key date, from the app as
 * from the command line: the day it was discussed, else today, and it
 * follows the day discussed when that is corrected. */
static gboolean
follow_referral (CwStore        *store,
                 const CwEntity *entity,
                 CwRecord       *row,
                 const CwField  *changed,
                 GError        **error)
{
  const char *decided = cw_record_get (row, "discussed_on");
  g_autofree char *today = NULL;

  if (changed == NULL || cw_record_get (row, "decision") == NULL)
    return TRUE;
  if (g_str_equal (changed->name, "decision"))
    {
      GDate date;

      cw_clock_today (&date);
      if (decided == NULL)
        decided = today = cw_date_format_iso (&date);
    }
  else if (!g_str_equal (changed->name, "discussed_on") || decided == NULL)
    return TRUE;
  return cw_store_set_key_date (store, cw_record_get_review_id (row), "decision", decided, error);
}

const CwEntity cw_entity_referral = {
  .table = "referral",
  .label = N_("Referral and decision"),
  .label_plural = N_("Referrals"),
  .fields = referral_fields,
  .n_fields = G_N_ELEMENTS (referral_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "referrer_name",
  .order_by = "t.id",
  .validate = validate_referral,
  .follow = follow_referral,
};

static const CwField tor_item_fields[] = {
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_tor_kinds },
  { "text", N_("Text"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED },
};

const CwEntity cw_entity_tor_item = {
  .table = "tor_item",
  .label = N_("Term of reference"),
  .label_plural = N_("Terms of reference"),
  .fields = tor_item_fields,
  .n_fields = G_N_ELEMENTS (tor_item_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "text",
  .order_by = "t.kind DESC, t.id",
  .list_fields = (const char *const[]) { "kind", "text", NULL },
};

static const CwField profile_fields[] = {
  { "slug", N_("Identifier"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "nation", N_("Bank holidays of"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_nations },
};

const CwEntity cw_entity_profile = {
  .table = "profile",
  .label = N_("Deadline profile"),
  .label_plural = N_("Deadline profiles"),
  .fields = profile_fields,
  .n_fields = G_N_ELEMENTS (profile_fields),
  .key_column = "slug",
  .label_field = "name",
  .order_by = "t.id",
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
  .table = "deadline_rule",
  .label = N_("Deadline rule"),
  .label_plural = N_("Deadline rules"),
  .fields = deadline_rule_fields,
  .n_fields = G_N_ELEMENTS (deadline_rule_fields),
  .key_column = "id",
  .label_field = "name",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "name", "amount", "unit", "anchor", NULL },
};

static const CwEntity *const register_entities[] = {
  &cw_entity_review_kind, &cw_entity_profile, &cw_entity_deadline_rule, &cw_entity_agency,
  &cw_entity_review, &cw_entity_person, &cw_entity_review_agency, &cw_entity_member,
  &cw_entity_referral, &cw_entity_tor_item, NULL,
};

const CwDomain cw_register_domain = {
  .name = "register",
  .entities = register_entities,
};

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

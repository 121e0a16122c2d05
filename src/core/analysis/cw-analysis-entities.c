/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis.h"
#include "cw-analysis-entities.h"
#include "cw-analysis-private.h"
#include "cw-chrono-date.h"
#include "cw-chronology-entities.h"
#include "cw-register-entities.h"

/* The analysis's entities, with their rules. The words of the lists are
 * the sources' own where they have words (Falkirk's factors and prompts,
 * Salford's stages, the Cumbria and Slough outcomes); see
 * ../shared/domain/ANALYSIS-REPORTS.md. */

const CwChoice cw_yes_no[] = {
  { "no", N_("No") },
  { "yes", N_("Yes") },
  { NULL, NULL },
};

const CwChoice cw_body_kinds[] = {
  { "board", N_("Board or committee") },
  { "business-group", N_("Business group") },
  { "subgroup", N_("Subgroup") },
  { "panel", N_("Review panel") },
  { "improvement-group", N_("Continuous improvement group") },
  { "national-panel", N_("National panel") },
  { "regulator", N_("Regulator") },
  { "other", N_("Other") },
  { NULL, NULL },
};

const CwChoice cw_usual_practice[] = {
  { "usual", N_("The usual way") },
  { "deviation", N_("Not the usual way") },
  { "unknown", N_("Not known") },
  { NULL, NULL },
};

const CwChoice cw_event_kinds[] = {
  { "workshop", N_("Practitioner workshop") },
  { "discussion", N_("Learning review discussion") },
  { "reflective-session", N_("Reflective learning session") },
  { "forum", N_("Practitioner forum") },
  { "silp-event", N_("SILP learning event") },
  { "recall-session", N_("SILP recall session") },
  { NULL, NULL },
};

const CwChoice cw_event_tools[] = {
  { "falkirk", N_("Learning review discussion prompts (Falkirk)") },
  { "salford", N_("Salford case discussion tool") },
  { "free", N_("Free-form notes") },
  { NULL, NULL },
};

/* Falkirk's "What are we drawing on?" */
const CwChoice cw_event_sources[] = {
  { "staff-experience", N_("Staff experience") },
  { "performance-data", N_("Local performance data") },
  { "national-evidence", N_("National evidence") },
  { "research", N_("Relevant research") },
  { NULL, NULL },
};

/* Falkirk appendix 4, headings 1 to 8, then Salford's five stages, then a
 * free note: what a note of the learning event is about. */
const CwChoice cw_event_prompts[] = {
  { "introductions", N_("1. Introductions") },
  { "overview", N_("2. Overview") },
  { "episodes", N_("3a. Key practice episodes") },
  { "mindset", N_("3b. ‘Mindset’ and ‘local rationality’") },
  { "factors", N_("3c. Contributory factors") },
  { "went-well", N_("4. Things that went well") },
  { "queries", N_("5. Queries and clarifying questions") },
  { "changes", N_("6. Suggested changes") },
  { "summing-up", N_("7. Summing up") },
  { "reflections", N_("8. Reflections") },
  { "facts", N_("Facts") },
  { "thoughts-feelings", N_("Initial thoughts and feelings") },
  { "hypotheses", N_("Hypotheses") },
  { "root-cause", N_("Simple root cause analysis") },
  { "next-steps", N_("What needs to happen next") },
  { "notes", N_("Notes") },
  { NULL, NULL },
};

const CwChoice cw_factor_directions[] = {
  { "hindering", N_("Hindered practice") },
  { "enabling", N_("Enabled good practice") },
  { NULL, NULL },
};

const CwChoice cw_factor_levels[] = {
  { "front-line", N_("Front line") },
  { "management", N_("Management") },
  { "commissioning", N_("Commissioning") },
  { "organisation", N_("Organisation") },
  { "wider", N_("Wider context") },
  { NULL, NULL },
};

const CwChoice cw_finding_kinds[] = {
  { "improvement", N_("Area for improvement") },
  { "good-practice", N_("Good practice") },
  { NULL, NULL },
};

const CwChoice cw_finding_scopes[] = {
  { "case", N_("Specific to the case") },
  { "wider", N_("Implications for other teams or the service") },
  { NULL, NULL },
};

/* In their order: a finding moves forward one step at a time, or one back. */
const CwChoice cw_finding_statuses[] = {
  { "draft", N_("Draft") },
  { "accuracy-check", N_("Shared for accuracy check") },
  { "agreed", N_("Agreed") },
  { "presented", N_("Presented") },
  { NULL, NULL },
};

const CwChoice cw_evidence_kinds[] = {
  { "case-evidence", N_("Case evidence") },
  { "staff-experience", N_("Staff experience") },
  { "performance-data", N_("Local performance data") },
  { "national-evidence", N_("National evidence") },
  { "research", N_("Research") },
  { NULL, NULL },
};

const CwChoice cw_urgent_routes[] = {
  { "managerial", N_("Managerial") },
  { "professional", N_("Professional") },
  { "escalation", N_("Escalation procedure") },
  { NULL, NULL },
};

const CwChoice cw_recommendation_scopes[] = {
  { "multi", N_("Multi-agency") },
  { "single", N_("Single agency") },
  { NULL, NULL },
};

/* In their order; "not sustained" is the other end of "implemented". */
const CwChoice cw_recommendation_statuses[] = {
  { "proposed", N_("Proposed") },
  { "agreed", N_("Agreed") },
  { "action-planned", N_("Action planned") },
  { "implemented", N_("Implemented") },
  { "embedded", N_("Embedded") },
  { "not-sustained", N_("Not sustained") },
  { NULL, NULL },
};

/* Shared lists */

static const CwField body_fields[] = {
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("As your partnership names it, e.g. Case review subgroup") },
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_body_kinds },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_body = {
  .table = "body",
  .label = N_("Governance body"),
  .label_plural = N_("Governance bodies"),
  .fields = body_fields,
  .n_fields = G_N_ELEMENTS (body_fields),
  .key_column = "id",
  .label_field = "name",
  .order_by = "t.name COLLATE NOCASE",
  .list_fields = (const char *const[]) { "name", "kind", NULL },
};

static const CwField theme_fields[] = {
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "description", N_("Description"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_theme = {
  .table = "theme",
  .label = N_("Theme"),
  .label_plural = N_("Themes"),
  .fields = theme_fields,
  .n_fields = G_N_ELEMENTS (theme_fields),
  .key_column = "id",
  .label_field = "name",
  .order_by = "t.name COLLATE NOCASE",
  .list_fields = (const char *const[]) { "name", NULL },
};

static const CwField factor_category_fields[] = {
  { "slug", N_("Identifier"), CW_FIELD_TEXT, CW_FIELD_READONLY },
  { "name", N_("Name"), CW_FIELD_TEXT, CW_FIELD_REQUIRED },
  { "position", N_("Position"), CW_FIELD_INT, CW_FIELD_HIDDEN },
};

const CwEntity cw_entity_factor_category = {
  .table = "factor_category",
  .label = N_("Kind of contributory factor"),
  .label_plural = N_("Kinds of contributory factor"),
  .fields = factor_category_fields,
  .n_fields = G_N_ELEMENTS (factor_category_fields),
  .key_column = "slug",
  .label_field = "name",
  .order_by = "t.position, t.id",
  .list_fields = (const char *const[]) { "name", NULL },
};

/* Key practice episodes */

/* An episode, like an entry, cannot end before it starts. */
static gboolean
validate_episode (CwStore         *store,
                  const CwEntity  *entity,
                  CwRecord        *row,
                  const CwField   *changed,
                  GError         **error)
{
  const CwField *field = changed ? changed : cw_entity_find_field (entity, "end_date");

  if (changed != NULL && changed->type != CW_FIELD_CHRONO_DATE)
    return TRUE;
  if (!cw_chrono_date_iso_ends_before (cw_record_get (row, "start_date"),
                                       cw_record_get (row, "end_date")))
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: the episode ends before it starts"), _(field->label));
  return FALSE;
}

static const CwField episode_fields[] = {
  { "number", N_("Number"), CW_FIELD_INT, CW_FIELD_READONLY | CW_FIELD_HIDDEN },
  { "title", N_("Title"), CW_FIELD_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("A few words a practitioner would recognise, e.g. Hospital discharge") },
  { "start_date", N_("From"), CW_FIELD_CHRONO_DATE, 0, NULL, NULL,
    N_("Empty: from the first entry it covers. Approximate dates allowed, e.g. c. May 2016") },
  { "end_date", N_("To"), CW_FIELD_CHRONO_DATE, 0, NULL, NULL,
    N_("Empty: to the last entry it covers") },
  { "key_decisions", N_("Key decisions and actions"), CW_FIELD_LONG_TEXT, 0 },
  { "why_critical", N_("Why it was critical"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("How it determined the direction the case took") },
  { "missed_opportunity", N_("A missed opportunity for intervention"), CW_FIELD_CHOICE,
    CW_FIELD_REQUIRED, cw_yes_no },
  { "missed_opportunity_text", N_("The opportunity"), CW_FIELD_LONG_TEXT, 0 },
  { "local_rationality", N_("The view at the time"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("What practitioners knew, thought and aimed for then: the view in the tunnel") },
  { "usual_practice", N_("Was the practice usual?"), CW_FIELD_CHOICE, 0, cw_usual_practice },
  { "analysis", N_("Analysis"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_episode = {
  .table = "episode",
  .label = N_("Key practice episode"),
  .label_plural = N_("Key practice episodes"),
  .fields = episode_fields,
  .n_fields = G_N_ELEMENTS (episode_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "title",
  .order_by = "t.number, t.id",
  .name_column = "title",
  .list_fields = (const char *const[]) { "number", "title", "start_date", "end_date", NULL },
  .validate = validate_episode,
};

static gboolean
validate_join (CwStore         *store,
               const CwEntity  *entity,
               CwRecord        *row,
               const CwField   *changed,
               GError         **error);

static const CwField episode_entry_fields[] = {
  { "episode_id", N_("Episode"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_episode },
  { "entry_id", N_("Chronology entry"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_chronology_entry },
};

const CwEntity cw_entity_episode_entry = {
  .table = "episode_entry",
  .label = N_("Entry of an episode"),
  .label_plural = N_("Entries of episodes"),
  .fields = episode_entry_fields,
  .n_fields = G_N_ELEMENTS (episode_entry_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "entry_id",
  .order_by = "t.id",
  .validate = validate_join,
};

/* The learning event */

static const CwField learning_event_fields[] = {
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_event_kinds },
  { "held_on", N_("Date"), CW_FIELD_DATE, 0 },
  { "venue", N_("Venue"), CW_FIELD_TEXT, 0 },
  { "facilitator", N_("Chair or facilitator"), CW_FIELD_TEXT, 0 },
  { "tool", N_("Discussion tool"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_event_tools },
  { "sources", N_("Drawing on"), CW_FIELD_FLAGS, 0, cw_event_sources },
  { "notes", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_learning_event = {
  .table = "learning_event",
  .label = N_("Learning event"),
  .label_plural = N_("Learning events"),
  .fields = learning_event_fields,
  .n_fields = G_N_ELEMENTS (learning_event_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "kind",
  .order_by = "t.held_on, t.id",
  .list_fields = (const char *const[]) { "kind", "held_on", "tool", NULL },
};

static const CwField event_participant_fields[] = {
  { "event_id", N_("Learning event"), CW_FIELD_REF,
    CW_FIELD_REQUIRED | CW_FIELD_HIDDEN | CW_FIELD_CASCADE, NULL, &cw_entity_learning_event },
  { "member_id", N_("Practitioner"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_member, N_("From the case group (People & agencies)") },
  { "role_at_time", N_("Role in the period under review"), CW_FIELD_TEXT, 0 },
  { "accuracy_confirmed_on", N_("Confirmed the notes are accurate on"), CW_FIELD_DATE, 0 },
};

const CwEntity cw_entity_event_participant = {
  .table = "event_participant",
  .label = N_("Participant"),
  .label_plural = N_("Participants"),
  .fields = event_participant_fields,
  .n_fields = G_N_ELEMENTS (event_participant_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "member_id",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "member_id", "role_at_time", NULL },
  .validate = validate_join,
};

/* Participants' accounts and hypotheses are internal: the report check
 * (issue 13) keeps every note out of publishable documents. */
static const CwField event_note_fields[] = {
  { "event_id", N_("Learning event"), CW_FIELD_REF,
    CW_FIELD_REQUIRED | CW_FIELD_HIDDEN | CW_FIELD_CASCADE, NULL, &cw_entity_learning_event },
  { "participant_id", N_("Participant"), CW_FIELD_REF, CW_FIELD_HIDDEN | CW_FIELD_CASCADE, NULL,
    &cw_entity_event_participant },
  { "prompt", N_("Prompt"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_event_prompts },
  { "text", N_("Notes"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_event_note = {
  .table = "event_note",
  .label = N_("Note of the learning event"),
  .label_plural = N_("Notes of the learning event"),
  .fields = event_note_fields,
  .n_fields = G_N_ELEMENTS (event_note_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "prompt",
  .order_by = "t.id",
  .validate = validate_join,
};

/* Contributory factors */

/* The kind and the episode are the part "placing": the Analysis section
 * sets them with its chips and the episode selected, and its form shows
 * the rest. */
static const CwField factor_fields[] = {
  { "category", N_("Kind of factor"), CW_FIELD_REF, CW_FIELD_REQUIRED, NULL,
    &cw_entity_factor_category, NULL, "placing" },
  { "other_text", N_("In your own words"), CW_FIELD_TEXT, 0 },
  { "direction", N_("Effect"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_factor_directions },
  { "level", N_("Level"), CW_FIELD_CHOICE, 0, cw_factor_levels },
  { "episode_id", N_("When: episode"), CW_FIELD_REF, CW_FIELD_CASCADE, NULL, &cw_entity_episode,
    NULL, "placing" },
  { "happened_on", N_("When: date"), CW_FIELD_DATE, 0 },
  { "why", N_("Why"), CW_FIELD_LONG_TEXT, 0 },
  { "agency_id", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency },
  { "root_cause", N_("A root cause"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_yes_no },
  { "causal_link", N_("How it led to what happened"), CW_FIELD_LONG_TEXT, 0 },
  { "evidence", N_("Evidence"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_factor = {
  .table = "factor",
  .label = N_("Contributory factor"),
  .label_plural = N_("Contributory factors"),
  .fields = factor_fields,
  .n_fields = G_N_ELEMENTS (factor_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "category",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "category", "direction", NULL },
  .validate = validate_join,
};

/* Findings. A status is in the part "status": the app offers the moves
 * the rules allow, not a generic form's list of every status. */

static const CwField finding_fields[] = {
  { "position", N_("Position"), CW_FIELD_INT, CW_FIELD_READONLY | CW_FIELD_HIDDEN },
  { "statement", N_("Finding"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("The learning, in plain English") },
  { "kind", N_("Kind"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_finding_kinds },
  { "scope", N_("Scope"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_finding_scopes },
  { "transferable", N_("Transferable learning"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_yes_no },
  { "status", N_("Status"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_finding_statuses, NULL,
    N_("One step forward at a time, or one back"), "status" },
  { "agreed_by", N_("Agreed by"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
  { "agreed_on", N_("Agreed on"), CW_FIELD_DATE, 0 },
  { "without_evidence", N_("Why it stands without evidence"), CW_FIELD_LONG_TEXT, 0, NULL, NULL,
    N_("Only for a finding agreed with no episode, factor or entry behind it") },
};

const CwEntity cw_entity_finding = {
  .table = "finding",
  .label = N_("Finding"),
  .label_plural = N_("Findings"),
  .fields = finding_fields,
  .n_fields = G_N_ELEMENTS (finding_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "statement",
  .order_by = "t.position, t.id",
  .list_fields = (const char *const[]) { "statement", "kind", "status", NULL },
  .validate = cw_analysis_validate_finding,
};

static const CwField finding_evidence_fields[] = {
  { "finding_id", N_("Finding"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_finding },
  { "episode_id", N_("Episode"), CW_FIELD_REF, CW_FIELD_CASCADE, NULL, &cw_entity_episode },
  { "factor_id", N_("Contributory factor"), CW_FIELD_REF, CW_FIELD_CASCADE, NULL,
    &cw_entity_factor },
  { "entry_id", N_("Chronology entry"), CW_FIELD_REF, CW_FIELD_CASCADE, NULL,
    &cw_entity_chronology_entry },
  { "kind", N_("Kind of evidence"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_evidence_kinds },
  { "note", N_("Note"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_finding_evidence = {
  .table = "finding_evidence",
  .label = N_("Evidence of a finding"),
  .label_plural = N_("Evidence of findings"),
  .fields = finding_evidence_fields,
  .n_fields = G_N_ELEMENTS (finding_evidence_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "kind",
  .order_by = "t.id",
  .validate = cw_analysis_validate_evidence,
};

static const CwField finding_theme_fields[] = {
  { "finding_id", N_("Finding"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_finding },
  { "theme_id", N_("Theme"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_theme },
};

const CwEntity cw_entity_finding_theme = {
  .table = "finding_theme",
  .label = N_("Theme of a finding"),
  .label_plural = N_("Themes of findings"),
  .fields = finding_theme_fields,
  .n_fields = G_N_ELEMENTS (finding_theme_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "theme_id",
  .order_by = "t.id",
  .validate = validate_join,
};

/* Urgent issues: internal, never in a publishable document. */

static const CwField urgent_issue_fields[] = {
  { "description", N_("Issue"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED, NULL, NULL,
    N_("An issue specific to the case that needs escalation or urgent action") },
  { "agency_id", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency },
  { "route", N_("Route"), CW_FIELD_CHOICE, 0, cw_urgent_routes },
  { "raised_on", N_("Raised on"), CW_FIELD_DATE, 0 },
  { "action_confirmed", N_("Immediate action confirmed"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED,
    cw_yes_no },
  { "confirmed_on", N_("Confirmed on"), CW_FIELD_DATE, 0 },
};

const CwEntity cw_entity_urgent_issue = {
  .table = "urgent_issue",
  .label = N_("Urgent issue"),
  .label_plural = N_("Urgent issues"),
  .fields = urgent_issue_fields,
  .n_fields = G_N_ELEMENTS (urgent_issue_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "description",
  .order_by = "t.id",
  .list_fields = (const char *const[]) { "description", "route", "action_confirmed", NULL },
  .validate = validate_join,
};

/* Recommendations */

static const CwField recommendation_fields[] = {
  { "position", N_("Position"), CW_FIELD_INT, CW_FIELD_READONLY | CW_FIELD_HIDDEN },
  { "text", N_("Recommendation"), CW_FIELD_LONG_TEXT, CW_FIELD_REQUIRED },
  { "scope", N_("For"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_recommendation_scopes },
  { "agency_id", N_("Agency"), CW_FIELD_REF, 0, NULL, &cw_entity_agency,
    N_("The agency a single-agency recommendation is for") },
  { "addressed_to", N_("Addressed to"), CW_FIELD_REF, 0, NULL, &cw_entity_body },
  { "transferable", N_("Transferable learning"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_yes_no },
  { "status", N_("Status"), CW_FIELD_CHOICE, CW_FIELD_REQUIRED, cw_recommendation_statuses,
    NULL, N_("One step forward at a time, or one back"), "status" },
  { "response", N_("Response of the partnership"), CW_FIELD_LONG_TEXT, 0 },
};

const CwEntity cw_entity_recommendation = {
  .table = "recommendation",
  .label = N_("Recommendation"),
  .label_plural = N_("Recommendations"),
  .fields = recommendation_fields,
  .n_fields = G_N_ELEMENTS (recommendation_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "text",
  .order_by = "t.position, t.id",
  .list_fields = (const char *const[]) { "text", "scope", "status", NULL },
  .validate = cw_analysis_validate_recommendation,
};

static const CwField recommendation_finding_fields[] = {
  { "recommendation_id", N_("Recommendation"), CW_FIELD_REF,
    CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL, &cw_entity_recommendation },
  { "finding_id", N_("Finding"), CW_FIELD_REF, CW_FIELD_REQUIRED | CW_FIELD_CASCADE, NULL,
    &cw_entity_finding },
};

const CwEntity cw_entity_recommendation_finding = {
  .table = "recommendation_finding",
  .label = N_("Finding behind a recommendation"),
  .label_plural = N_("Findings behind recommendations"),
  .fields = recommendation_finding_fields,
  .n_fields = G_N_ELEMENTS (recommendation_finding_fields),
  .parent = &cw_entity_review,
  .key_column = "id",
  .label_field = "finding_id",
  .order_by = "t.id",
  .validate = validate_join,
};

/* Every reference of a review's row to another review's row is refused:
 * an episode covers entries of its own review only. */
static gboolean
validate_join (CwStore         *store,
               const CwEntity  *entity,
               CwRecord        *row,
               const CwField   *changed,
               GError         **error)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CwField *field = &entity->fields[i];

      if (field->type != CW_FIELD_REF || field->ref->parent != &cw_entity_review)
        continue;
      if (changed != NULL && changed != field)
        continue;
      if (!cw_analysis_check_same_review (store, row, field->name, field->ref, error))
        return FALSE;
    }
  return TRUE;
}

static const CwEntity *const analysis_entities[] = {
  &cw_entity_body, &cw_entity_theme, &cw_entity_factor_category, &cw_entity_episode,
  &cw_entity_episode_entry, &cw_entity_learning_event, &cw_entity_event_participant,
  &cw_entity_event_note, &cw_entity_factor, &cw_entity_finding, &cw_entity_finding_evidence,
  &cw_entity_finding_theme, &cw_entity_urgent_issue, &cw_entity_recommendation,
  &cw_entity_recommendation_finding, NULL,
};

const CwDomain cw_analysis_domain = {
  .name = "analysis",
  .entities = analysis_entities,
};

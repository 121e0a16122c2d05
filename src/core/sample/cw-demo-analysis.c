/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-actions.h"
#include "cw-analysis.h"
#include "cw-demo-private.h"
#include "cw-register-entities.h"

/* The sample review's analysis: four key practice episodes over its
 * chronology, the learning event with the practitioners of the case group
 * and some of their notes, eight contributory factors, five findings (good
 * practice among them), four recommendations, themes and an urgent issue.
 * Fictional, like everything in the sample; rows of the returns are named
 * as data/demo/README.md numbers them. */

typedef struct
{
  const char *file;
  guint       row;
} Row;

typedef struct
{
  const char *title, *why_critical, *decisions, *missed, *view, *usual, *analysis;
  Row         rows[8];
} DemoEpisode;

#define CSC "childrens-social-care.csv"
#define POLICE "police.csv"
#define HV "community-health-visiting.csv"
#define ED "general-hospital.csv"
#define GP "riverside-medical-practice.csv"
#define SCHOOL "northshire-park-primary.csv"

static const DemoEpisode demo_episodes[] = {
  { "Closing Sibling B's child in need plan",
    "The plan closed with the household recorded as Leanne and the two children; four months "
    "later a new partner moved in, and no agency was then working with the family.",
    "Final review agreed closure and step-down to universal services; the school to monitor.",
    NULL,
    "Progress had lasted six months; the team had higher-risk cases waiting; nothing said a "
    "partner was about to join the household.",
    "usual",
    "A sound decision on what was known, but the plan did not say what a change in the "
    "household should prompt, or who would notice it.",
    { { CSC, 18 }, { CSC, 19 }, { HV, 14 }, { SCHOOL, 9 }, { HV, 15 }, { GP, 13 } } },
  { "Domestic abuse in the household, May and September 2025",
    "Two police call-outs told agencies that a partner with a history of domestic abuse was "
    "living with a baby; the information stopped at the school and the MASH.",
    "Standard and then medium risk; no further action for CSC; early help offered by phone "
    "and declined.",
    "Health visiting and the GP, who saw the baby, were never told. Neither MASH screening "
    "asked who was caring for Amelia.",
    "MASH practitioners screened each notification on its own; the health practitioner post "
    "was vacant, so health checks were not done.",
    "deviation",
    "Each notification was handled as a single event; nobody held the history together.",
    { { POLICE, 5 }, { CSC, 21 }, { CSC, 22 }, { SCHOOL, 13 }, { POLICE, 12 }, { CSC, 24 },
      { SCHOOL, 14 }, { CSC, 25 } } },
  { "Amelia's missed one-year review",
    "The only universal contact due in the period was missed and not followed up; the next "
    "sight of Amelia by health visiting was after her admission.",
    "A standard letter to rebook; Amelia added to the monthly \"was not brought\" list.",
    "The procedure (after a second missed contact, discuss with the safeguarding team and "
    "tell the GP) was not followed.",
    "Two vacancies in the team; the list was long and most children on it were well known "
    "to be thriving.",
    "deviation",
    "A child under two who was not brought was treated as a parent who did not attend.",
    { { HV, 17 }, { HV, 18 }, { HV, 19 }, { HV, 20 }, { GP, 18 } } },
  { "Two emergency attendances of a child who was not mobile",
    "A bruise to the forehead and a burn to the hand of a child not yet crawling were each "
    "seen on their own; neither reached the GP or health visiting.",
    "Head injury advice; a burns dressing clinic; discharged home both times.",
    "The bruising protocol for non-mobile children was not applied; the liaison list missed "
    "both attendances.",
    "The explanations fitted the injuries as told; the department was busy; the electronic "
    "liaison flag was not set.",
    "deviation",
    "The pattern was visible only to someone who could see both attendances and the "
    "household's history together.",
    { { ED, 9 }, { ED, 10 }, { ED, 11 }, { ED, 12 }, { ED, 13 }, { SCHOOL, 17 } } },
};

typedef struct
{
  const char *category, *direction, *level, *why, *root_cause, *causal_link, *agency;
  int         episode; /* 1-based; 0 for none */
} DemoFactor;

static const DemoFactor demo_factors[] = {
  { "inter-agency", "hindering", "organisation",
    "Police notifications go to the school and CSC; nothing sends them to health visiting or "
    "the GP.", "yes",
    "The practitioners seeing the youngest child did not know about domestic abuse at home.",
    "Northshire Children's Social Care", 2 },
  { "conditions", "hindering", "management",
    "The MASH health practitioner post was vacant, so health checks were not made.", "no",
    NULL, "Northshire Children's Social Care", 2 },
  { "conditions", "hindering", "management",
    "Two health visitor vacancies; the \"was not brought\" list was not worked.", "no", NULL,
    "Northshire Community Health (health visiting)", 3 },
  { "culture", "hindering", "organisation",
    "\"Was not brought\" treated as a parent's choice rather than a risk to the child.", "yes",
    "A missed review of a child under two did not prompt anyone to ask who was caring for her.",
    "Northshire Community Health (health visiting)", 3 },
  { "role", "hindering", "front-line",
    "The bruising protocol was not applied to a child who could not yet crawl.", "no", NULL,
    "Northshire General Hospital (emergency department)", 4 },
  { "culture", "hindering", "organisation",
    "The liaison list is built from an electronic flag; a paper form cannot reach it.", "yes",
    "Neither attendance reached the GP or health visiting.",
    "Northshire General Hospital (emergency department)", 4 },
  { "team", "enabling", "front-line",
    "The school's designated safeguarding lead logged what Mason said and checked in with "
    "him weekly.", "no", NULL, "Northshire Park Primary School", 2 },
  { "family", "hindering", "front-line",
    "Leanne declined early help and did not say the partner had moved back.", "no", NULL,
    NULL, 2 },
};

typedef struct
{
  const char *statement, *kind, *scope, *transferable, *status, *themes[3];
  int         episodes[2], factors[3];
  Row         entry;
} DemoFinding;

static const DemoFinding demo_findings[] = {
  { "Information about domestic abuse in the household did not reach the health "
    "practitioners who were seeing the youngest child.",
    "improvement", "wider", "yes", "agreed", { "Domestic abuse", "Information sharing" },
    { 2 }, { 1, 2 } },
  { "A missed one-year review of a child under two was not followed up, and nobody asked "
    "who was now caring for her.",
    "improvement", "wider", "yes", "accuracy-check", { "Voice of the child" }, { 3 }, { 3, 4 } },
  { "Two emergency attendances of a child who was not mobile were not seen as a pattern, "
    "and the bruising protocol was not applied.",
    "improvement", "wider", "yes", "agreed", { "Professional curiosity" }, { 4 }, { 5, 6 } },
  { "The school listened to Mason and recorded what he said about home; its records were the "
    "fullest account of the household.",
    "good-practice", "case", "yes", "agreed", { "Voice of the child" }, { 0 }, { 7 },
    { SCHOOL, 16 } },
  { "The child in need plan closed without saying what a change in the household should "
    "prompt.",
    "improvement", "case", "no", "draft", { "Assessment and planning" }, { 1 }, { 0 } },
};

typedef struct
{
  const char *text, *scope, *agency, *body, *status;
  int         findings[2];
} DemoRecommendation;

static const DemoRecommendation demo_recommendations[] = {
  { "The partnership should make sure that police notifications of domestic abuse in a "
    "household with a child under five are shared with health visiting and the GP.",
    "multi", NULL, "Safeguarding partnership board", "agreed", { 1 } },
  { "Northshire Community Health should review its \"was not brought\" procedure so that a "
    "missed review of a child under two is followed up within four weeks.",
    "single", "Northshire Community Health (health visiting)", "Case review subgroup",
    "proposed", { 2 } },
  { "Northshire General Hospital should include every attendance of a child under two in "
    "its liaison list, and audit the use of the bruising protocol for non-mobile children.",
    "single", "Northshire General Hospital (emergency department)", "Case review subgroup",
    "agreed", { 3 } },
  { "Child in need plans that close should say what a change in the household means and who "
    "will notice it.",
    "multi", NULL, "Business group", "proposed", { 5 } },
};

/* Who spoke at the learning event, and a note or two of theirs. */
typedef struct
{
  const char *member, *role, *prompt, *text;
} DemoNote;

static const DemoNote demo_notes[] = {
  { "Claire Dunn", "Health visitor for Amelia", "episodes",
    "The missed review was one of many that month; I did not know about the police call-outs." },
  { "Claire Dunn", NULL, "mindset",
    "With two vacancies we prioritised the children on plans. Amelia had been thriving at every "
    "contact." },
  { "Aisha Khan", "Social worker for Sibling B, 2024", "episodes",
    "Closing the plan felt right: six months of progress and Leanne engaging with her GP." },
  { "Gareth Lewis", "Designated safeguarding lead", "went-well",
    "Weekly check-ins gave Mason someone to tell; we logged everything he said." },
  { "PC Laura Benn", "Response officer, both call-outs", "factors",
    "At the first call-out both adults said it was an argument about money; the DASH was "
    "standard." },
  { "Dr Simon Achebe", "Emergency department registrar", "changes",
    "A prompt on the record for any injury in a child under one who is not mobile." },
};

static gint64
id_of (GPtrArray *ids,
       int        number)
{
  return number > 0 && (guint) number <= ids->len
           ? GPOINTER_TO_SIZE (ids->pdata[number - 1]) : 0;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
update (CwStore        *self,
        const CwEntity *entity,
        gint64          id,
        const char     *field,
        const char     *value,
        GError        **error)
{
  return value == NULL || cw_store_update (self, entity, id, field, value, error);
}

static gboolean
add_episodes (CwStore    *self,
              gint64      review,
              GPtrArray  *ids,
              GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_episodes); i++)
    {
      const DemoEpisode *e = &demo_episodes[i];
      g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 id;

      for (guint j = 0; j < G_N_ELEMENTS (e->rows) && e->rows[j].file; j++)
        {
          gint64 entry = cw_demo_entry_at (self, review, e->rows[j].file, e->rows[j].row);
          g_array_append_val (entries, entry);
        }
      id = cw_analysis_add_episode (self, review, e->title, (gint64 *) (gpointer) entries->data,
                                    entries->len, error);
      if (id == 0
          || !update (self, &cw_entity_episode, id, "why_critical", e->why_critical, error)
          || !update (self, &cw_entity_episode, id, "key_decisions", e->decisions, error)
          || !update (self, &cw_entity_episode, id, "missed_opportunity", e->missed ? "yes" : "no",
                      error)
          || !update (self, &cw_entity_episode, id, "missed_opportunity_text", e->missed, error)
          || !update (self, &cw_entity_episode, id, "local_rationality", e->view, error)
          || !update (self, &cw_entity_episode, id, "usual_practice", e->usual, error)
          || !update (self, &cw_entity_episode, id, "analysis", e->analysis, error))
        return FALSE;
      g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static const char *
agency_id (GHashTable *agency_ids,
           const char *name)
{
  return name ? g_hash_table_lookup (agency_ids, name) : NULL;
}

static gboolean
add_factors (CwStore    *self,
             gint64      review,
             GPtrArray  *episodes,
             GHashTable *agency_ids,
             GPtrArray  *ids,
             GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_factors); i++)
    {
      const DemoFactor *f = &demo_factors[i];
      g_autofree char *episode = id_text (id_of (episodes, f->episode));
      const char *pairs[] = { "category", f->category, "direction", f->direction, "level", f->level,
                              "why", f->why, "root_cause", f->root_cause,
                              "causal_link", f->causal_link, "episode_id", episode,
                              "agency_id", agency_id (agency_ids, f->agency), NULL };
      gint64 id = cw_store_insert (self, &cw_entity_factor, review, pairs, error);

      if (id == 0)
        return FALSE;
      g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static gboolean
add_evidence (CwStore     *self,
              gint64       review,
              gint64       finding,
              const char  *target,
              gint64       target_id,
              const char  *kind,
              GError     **error)
{
  g_autofree char *f = id_text (finding);
  g_autofree char *t = id_text (target_id);
  const char *pairs[] = { "finding_id", f, target, t, "kind", kind, NULL };

  return target_id == 0 || cw_store_insert (self, &cw_entity_finding_evidence, review, pairs,
                                            error) != 0;
}

static gint64
find_named (CwStore        *self,
            const CwEntity *entity,
            const char     *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE name = ? AND deleted = 0",
                                          entity->table);
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
add_themes (CwStore            *self,
            gint64              review,
            gint64              finding,
            const char *const  *themes,
            GError            **error)
{
  for (guint i = 0; i < 3 && themes[i] != NULL; i++)
    {
      g_autofree char *f = id_text (finding);
      g_autofree char *t = id_text (find_named (self, &cw_entity_theme, themes[i]));
      const char *pairs[] = { "finding_id", f, "theme_id", t, NULL };

      if (cw_store_insert (self, &cw_entity_finding_theme, review, pairs, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_findings (CwStore    *self,
              gint64      review,
              GPtrArray  *episodes,
              GPtrArray  *factors,
              GPtrArray  *ids,
              GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_findings); i++)
    {
      const DemoFinding *d = &demo_findings[i];
      gint64 id = cw_analysis_add_finding (self, review, d->statement, d->kind, error);

      if (id == 0 || !update (self, &cw_entity_finding, id, "scope", d->scope, error)
          || !update (self, &cw_entity_finding, id, "transferable", d->transferable, error)
          || !add_themes (self, review, id, d->themes, error))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (d->episodes); j++)
        if (!add_evidence (self, review, id, "episode_id", id_of (episodes, d->episodes[j]),
                           "case-evidence", error))
          return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (d->factors); j++)
        if (!add_evidence (self, review, id, "factor_id", id_of (factors, d->factors[j]),
                           "staff-experience", error))
          return FALSE;
      if (d->entry.file != NULL
          && !add_evidence (self, review, id, "entry_id",
                            cw_demo_entry_at (self, review, d->entry.file, d->entry.row),
                            "case-evidence", error))
        return FALSE;
      if (!cw_analysis_move_status (self, &cw_entity_finding, id, d->status, error))
        return FALSE;
      g_ptr_array_add (ids, GSIZE_TO_POINTER ((gsize) id));
    }
  return TRUE;
}

static gboolean
add_recommendations (CwStore    *self,
                     gint64      review,
                     GPtrArray  *findings,
                     GHashTable *agency_ids,
                     GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_recommendations); i++)
    {
      const DemoRecommendation *d = &demo_recommendations[i];
      gint64 id = cw_analysis_add_recommendation (self, review, d->text, error);
      g_autofree char *body = id_text (find_named (self, &cw_entity_body, d->body));

      if (id == 0 || !update (self, &cw_entity_recommendation, id, "scope", d->scope, error)
          || !update (self, &cw_entity_recommendation, id, "agency_id",
                      agency_id (agency_ids, d->agency), error)
          || !update (self, &cw_entity_recommendation, id, "addressed_to", body, error)
          || !update (self, &cw_entity_recommendation, id, "transferable", "yes", error))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (d->findings) && d->findings[j] > 0; j++)
        {
          g_autofree char *r = id_text (id);
          g_autofree char *f = id_text (id_of (findings, d->findings[j]));
          const char *pairs[] = { "recommendation_id", r, "finding_id", f, NULL };

          if (cw_store_insert (self, &cw_entity_recommendation_finding, review, pairs,
                               error) == 0)
            return FALSE;
        }
      if (!cw_analysis_move_status (self, &cw_entity_recommendation, id, d->status, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
member_id (CwStore    *self,
           gint64      review,
           const char *name)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, "SELECT id FROM member WHERE review_id = ?"
                                               " AND name = ? AND deleted = 0", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, review);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
add_learning_event (CwStore      *self,
                    gint64        review,
                    const GDate  *today,
                    GError      **error)
{
  g_autofree char *held = cw_demo_iso_days_from (today, -14);
  const char *event_pairs[] = { "kind", "workshop", "held_on", held, "venue",
                                "Northshire Civic Centre", "facilitator", "Dr Helen Marsh",
                                "tool", "falkirk", "sources",
                                "staff-experience,performance-data,research", NULL };
  g_autoptr (GHashTable) participants = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               g_free);
  gint64 event = cw_store_insert (self, &cw_entity_learning_event, review, event_pairs, error);
  g_autofree char *event_id = id_text (event);

  if (event == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_notes); i++)
    {
      const DemoNote *n = &demo_notes[i];
      char *participant = g_hash_table_lookup (participants, n->member);
      const char *note[] = { "event_id", event_id, "participant_id", NULL, "prompt", n->prompt,
                             "text", n->text, NULL };

      if (participant == NULL)
        {
          g_autofree char *member = id_text (member_id (self, review, n->member));
          const char *pairs[] = { "event_id", event_id, "member_id", member,
                                  "role_at_time", n->role, NULL };
          gint64 id = cw_store_insert (self, &cw_entity_event_participant, review, pairs, error);

          if (id == 0)
            return FALSE;
          participant = id_text (id);
          g_hash_table_insert (participants, (gpointer) n->member, participant);
        }
      note[3] = participant;
      if (cw_store_insert (self, &cw_entity_event_note, review, note, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_urgent_issue (CwStore     *self,
                  gint64       review,
                  GHashTable  *agency_ids,
                  const GDate *today,
                  GError     **error)
{
  g_autofree char *raised = cw_demo_iso_days_from (today, -14);
  g_autofree char *confirmed = cw_demo_iso_days_from (today, -12);
  const char *pairs[] = {
    "description", "The emergency department's liaison list misses attendances whose "
                   "electronic flag is not set; children's attendances may still be missed.",
    "agency_id", agency_id (agency_ids, "Northshire General Hospital (emergency department)"),
    "route", "managerial", "raised_on", raised, "action_confirmed", "yes",
    "confirmed_on", confirmed, NULL };

  return cw_store_insert (self, &cw_entity_urgent_issue, review, pairs, error) != 0;
}

/* The action plan: what the agencies said they would do about the two
 * agreed recommendations, and how far they have got. */
typedef struct
{
  int         recommendation;
  const char *description, *agency, *person, *measure, *audit, *status, *update;
  int         due; /* days from today */
} DemoAction;

static const DemoAction demo_actions[] = {
  { 1, "Add health visiting and the GP to the recipients of every police domestic abuse "
       "notification where a child under five lives in the household.",
    "Northshire Police", "MASH detective sergeant",
    "Every notification about a household with a child under five reaches health within two "
    "working days", "Monthly dip sample of 20 notifications by the MASH health practitioner",
    "in-progress", "Recipients agreed with health; the system change is booked.", -6 },
  { 1, "Fill the MASH health practitioner post, and cover it while vacant.",
    "Northshire Community Health (health visiting)", "Head of safeguarding",
    "Health checks made for every notification screened", NULL, "completed",
    "Post filled from 1 November; cover rota in place.", -20 },
  { 3, "Build the paediatric liaison list from every attendance of a child under two, not from "
       "the electronic flag.",
    "Northshire General Hospital (emergency department)", "Paediatric liaison nurse",
    "No attendance of a child under two missing from the list in a quarterly audit",
    "Quarterly audit against the department's attendance records", "not-started", NULL, 21 },
  { 3, "Train emergency department staff in the bruising protocol for children who are not "
       "mobile, and add a prompt to the record.",
    "Northshire General Hospital (emergency department)", "Named nurse",
    "The protocol followed in every case in the six-monthly audit", NULL, "not-started", NULL,
    75 },
};

static gint64
recommendation_numbered (CwStore  *self,
                         gint64    review,
                         int       number)
{
  g_autoptr (GPtrArray) all = cw_analysis_list_recommendations (self, review, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (((CwRecommendation *) all->pdata[i])->position == number)
      return ((CwRecommendation *) all->pdata[i])->id;
  return 0;
}

static gboolean
add_actions (CwStore      *self,
             gint64        review,
             GHashTable   *agency_ids,
             const GDate  *today,
             GError      **error)
{
  gint64 plan = cw_actions_ensure_plan (self, review, error);
  g_autofree char *owner = id_text (find_named (self, &cw_entity_body, "Case review subgroup"));
  g_autofree char *via = id_text (find_named (self, &cw_entity_body, "Business group"));
  g_autofree char *monitor = id_text (find_named (self, &cw_entity_body,
                                                  "Performance and quality assurance subgroup"));

  if (plan == 0
      || !cw_store_update (self, &cw_entity_action_plan, plan, "owner_body", owner, error)
      || !cw_store_update (self, &cw_entity_action_plan, plan, "via_body", via, error)
      || !cw_store_update (self, &cw_entity_action_plan, plan, "monitoring_body", monitor, error)
      || !cw_store_update (self, &cw_entity_action_plan, plan, "monitoring_process",
                           "Quarterly report to the subgroup; embedding checked by audit six "
                           "months after each action is completed.", error)
      || !cw_store_update (self, &cw_entity_action_plan, plan, "status", "agreed", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *d = &demo_actions[i];
      g_autofree char *due = cw_demo_iso_days_from (today, d->due);
      g_autofree char *updated = cw_demo_iso_days_from (today, -3);
      gint64 id = cw_actions_add (self, recommendation_numbered (self, review, d->recommendation),
                                  d->description, error);

      if (id == 0
          || !update (self, &cw_entity_action, id, "owner_agency",
                      agency_id (agency_ids, d->agency), error)
          || !update (self, &cw_entity_action, id, "owner_person", d->person, error)
          || !update (self, &cw_entity_action, id, "due_on", due, error)
          || !update (self, &cw_entity_action, id, "impact_measure", d->measure, error)
          || !update (self, &cw_entity_action, id, "audit_method", d->audit, error)
          || (d->update != NULL
              && cw_actions_add_update (self, id, updated, d->person, d->status, d->update,
                                        error) == 0))
        return FALSE;
    }
  return TRUE;
}

/**
 * cw_demo_add_analysis:
 *
 * Adds the sample's analysis to its review, whose chronology is in place.
 */
gboolean
cw_demo_add_analysis (CwStore      *self,
                      gint64        review,
                      const GDate  *today,
                      GError      **error)
{
  g_autoptr (GPtrArray) episodes = g_ptr_array_new ();
  g_autoptr (GPtrArray) factors = g_ptr_array_new ();
  g_autoptr (GPtrArray) findings = g_ptr_array_new ();
  g_autoptr (GHashTable) agency_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             g_free);
  sqlite3_stmt *stmt = cw_store_prepare (self, "SELECT a.name, a.id FROM review_agency ra"
                                               " JOIN agency a ON a.id = ra.agency_id"
                                               " WHERE ra.review_id = ? AND ra.deleted = 0",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (agency_ids, cw_store_column_text (stmt, 0),
                         cw_store_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return add_episodes (self, review, episodes, error)
         && add_factors (self, review, episodes, agency_ids, factors, error)
         && add_findings (self, review, episodes, factors, findings, error)
         && add_recommendations (self, review, findings, agency_ids, error)
         && add_learning_event (self, review, today, error)
         && add_urgent_issue (self, review, agency_ids, today, error)
         && add_actions (self, review, agency_ids, today, error);
}

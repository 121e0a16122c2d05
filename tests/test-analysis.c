/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-analysis.h"
#include "cw-chronology-entities.h"
#include "cw-core.h"
#include "cw-register-entities.h"
#include "cw-store-private.h"
#include "test-helpers.h"

/* The analysis: episodes over chronology entries, the rules of findings and
 * recommendations, their order, evidence, and the trace from a
 * recommendation back to the entries and from an entry forward. */

typedef struct
{
  Fixture base;
  gint64  review;
  gint64  other_review;
  gint64  police;
  gint64  health;
  gint64  entries[4];     /* police 3 Apr, health 10 Apr, police May 2025, health c. June */
  gint64  other_entry;    /* of the other review */
} Analysis;

static gint64
add_agency (CwStore    *store,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  const char *pairs[] = { "name", name, NULL };
  gint64 id = cw_store_insert (store, &cw_entity_agency, 0, pairs, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_entry (CwStore    *store,
           gint64      review,
           gint64      agency,
           const char *date,
           const char *source)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *agency_id = g_strdup_printf ("%" G_GINT64_FORMAT, agency);
  const char *pairs[] = { "agency_id", agency_id, "start_date", date, "source", source,
                          "description", "Home visit", "significance", "routine", NULL };
  gint64 id = cw_store_insert (store, &cw_entity_chronology_entry, review, pairs, &error);

  g_assert_no_error (error);
  return id;
}

static void
analysis_set_up (Analysis      *a,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  GDate today = date_of ("2026-11-23");
  CwStore *store;

  fixture_set_up (&a->base, data);
  store = a->base.store;
  one = cw_store_create_review (store, "cspr", "Review", "Child T", &today, &a->review, &error);
  g_assert_no_error (error);
  two = cw_store_create_review (store, "learning", "Other", "Child U", &today, &a->other_review,
                                &error);
  g_assert_no_error (error);
  a->police = add_agency (store, "Northshire Police");
  a->health = add_agency (store, "Northshire Community Health");
  a->entries[0] = add_entry (store, a->review, a->police, "3/4/2025", "CAD 100");
  a->entries[1] = add_entry (store, a->review, a->health, "10/4/2025", "HV 1");
  a->entries[2] = add_entry (store, a->review, a->police, "May 2025", "CAD 200");
  a->entries[3] = add_entry (store, a->review, a->health, "c. June 2025", "HV 2");
  a->other_entry = add_entry (store, a->other_review, a->police, "1/1/2025", "CAD 9");
}

static void
analysis_tear_down (Analysis      *a,
                    gconstpointer  data)
{
  fixture_tear_down (&a->base, data);
}

static gint64
sql_int (CwStore    *store,
         const char *sql)
{
  g_autofree char *text = cw_store_text_for_id (store, sql, 0);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
test_shared_lists_seeded (Analysis      *a,
                          gconstpointer  data)
{
  CwStore *store = a->base.store;

  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM factor_category"), ==, 9);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM factor_category WHERE slug = 'other'"
                                   " AND position = 9"), ==, 1);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM body"), >=, 5);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM theme"), >=, 10);
}

static void
test_episode_from_entries (Analysis      *a,
                           gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (GArray) covered = NULL;
  gint64 first, second;
  CwEpisode *e;

  first = cw_analysis_add_episode (store, a->review, "Call-out and visit", a->entries, 2, &error);
  g_assert_no_error (error);
  second = cw_analysis_add_episode (store, a->review, "Summer", a->entries + 2, 2, &error);
  g_assert_no_error (error);
  /* Adding an entry it covers already changes nothing. */
  g_assert_true (cw_analysis_add_episode_entries (store, first, a->entries, 1, &error));
  g_assert_no_error (error);

  episodes = cw_analysis_list_episodes (store, a->review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 2);
  e = episodes->pdata[0];
  g_assert_cmpint (e->id, ==, first);
  g_assert_cmpint (e->number, ==, 1);
  g_assert_cmpuint (e->n_entries, ==, 2);
  g_assert_cmpstr (e->first_day, ==, "2025-04-03");
  g_assert_cmpstr (e->last_day, ==, "2025-04-10");
  g_assert_cmpstr (e->agencies, ==, "Northshire Community Health; Northshire Police");
  e = episodes->pdata[1];
  g_assert_cmpint (e->id, ==, second);
  g_assert_cmpint (e->number, ==, 2);
  /* May 2025 to c. June 2025: the approximate date widens its range. */
  g_assert_cmpstr (e->first_day, ==, "2025-05-01");
  g_assert_cmpstr (e->last_day, >, "2025-06-30");

  covered = cw_analysis_get_episode_entries (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (covered->len, ==, 2);
  g_assert_cmpint (g_array_index (covered, gint64, 0), ==, a->entries[0]);
}

static void
test_episode_dates (Analysis      *a,
                    gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  const char *backwards[] = { "title", "Backwards", "number", "9", "missed_opportunity", "no",
                              "start_date", "5/5/2025", "end_date", "1/5/2025", NULL };
  gint64 id = cw_analysis_add_episode (store, a->review, "Spring", a->entries, 2, &error);
  CwEpisode *e;

  g_assert_no_error (error);
  /* Dates given win over the entries'. */
  g_assert_true (cw_store_update (store, &cw_entity_episode, id, "start_date", "March 2025",
                                  &error));
  g_assert_no_error (error);
  episodes = cw_analysis_list_episodes (store, a->review, &error);
  e = episodes->pdata[0];
  g_assert_cmpstr (e->first_day, ==, "2025-03-01");
  g_assert_cmpstr (e->last_day, ==, "2025-04-10");
  /* An episode cannot end before it starts: on update and on insert. */
  g_assert_false (cw_store_update (store, &cw_entity_episode, id, "end_date", "1/2/2025",
                                   &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cw_store_insert (store, &cw_entity_episode, a->review, backwards, &error), ==,
                   0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_rows_of_one_review (Analysis      *a,
                         gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_analysis_add_episode (store, a->review, "Mine", NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_false (cw_analysis_add_episode_entries (store, id, &a->other_entry, 1, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "another review"));
  g_clear_error (&error);
  /* All of it or nothing. */
  {
    gint64 mixed[] = { a->entries[0], a->other_entry };

    g_assert_false (cw_analysis_add_episode_entries (store, id, mixed, 2, &error));
    g_assert_nonnull (error);
  }
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM episode_entry"), ==, 0);
}

/* An entry an episode covers can still be deleted: the episode loses it
 * while it is deleted, and has it back on undo. */
static void
test_deleted_entry_leaves_episode (Analysis      *a,
                                   gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) covered = NULL;
  gint64 id = cw_analysis_add_episode (store, a->review, "Spring", a->entries, 2, &error);

  g_assert_no_error (error);
  g_assert_true (cw_store_delete (store, &cw_entity_chronology_entry, a->entries[1], &error));
  g_assert_no_error (error);
  covered = cw_analysis_get_episode_entries (store, id, &error);
  g_assert_cmpuint (covered->len, ==, 1);
  g_clear_pointer (&covered, g_array_unref);
  g_assert_true (cw_store_undelete (store, &cw_entity_chronology_entry, a->entries[1], &error));
  covered = cw_analysis_get_episode_entries (store, id, &error);
  g_assert_cmpuint (covered->len, ==, 2);
  /* Purged for good, the link goes with it. */
  g_assert_true (cw_store_delete (store, &cw_entity_chronology_entry, a->entries[1], &error));
  g_assert_true (cw_store_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM episode_entry"), ==, 1);
}

static gint64
add_finding (Analysis   *a,
             const char *statement)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cw_analysis_add_finding (a->base.store, a->review, statement, "improvement",
                                       &error);

  g_assert_no_error (error);
  return id;
}

static void
set_ok (CwStore        *store,
        const CwEntity *entity,
        gint64          id,
        const char     *field,
        const char     *value)
{
  g_autoptr (GError) error = NULL;

  g_test_message ("%s.%s = %s", entity->table, field, value ? value : "(none)");
  g_assert_true (cw_store_update (store, entity, id, field, value, &error));
  g_assert_no_error (error);
}

static void
set_refused (CwStore        *store,
             const CwEntity *entity,
             gint64          id,
             const char     *field,
             const char     *value)
{
  g_autoptr (GError) error = NULL;

  g_test_message ("%s.%s = %s (refused)", entity->table, field, value);
  g_assert_false (cw_store_update (store, entity, id, field, value, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
add_evidence (Analysis   *a,
              gint64      finding,
              const char *target,
              gint64      target_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *f = id_text (finding);
  g_autofree char *t = id_text (target_id);
  const char *pairs[] = { "finding_id", f, target, t, "kind", "case-evidence", NULL };

  g_assert_cmpint (cw_store_insert (a->base.store, &cw_entity_finding_evidence, a->review, pairs,
                                    &error), >, 0);
  g_assert_no_error (error);
}

static void
test_finding_statuses (Analysis      *a,
                       gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 f = add_finding (a, "Information was not shared");
  gint64 g = add_finding (a, "The school noticed");
  const char *agreed[] = { "statement", "Born agreed", "kind", "improvement", "scope", "case",
                           "transferable", "no", "status", "agreed", NULL };

  /* Only one step at a time. */
  set_refused (store, &cw_entity_finding, f, "status", "agreed");
  set_ok (store, &cw_entity_finding, f, "status", "accuracy-check");
  /* Not agreed with no evidence behind it... */
  set_refused (store, &cw_entity_finding, f, "status", "agreed");
  /* ...unless the reviewer says why it stands without. */
  set_ok (store, &cw_entity_finding, f, "without_evidence", "National research on the theme");
  set_ok (store, &cw_entity_finding, f, "status", "agreed");
  set_ok (store, &cw_entity_finding, f, "status", "presented");
  /* One step back, never two. */
  set_refused (store, &cw_entity_finding, f, "status", "accuracy-check");
  set_ok (store, &cw_entity_finding, f, "status", "agreed");
  /* With evidence, no reason is needed. */
  add_evidence (a, g, "entry_id", a->entries[0]);
  set_ok (store, &cw_entity_finding, g, "status", "accuracy-check");
  set_ok (store, &cw_entity_finding, g, "status", "agreed");
  /* A new finding starts as a draft. */
  g_assert_cmpint (cw_store_insert (store, &cw_entity_finding, a->review, agreed, &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_evidence_of_deleted_rows_does_not_count (Analysis      *a,
                                              gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 f = add_finding (a, "Evidence goes");

  add_evidence (a, f, "entry_id", a->entries[2]);
  g_assert_cmpint (cw_analysis_count_evidence (store, f), ==, 1);
  g_assert_true (cw_store_delete (store, &cw_entity_chronology_entry, a->entries[2], &error));
  g_assert_cmpint (cw_analysis_count_evidence (store, f), ==, 0);
  set_ok (store, &cw_entity_finding, f, "status", "accuracy-check");
  set_refused (store, &cw_entity_finding, f, "status", "agreed");
}

static void
test_evidence_points_at_one (Analysis      *a,
                             gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 f = add_finding (a, "Two at once");
  gint64 episode = cw_analysis_add_episode (store, a->review, "E", NULL, 0, &error);
  g_autofree char *fid = id_text (f);
  g_autofree char *eid = id_text (episode);
  g_autofree char *entry = id_text (a->entries[0]);
  g_autofree char *other = id_text (a->other_entry);
  const char *two[] = { "finding_id", fid, "episode_id", eid, "entry_id", entry,
                        "kind", "case-evidence", NULL };
  const char *none[] = { "finding_id", fid, "kind", "research", NULL };
  const char *foreign[] = { "finding_id", fid, "entry_id", other, "kind", "case-evidence", NULL };

  g_assert_cmpint (cw_store_insert (store, &cw_entity_finding_evidence, a->review, two, &error),
                   ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cw_store_insert (store, &cw_entity_finding_evidence, a->review, none, &error),
                   ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cw_store_insert (store, &cw_entity_finding_evidence, a->review, foreign,
                                    &error), ==, 0);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_recommendation_statuses (Analysis      *a,
                              gconstpointer  data)
{
  static const struct
  {
    const char *from;
    const char *to;
    gboolean    allowed;
  } moves[] = {
    { NULL, "proposed", TRUE }, { NULL, "agreed", FALSE },
    { "proposed", "agreed", TRUE }, { "agreed", "proposed", TRUE },
    { "proposed", "action-planned", FALSE }, { "agreed", "action-planned", TRUE },
    { "action-planned", "implemented", TRUE }, { "implemented", "embedded", TRUE },
    { "implemented", "not-sustained", TRUE }, { "not-sustained", "implemented", TRUE },
    { "embedded", "implemented", TRUE }, { "embedded", "not-sustained", FALSE },
    { "not-sustained", "embedded", FALSE }, { "action-planned", "embedded", FALSE },
    { "agreed", "agreed", TRUE }, { "agreed", "nonsense", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_test_message ("%s -> %s", moves[i].from ? moves[i].from : "(new)", moves[i].to);
      g_assert_cmpint (cw_analysis_status_move_allowed (cw_recommendation_statuses,
                                                        moves[i].from, moves[i].to), ==,
                       moves[i].allowed);
    }
}

static void
test_move_status_walks (Analysis      *a,
                        gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) row = NULL;
  gint64 r = cw_analysis_add_recommendation (store, a->review, "Share information", &error);
  gint64 f = add_finding (a, "No evidence yet");

  g_assert_no_error (error);
  g_assert_true (cw_analysis_move_status (store, &cw_entity_recommendation, r, "not-sustained",
                                          &error));
  g_assert_no_error (error);
  row = cw_store_get (store, &cw_entity_recommendation, r, &error);
  g_assert_cmpstr (cw_record_get (row, "status"), ==, "not-sustained");
  g_clear_object (&row);
  g_assert_true (cw_analysis_move_status (store, &cw_entity_recommendation, r, "proposed",
                                          &error));
  row = cw_store_get (store, &cw_entity_recommendation, r, &error);
  g_assert_cmpstr (cw_record_get (row, "status"), ==, "proposed");
  g_clear_object (&row);
  /* A step the rules refuse stops the walk, and nothing of it stays. */
  g_assert_false (cw_analysis_move_status (store, &cw_entity_finding, f, "presented", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  row = cw_store_get (store, &cw_entity_finding, f, NULL);
  g_assert_cmpstr (cw_record_get (row, "status"), ==, "draft");
}

static void
test_order (Analysis      *a,
            gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  gint64 one = add_finding (a, "one"), two = add_finding (a, "two"), three = add_finding (a, "three");

  g_assert_true (cw_analysis_move_to (store, &cw_entity_finding, three, 1, &error));
  g_assert_no_error (error);
  findings = cw_analysis_list_findings (store, a->review, &error);
  g_assert_cmpint (((CwFinding *) findings->pdata[0])->id, ==, three);
  g_assert_cmpint (((CwFinding *) findings->pdata[1])->id, ==, one);
  g_assert_cmpint (((CwFinding *) findings->pdata[2])->id, ==, two);
  g_assert_cmpint (((CwFinding *) findings->pdata[2])->position, ==, 3);
  g_clear_pointer (&findings, g_ptr_array_unref);
  /* Past the end is the end. */
  g_assert_true (cw_analysis_move_to (store, &cw_entity_finding, three, 99, &error));
  findings = cw_analysis_list_findings (store, a->review, &error);
  g_assert_cmpint (((CwFinding *) findings->pdata[2])->id, ==, three);
}

static void
link_recommendation (Analysis *a,
                     gint64    recommendation,
                     gint64    finding)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *r = id_text (recommendation);
  g_autofree char *f = id_text (finding);
  const char *pairs[] = { "recommendation_id", r, "finding_id", f, NULL };

  g_assert_cmpint (cw_store_insert (a->base.store, &cw_entity_recommendation_finding, a->review,
                                    pairs, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_trace (Analysis      *a,
            gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) trace = NULL;
  g_autoptr (GPtrArray) forward = NULL;
  gint64 episode = cw_analysis_add_episode (store, a->review, "Spring", a->entries, 2, &error);
  gint64 evidenced = add_finding (a, "Evidenced");
  gint64 bare = add_finding (a, "Bare");
  gint64 alone = add_finding (a, "Behind no recommendation");
  gint64 r1 = cw_analysis_add_recommendation (store, a->review, "Backed", &error);
  gint64 r2 = cw_analysis_add_recommendation (store, a->review, "Unbacked", &error);
  CwTraceNode *node, *finding, *ep;

  add_evidence (a, evidenced, "episode_id", episode);
  add_evidence (a, alone, "entry_id", a->entries[3]);
  link_recommendation (a, r1, evidenced);
  link_recommendation (a, r1, bare);
  trace = cw_trace_review (store, a->review, &error);
  g_assert_no_error (error);
  /* r1, r2, then the finding behind none. */
  g_assert_cmpuint (trace->len, ==, 3);
  node = trace->pdata[0];
  g_assert_cmpint (node->kind, ==, CW_TRACE_RECOMMENDATION);
  g_assert_cmpint (node->id, ==, r1);
  g_assert_null (node->flag);
  g_assert_cmpuint (node->children->len, ==, 2);
  finding = node->children->pdata[0];
  g_assert_cmpint (finding->id, ==, evidenced);
  g_assert_null (finding->flag);
  ep = finding->children->pdata[0];
  g_assert_cmpint (ep->kind, ==, CW_TRACE_EPISODE);
  g_assert_cmpstr (ep->evidence, ==, "Case evidence");
  g_assert_cmpuint (ep->children->len, ==, 2);
  g_assert_cmpint (((CwTraceNode *) ep->children->pdata[0])->id, ==, a->entries[0]);
  g_assert_nonnull (strstr (((CwTraceNode *) ep->children->pdata[0])->label, "CAD 100"));
  finding = node->children->pdata[1];
  g_assert_cmpint (finding->id, ==, bare);
  g_assert_cmpstr (finding->flag, ==, "No evidence behind it");
  node = trace->pdata[1];
  g_assert_cmpint (node->id, ==, r2);
  g_assert_cmpstr (node->flag, ==, "No finding behind it");
  node = trace->pdata[2];
  g_assert_cmpint (node->kind, ==, CW_TRACE_FINDING);
  g_assert_cmpint (node->id, ==, alone);
  g_assert_cmpuint (cw_trace_count_flags (trace), ==, 2);

  /* From an entry: the episode covering it, the finding it evidences, the
   * recommendation that finding leads to. */
  forward = cw_trace_entry (store, a->review, a->entries[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forward->len, ==, 1);
  node = forward->pdata[0];
  g_assert_cmpint (node->kind, ==, CW_TRACE_EPISODE);
  finding = node->children->pdata[0];
  g_assert_cmpint (finding->id, ==, evidenced);
  g_assert_cmpint (((CwTraceNode *) finding->children->pdata[0])->id, ==, r1);
  g_clear_pointer (&forward, g_ptr_array_unref);
  forward = cw_trace_entry (store, a->review, a->entries[3], &error);
  g_assert_cmpuint (forward->len, ==, 1);
  g_assert_cmpint (((CwTraceNode *) forward->pdata[0])->id, ==, alone);
  g_clear_pointer (&forward, g_ptr_array_unref);
  /* Another review's entry is not this review's to trace. */
  g_assert_null (cw_trace_entry (store, a->review, a->other_entry, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

/* Every change is in the review's history, and a review deleted for good
 * takes its analysis with it. */
static void
test_audited_and_purged (Analysis      *a,
                         gconstpointer  data)
{
  CwStore *store = a->base.store;
  g_autoptr (GError) error = NULL;
  gint64 episode = cw_analysis_add_episode (store, a->review, "Spring", a->entries, 2, &error);
  gint64 f = add_finding (a, "Audited");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE review_id = %"
                                          G_GINT64_FORMAT " AND entity IN ('episode',"
                                          " 'episode_entry', 'finding')", a->review);

  add_evidence (a, f, "episode_id", episode);
  set_ok (store, &cw_entity_episode, episode, "analysis", "They did not know");
  g_assert_cmpint (sql_int (store, sql), >=, 5);
  g_assert_true (cw_store_delete (store, &cw_entity_review, a->review, &error));
  g_assert_true (cw_store_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM episode"), ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM finding_evidence"), ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count (*) FROM finding"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
  g_assert_true (cw_clock_set ("2026-11-23", NULL));
#define ADD(path, func) \
  g_test_add ("/analysis/" path, Analysis, NULL, analysis_set_up, func, analysis_tear_down)
  ADD ("shared-lists-seeded", test_shared_lists_seeded);
  ADD ("episode-from-entries", test_episode_from_entries);
  ADD ("episode-dates", test_episode_dates);
  ADD ("rows-of-one-review", test_rows_of_one_review);
  ADD ("deleted-entry-leaves-episode", test_deleted_entry_leaves_episode);
  ADD ("finding-statuses", test_finding_statuses);
  ADD ("evidence-of-deleted-rows", test_evidence_of_deleted_rows_does_not_count);
  ADD ("evidence-points-at-one", test_evidence_points_at_one);
  ADD ("recommendation-statuses", test_recommendation_statuses);
  ADD ("move-status-walks", test_move_status_walks);
  ADD ("order", test_order);
  ADD ("trace", test_trace);
  ADD ("audited-and-purged", test_audited_and_purged);
#undef ADD
  return g_test_run ();
}

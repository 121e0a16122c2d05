/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-analysis.h"
#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-demo.h"
#include "test-helpers.h"

static void
test_references (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate may = date_of ("2026-05-01"), next_year = date_of ("2027-01-03");
  gint64 second = 0;
  g_autofree char *a = cw_store_create_review (f->store, "learning", "A", NULL, &may, NULL, &error);
  g_autofree char *b = cw_store_create_review (f->store, "learning", "B", NULL, &may, &second,
                                               &error);
  g_autofree char *c = cw_store_create_review (f->store, "cspr", "C", NULL, &may, NULL, &error);
  g_autofree char *d = cw_store_create_review (f->store, "learning", "D", NULL, &next_year, NULL,
                                               &error);
  g_autofree char *e = NULL;
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "LR-2026-001");
  g_assert_cmpstr (b, ==, "LR-2026-002");
  g_assert_cmpstr (c, ==, "CSPR-2026-001");
  g_assert_cmpstr (d, ==, "LR-2027-001");

  /* A purged review's reference is never issued again. */
  g_assert_true (cw_store_delete (f->store, &cw_entity_review, second, &error));
  g_assert_true (cw_store_purge_deleted (f->store, &error));
  e = cw_store_create_review (f->store, "learning", "E", NULL, &may, NULL, &error);
  g_assert_cmpstr (e, ==, "LR-2026-003");

  bad = cw_store_create_review (f->store, "nonsense", "X", NULL, &may, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cw_store_create_review (f->store, "learning", "", NULL, &may, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

/* A new review is offered the kind most used, by the reviews of the
 * default profile's nation; with none, the kind that nation uses most. */
static void
test_usual_kind (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = cw_store_usual_review_kind (f->store);
  g_autofree char *learning = NULL;
  g_autofree char *scotland = NULL;
  g_autofree char *scottish_rapid = NULL;
  g_autofree char *england_again = NULL;

  g_assert_cmpstr (empty, ==, "cspr");
  for (guint i = 0; i < 2; i++)
    g_free (cw_store_create_review (f->store, "learning", "L", NULL, NULL, NULL, &error));
  g_free (cw_store_create_review (f->store, "cspr", "C", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  learning = cw_store_usual_review_kind (f->store);
  g_assert_cmpstr (learning, ==, "learning");

  /* In Scotland, England's reviews do not count. */
  g_assert_true (cw_store_set_setting (f->store, "default-profile", "scotland", &error));
  g_assert_no_error (error);
  scotland = cw_store_usual_review_kind (f->store);
  g_assert_cmpstr (scotland, ==, "learning");
  g_free (cw_store_create_review (f->store, "rapid", "R", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  scottish_rapid = cw_store_usual_review_kind (f->store);
  g_assert_cmpstr (scottish_rapid, ==, "rapid");
  g_assert_true (cw_store_set_setting (f->store, "default-profile", "england-2013", &error));
  england_again = cw_store_usual_review_kind (f->store);
  g_assert_cmpstr (england_again, ==, "learning");
}

static void
test_review_nation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "N", NULL, NULL, &id,
                                                 &error);
  g_autofree char *england = cw_store_get_review_nation (f->store, id);
  g_autofree char *scotland = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (england, ==, "england-wales");
  g_assert_true (cw_store_update (f->store, &cw_entity_review, id, "profile", "scotland",
                                  &error));
  g_assert_no_error (error);
  scotland = cw_store_get_review_nation (f->store, id);
  g_assert_cmpstr (scotland, ==, "scotland");
  g_assert_null (cw_store_get_review_nation (f->store, id + 1000));
}

static void
test_find_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = cw_store_create_review (f->store, "rapid", "Rapid one", "Child R", NULL,
                                                 NULL, &error);
  g_autofree char *lower = g_ascii_strdown (ref, -1);
  g_autoptr (CwRecord) review = cw_store_find_review (f->store, lower, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_record_get (review, "title"), ==, "Rapid one");
  g_assert_cmpstr (cw_record_get (review, "subject_pseudonym"), ==, "Child R");
  g_assert_cmpstr (cw_record_get (review, "phase"), ==, "referral");
  g_assert_cmpstr (cw_record_get_ref_label (review, "kind"), ==, "Rapid review");
  g_assert_cmpstr (cw_review_get_phase_label (review), ==, "Referral");
  g_assert_null (cw_store_find_review (f->store, "XX-1999-001", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

static const char *
phase_of (Fixture *f, gint64 id)
{
  static char phase[64];
  g_autoptr (CwRecord) review = cw_store_get (f->store, &cw_entity_review, id, NULL);

  g_strlcpy (phase, cw_record_get (review, "phase"), sizeof phase);
  return phase;
}

/* What lists read of a review is read typed: asking for a label of a
 * field that is not a reference, or for a deadline of a row that is not a
 * review, is a programming error that says so, not a silent NULL. */
static void
test_typed_reads_refuse_typos (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwRecord) agency = NULL;
  g_autofree char *ref = cw_store_create_review (f->store, "rapid", "Typed", "Child T", NULL,
                                                 NULL, &error);
  const char *pairs[] = { "name", "Northshire Police", NULL };
  CwReviewNext next;
  gint64 agency_id;

  g_assert_no_error (error);
  review = cw_store_find_review (f->store, ref, &error);
  g_assert_nonnull (review);
  g_test_expect_message ("casewise-record", G_LOG_LEVEL_CRITICAL, "*CW_FIELD_REF*");
  g_assert_null (cw_record_get_ref_label (review, "knd"));
  g_test_assert_expected_messages ();
  g_test_expect_message ("casewise-record", G_LOG_LEVEL_CRITICAL, "*CW_FIELD_REF*");
  g_assert_null (cw_record_get_ref_label (review, "title"));
  g_test_assert_expected_messages ();
  agency_id = cw_store_insert (f->store, &cw_entity_agency, 0, pairs, &error);
  g_assert_no_error (error);
  agency = cw_store_get (f->store, &cw_entity_agency, agency_id, &error);
  g_test_expect_message ("casewise-review", G_LOG_LEVEL_CRITICAL, "*cw_entity_review*");
  g_assert_false (cw_review_get_next_deadline (agency, &next));
  g_test_assert_expected_messages ();
}

static void
test_phase_moves (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) history = NULL;
  g_autoptr (CwAuditEntry) last = NULL;
  g_auto (GStrv) moves = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "learning", "T", NULL, NULL, &id,
                                                 &error);

  g_assert_nonnull (ref);
  g_assert_false (cw_store_move_phase (f->store, id, "findings", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE);
  g_assert_nonnull (strstr (error->message, "it can move to Decision"));
  g_clear_error (&error);
  g_assert_false (cw_store_move_phase (f->store, id, "nowhere", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (phase_of (f, id), ==, "referral");

  g_assert_true (cw_store_move_phase (f->store, id, "decision", &error));
  /* Preparation needs a decision to proceed. */
  g_assert_false (cw_store_move_phase (f->store, id, "preparation", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE);
  g_clear_error (&error);
  g_assert_true (cw_store_record_decision (f->store, id, "proceed", NULL, NULL, &error));
  g_assert_true (cw_store_move_phase (f->store, id, "preparation", &error));
  g_assert_no_error (error);
  /* Past the decision, it is not recorded again: the phase follows from it. */
  {
    GDate later = date_of ("2026-05-05");
    g_autoptr (CwRecord) referral = NULL;
    g_autofree char *decided = NULL;

    referral = cw_store_get_referral (f->store, id, &error);
    decided = g_strdup (cw_record_get (referral, "discussed_on"));
    g_assert_false (cw_store_record_decision (f->store, id, "not-proceed", "Changed our minds",
                                              &later, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE);
    g_assert_nonnull (strstr (error->message, "move it back to Decision"));
    g_clear_error (&error);
    g_clear_object (&referral);
    referral = cw_store_get_referral (f->store, id, &error);
    g_assert_cmpstr (cw_record_get (referral, "decision"), ==, "proceed");
    g_assert_cmpstr (cw_record_get (referral, "discussed_on"), ==, decided);
    g_assert_null (cw_record_get (referral, "rationale"));
  }

  /* A move can be taken back one step. */
  g_assert_true (cw_store_move_phase (f->store, id, "decision", &error));
  moves = cw_phase_moves ("decision", "preparation");
  g_assert_cmpstrv (moves, ((const char *[]) { "preparation", "not-proceeding", NULL }));
  g_clear_pointer (&moves, g_strfreev);
  moves = cw_phase_moves ("decision", "referral");
  g_assert_cmpstrv (moves, ((const char *[]) { "preparation", "not-proceeding", "referral",
                                                NULL }));

  /* Not proceeding needs that decision with its rationale. */
  g_assert_false (cw_store_move_phase (f->store, id, "not-proceeding", &error));
  g_clear_error (&error);
  g_assert_false (cw_store_record_decision (f->store, id, "not-proceed", NULL, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "rationale"));
  g_clear_error (&error);
  g_assert_true (cw_store_record_decision (f->store, id, "not-proceed",
                                           "Single-agency learning; handled in supervision",
                                           NULL, &error));
  g_assert_true (cw_store_move_phase (f->store, id, "not-proceeding", &error));
  g_assert_no_error (error);

  history = cw_store_list_history (f->store, id, &error);
  last = g_list_model_get_item (history, 0);
  g_assert_cmpstr (cw_audit_entry_get_field_name (last), ==, "phase");
  g_assert_cmpstr (cw_audit_entry_get_old_value (last), ==, "decision");
  g_assert_cmpstr (cw_audit_entry_get_new_value (last), ==, "not-proceeding");

  /* Closed, it can only go back the way it came: never into phases of a
   * review that went ahead. */
  g_assert_true (cw_store_move_phase (f->store, id, "closed", &error));
  g_assert_false (cw_store_move_phase (f->store, id, "published", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE);
  g_clear_error (&error);
  g_assert_false (cw_store_move_phase (f->store, id, "action-monitoring", &error));
  g_clear_error (&error);
  g_assert_true (cw_store_move_phase (f->store, id, "not-proceeding", &error));
  g_assert_no_error (error);
}

static const char *
decision_date_of (Fixture *f, gint64 id, char **out)
{
  g_autoptr (CwRecord) review = cw_store_get (f->store, &cw_entity_review, id, NULL);

  g_free (*out);
  *out = g_strdup (cw_record_get (review, "decision_date"));
  return *out;
}

/* The decision as the app records it, field by field: the Decision key
 * date follows, and past the decision the decision stays as it is. */
static void
test_decision_fills_key_date (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRecord) referral = NULL;
  g_autofree char *date = NULL;
  gint64 id = 0, referral_id;
  g_autofree char *ref = cw_store_create_review (f->store, "cspr", "T", NULL, NULL, &id, &error);

  g_assert_nonnull (ref);
  g_assert_true (cw_clock_set ("2027-02-10", NULL));
  referral = cw_store_get_referral (f->store, id, &error);
  referral_id = cw_record_get_id (referral);
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "decision",
                                  "proceed", &error));
  g_assert_no_error (error);
  /* No day discussed yet: the day it was recorded. */
  g_assert_cmpstr (decision_date_of (f, id, &date), ==, "2027-02-10");
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "discussed_on",
                                  "3/2/2027", &error));
  g_assert_cmpstr (decision_date_of (f, id, &date), ==, "2027-02-03");
  /* The day discussed cleared says nothing new about the decision. */
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "discussed_on",
                                  NULL, &error));
  g_assert_cmpstr (decision_date_of (f, id, &date), ==, "2027-02-03");
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "discussed_on",
                                  "4/2/2027", &error));

  /* Past the decision: the same decision saved again and the rationale
   * are fine, another decision is not. */
  g_assert_true (cw_store_move_phase (f->store, id, "decision", &error));
  g_assert_true (cw_store_move_phase (f->store, id, "preparation", &error));
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "decision",
                                  "proceed", &error));
  g_assert_true (cw_store_update (f->store, &cw_entity_referral, referral_id, "rationale",
                                  "Criteria met", &error));
  g_assert_false (cw_store_update (f->store, &cw_entity_referral, referral_id, "decision",
                                   "not-proceed", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_PHASE);
  g_clear_error (&error);
  g_assert_false (cw_store_update (f->store, &cw_entity_referral, referral_id, "decision", NULL,
                                   &error));
  g_clear_error (&error);
  g_clear_object (&referral);
  referral = cw_store_get_referral (f->store, id, &error);
  g_assert_cmpstr (cw_record_get (referral, "decision"), ==, "proceed");
  g_assert_cmpstr (decision_date_of (f, id, &date), ==, "2027-02-04");
  cw_clock_set_fixed (NULL);
}

static void
test_no_deadlines_once_ended (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) ended = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (CwRecord) first = NULL;
  GDate today = date_of ("2026-04-01");
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "cspr", "T", NULL, NULL, &id, &error);

  g_assert_nonnull (ref);
  g_assert_true (cw_store_set_key_date (f->store, id, "incident", "2026-03-02", &error));
  open = cw_store_list_deadlines (f->store, id, &today, &error);
  g_assert_cmpuint (open->len, ==, 1); /* notify the panel: overdue */
  g_assert_true (cw_store_move_phase (f->store, id, "decision", &error));
  g_assert_true (cw_store_record_decision (f->store, id, "not-proceed", "Below threshold",
                                           NULL, &error));
  g_assert_true (cw_store_move_phase (f->store, id, "not-proceeding", &error));
  ended = cw_store_list_deadlines (f->store, id, &today, &error);
  for (guint i = 0; i < ended->len; i++)
    {
      CwDeadlineInfo *info = ended->pdata[i];
      g_assert_true (info->state == CW_DEADLINE_MET || info->state == CW_DEADLINE_MET_LATE);
    }
  list = cw_store_list_reviews (f->store, &today, &error);
  first = g_list_model_get_item (list, 0);
  {
    CwReviewNext next;
    g_assert_false (cw_review_get_next_deadline (first, &next));
    g_assert_null (next.name);
  }
}

static void
test_whole_life (Fixture *f, gconstpointer data)
{
  static const char *const life[] = { "decision", "preparation", "learning-event", "findings",
                                      "action-monitoring", "published", "closed" };
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "cspr", "T", NULL, NULL, &id, &error);

  g_assert_nonnull (ref);
  for (guint i = 0; i < G_N_ELEMENTS (life); i++)
    {
      if (i == 1)
        g_assert_true (cw_store_record_decision (f->store, id, "proceed", NULL, NULL, &error));
      g_assert_true (cw_store_move_phase (f->store, id, life[i], &error));
      g_assert_no_error (error);
      g_assert_cmpstr (phase_of (f, id), ==, life[i]);
    }
}

static CwDeadlineInfo *
deadline_named (GPtrArray *infos, const char *name)
{
  for (guint i = 0; i < infos->len; i++)
    if (g_str_equal (((CwDeadlineInfo *) infos->pdata[i])->name, name))
      return infos->pdata[i];
  return NULL;
}

static void
test_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rapid = NULL;
  g_autoptr (GPtrArray) cspr = NULL;
  g_autoptr (GPtrArray) old = NULL;
  GDate today = date_of ("2026-03-02"), april = date_of ("2026-04-01");
  gint64 r = 0, c = 0;
  g_autofree char *ref_r = cw_store_create_review (f->store, "rapid", "R", NULL, NULL, &r, &error);
  g_autofree char *ref_c = cw_store_create_review (f->store, "cspr", "C", NULL, NULL, &c, &error);
  CwDeadlineInfo *info;

  g_assert_nonnull (ref_r);
  g_assert_nonnull (ref_c);
  /* England (current): rapid review within 15 working days of notification. */
  g_assert_true (cw_store_set_key_date (f->store, r, "notification", "2/3/2026", &error));
  rapid = cw_store_list_deadlines (f->store, r, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapid->len, ==, 1);
  info = rapid->pdata[0];
  g_assert_cmpstr (info->name, ==, "Rapid review completed");
  g_assert_cmpstr (info->due, ==, "2026-03-23");
  g_assert_cmpint (info->days_remaining, ==, 21);
  g_assert_cmpint (info->state, ==, CW_DEADLINE_PENDING);

  /* Panel notified within 5 working days (met); decision overdue. */
  g_assert_true (cw_store_set_key_date (f->store, c, "incident", "2026-03-02", &error));
  g_assert_true (cw_store_set_key_date (f->store, c, "notification", "2026-03-06", &error));
  cspr = cw_store_list_deadlines (f->store, c, &april, &error);
  info = deadline_named (cspr, "Notify the national panel");
  g_assert_nonnull (info);
  g_assert_cmpstr (info->due, ==, "2026-03-09");
  g_assert_cmpint (info->state, ==, CW_DEADLINE_MET);
  g_assert_cmpstr (info->met_on, ==, "2026-03-06");
  info = deadline_named (cspr, "Decision whether to hold a review");
  g_assert_cmpstr (info->due, ==, "2026-03-27");
  g_assert_cmpint (info->state, ==, CW_DEADLINE_OVERDUE);
  g_assert_cmpint (info->days_remaining, ==, -5);
  g_assert_null (deadline_named (cspr, "Rapid review completed"));

  /* England 2013: one month, clamped to the month's end. */
  g_assert_true (cw_store_update (f->store, &cw_entity_review, c, "profile", "england-2013",
                                  &error));
  g_assert_true (cw_store_set_key_date (f->store, c, "notification", "2026-01-31", &error));
  old = cw_store_list_deadlines (f->store, c, &april, &error);
  info = deadline_named (old, "Decision whether to hold a review");
  g_assert_cmpstr (info->due, ==, "2026-02-28");
}

static void
test_rules_are_editable (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) rules = cw_store_list (f->store, &cw_entity_deadline_rule, 0, &error);
  g_autoptr (GPtrArray) infos = NULL;
  GDate today = date_of ("2026-03-02");
  gint64 r = 0;
  g_autofree char *ref = cw_store_create_review (f->store, "rapid", "R", NULL, NULL, &r, &error);

  g_assert_nonnull (ref);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr (CwRecord) rule = g_list_model_get_item (rules, i);
      if (g_str_equal (cw_record_get (rule, "name"), "Rapid review completed"))
        g_assert_true (cw_store_update (f->store, &cw_entity_deadline_rule,
                                        cw_record_get_id (rule), "amount", "10", &error));
    }
  g_assert_true (cw_store_set_key_date (f->store, r, "notification", "2026-03-02", &error));
  infos = cw_store_list_deadlines (f->store, r, &today, &error);
  g_assert_cmpstr (((CwDeadlineInfo *) infos->pdata[0])->due, ==, "2026-03-16");
}

static void
test_list_sorted_by_deadline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  GDate today = date_of ("2026-03-02");
  gint64 a = 0, b = 0, c = 0;
  g_autofree char *ra = cw_store_create_review (f->store, "rapid", "A", NULL, &today, &a, &error);
  g_autofree char *rb = cw_store_create_review (f->store, "cspr", "B", NULL, &today, &b, &error);
  g_autofree char *rc = cw_store_create_review (f->store, "learning", "C", NULL, &today, &c,
                                                &error);
  const char *order[3];

  g_assert_true (cw_store_set_key_date (f->store, a, "notification", "2026-03-02", &error));
  g_assert_true (cw_store_set_key_date (f->store, b, "incident", "2026-03-02", &error));
  list = cw_store_list_reviews (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (CwRecord) r = g_list_model_get_item (list, i);
      order[i] = i == 0 ? rb : i == 1 ? ra : rc;
      g_assert_cmpstr (cw_record_get (r, "reference"), ==, order[i]);
      if (i == 0)
        {
          CwReviewNext next;

          g_assert_true (cw_review_get_next_deadline (r, &next));
          g_assert_cmpstr (next.name, ==, "Notify the national panel");
          g_assert_cmpstr (next.due, ==, "2026-03-09");
          g_assert_cmpint (next.days_remaining, ==, 7);
          g_assert_cmpint (next.state, ==, CW_DEADLINE_PENDING);
          g_assert_nonnull (next.text);
          g_assert_cmpstr (cw_review_get_phase_label (r), ==, "Referral");
        }
      if (i == 2)
        {
          CwReviewNext next;
          g_assert_false (cw_review_get_next_deadline (r, &next));
        }
    }
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today = date_of ("2026-11-23");
  g_autofree char *ref = cw_store_add_demo (f->store, &today, &error);
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (CwRecord) referral = NULL;
  g_autoptr (GListModel) list = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpstr (ref, ==, "CSPR-2026-001");
  review = cw_store_find_review (f->store, ref, &error);
  id = cw_record_get_id (review);
  g_assert_cmpstr (cw_record_get (review, "subject_pseudonym"), ==, "Child A");
  /* Past its learning event, with its findings being written. */
  g_assert_cmpstr (cw_record_get (review, "phase"), ==, "findings");
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_person, id, NULL)), ==, 5);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_review_agency, id, NULL)), ==,
                    7);
  /* Six returns imported (153 entries), the housing one still awaited. */
  g_assert_cmpuint (cw_chronology_count_entries (f->store, id), ==, 153);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_agency_return, id, NULL)), ==,
                    7);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_member, id, NULL)), ==, 11);
  g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_tor_item, id, NULL)), ==, 7);
  referral = cw_store_get_referral (f->store, id, &error);
  g_assert_cmpstr (cw_record_get (referral, "decision"), ==, "proceed");
  g_assert_cmpstr (cw_record_get (referral, "discussed_on"), ==, "2026-08-16");
  g_assert_nonnull (cw_record_get (referral, "circumstances"));
  list = cw_store_list_reviews (f->store, &today, &error);
  {
    g_autoptr (CwRecord) first = g_list_model_get_item (list, 0);
    CwReviewNext next;

    g_assert_true (cw_review_get_next_deadline (first, &next));
    g_assert_cmpstr (next.name, ==, "Local review published");
    g_assert_cmpint (next.state, ==, CW_DEADLINE_PENDING);
  }
  /* Its analysis: 4 episodes, 8 factors, 5 findings (good practice among
   * them), 4 recommendations, a learning event with notes, nothing in
   * its trace left unsupported. */
  {
    g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (f->store, id, &error);
    g_autoptr (GPtrArray) findings = cw_analysis_list_findings (f->store, id, &error);
    g_autoptr (GPtrArray) recommendations = cw_analysis_list_recommendations (f->store, id,
                                                                              &error);
    g_autoptr (GPtrArray) factors = cw_analysis_list_factors (f->store, id, &error);
    g_autoptr (GPtrArray) trace = cw_trace_review (f->store, id, &error);
    guint good = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (episodes->len, ==, 4);
    g_assert_cmpuint (((CwEpisode *) episodes->pdata[0])->n_entries, >, 0);
    g_assert_cmpuint (factors->len, ==, 8);
    g_assert_cmpuint (findings->len, ==, 5);
    for (guint i = 0; i < findings->len; i++)
      good += g_str_equal (((CwFinding *) findings->pdata[i])->kind, "good-practice");
    g_assert_cmpuint (good, ==, 1);
    g_assert_cmpuint (recommendations->len, ==, 4);
    g_assert_cmpuint (cw_trace_count_flags (trace), ==, 0);
    g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_learning_event, id, NULL)),
                      ==, 1);
    g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_event_note, id, NULL)), ==,
                      6);
    g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_event_participant, id,
                                               NULL)), ==, 5);
  }
  /* A second sample gets its own reference and reuses the shared agencies. */
  {
    g_autofree char *again = cw_store_add_demo (f->store, &today, &error);
    g_assert_cmpstr (again, ==, "CSPR-2026-002");
    g_assert_cmpuint (count_of (cw_store_list (f->store, &cw_entity_agency, 0, NULL)), ==, 7);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();
#define ADD(path, func) \
  g_test_add ("/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("references", test_references);
  ADD ("find", test_find_review);
  ADD ("typed-reads-refuse-typos", test_typed_reads_refuse_typos);
  ADD ("usual-kind", test_usual_kind);
  ADD ("nation", test_review_nation);
  ADD ("phase-moves", test_phase_moves);
  ADD ("whole-life", test_whole_life);
  ADD ("decision-fills-key-date", test_decision_fills_key_date);
  ADD ("no-deadlines-once-ended", test_no_deadlines_once_ended);
  ADD ("deadlines", test_deadlines);
  ADD ("rules-are-editable", test_rules_are_editable);
  ADD ("list-sorted-by-deadline", test_list_sorted_by_deadline);
  ADD ("demo", test_demo);
#undef ADD
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-test-deadline"

#include <stdio.h>

#include <glib.h>

#include "cw-deadline.h"

#define EW CW_NATION_ENGLAND_WALES
#define SC CW_NATION_SCOTLAND

#define DAYS    CW_DEADLINE_UNIT_CALENDAR_DAYS
#define WORKING CW_DEADLINE_UNIT_WORKING_DAYS
#define MONTHS  CW_DEADLINE_UNIT_MONTHS

static void
date_from_iso (const char *iso,
               GDate      *out)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day), ==, 3);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (out));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = NULL;

  g_assert_true (g_date_valid (date));
  iso = g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                         (guint) g_date_get_month (date), (guint) g_date_get_day (date));
  g_assert_cmpstr (iso, ==, expected);
}

typedef struct
{
  const char     *name;
  const char     *anchor;
  int             amount;
  CwDeadlineUnit  unit;
  const char     *met_by;
  const char     *kinds;
} RuleSpec;

static GArray *
make_rules (const RuleSpec *specs,
            guint           n_specs)
{
  GArray *rules = g_array_new (FALSE, TRUE, sizeof (CwDeadlineRule));

  g_array_set_clear_func (rules, (GDestroyNotify) cw_deadline_rule_clear);
  for (guint i = 0; i < n_specs; i++)
    {
      CwDeadlineRule rule = {
        .id = i + 1,
        .name = g_strdup (specs[i].name),
        .anchor = g_strdup (specs[i].anchor),
        .amount = specs[i].amount,
        .unit = specs[i].unit,
        .met_by = g_strdup (specs[i].met_by),
        .kinds = g_strdup (specs[i].kinds),
      };

      g_array_append_val (rules, rule);
    }

  return rules;
}

static GHashTable *
make_key_dates (const char * const *pairs)
{
  GHashTable *key_dates = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    g_hash_table_insert (key_dates, (gpointer) pairs[i], (gpointer) pairs[i + 1]);

  return key_dates;
}

static void
test_unit_strings (void)
{
  static const struct { CwDeadlineUnit unit; const char *id; } cases[] = {
    { DAYS, "days" },
    { WORKING, "working-days" },
    { MONTHS, "months" },
  };
  static const char * const unknown[] = { "", "day", "Days", "working_days", "month" };
  CwDeadlineUnit unit = DAYS;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cw_deadline_unit_to_string (cases[i].unit), ==, cases[i].id);
      unit = (CwDeadlineUnit) -1;
      g_assert_true (cw_deadline_unit_from_string (cases[i].id, &unit));
      g_assert_cmpint (unit, ==, cases[i].unit);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_false (cw_deadline_unit_from_string (unknown[i], &unit));
  g_assert_false (cw_deadline_unit_from_string (NULL, &unit));
}

static void
test_rule_clear (void)
{
  CwDeadlineRule rule = {
    .name = g_strdup ("Rapid review"),
    .anchor = g_strdup ("notified"),
    .met_by = g_strdup ("rapid_review"),
    .kinds = g_strdup ("lcspr"),
  };

  cw_deadline_rule_clear (&rule);
  g_assert_null (rule.name);
  g_assert_null (rule.anchor);
  g_assert_null (rule.met_by);
  g_assert_null (rule.kinds);

  cw_deadline_rule_clear (&rule);
}

static void
test_rule_applies_to (void)
{
  static const struct { const char *kinds; const char *kind; gboolean applies; } cases[] = {
    { NULL, "scr", TRUE },
    { NULL, NULL, TRUE },
    { "", "scr", TRUE },
    { "  ", "scr", TRUE },
    { "scr", "scr", TRUE },
    { "scr", "lcspr", FALSE },
    { "scr", NULL, FALSE },
    { "scr", "", FALSE },
    { "lcspr", "LCSPR", FALSE },
    { "csp, lcspr", "lcspr", TRUE },
    { " csp ,lcspr ", "csp", TRUE },
    { " csp ,lcspr ", "lcspr", TRUE },
    { "csp,lcspr", "lcs", FALSE },
    { "csp,lcspr", "csp,lcspr", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwDeadlineRule rule = { .kinds = (char *) cases[i].kinds };

      g_test_message ("kinds '%s', kind '%s'", cases[i].kinds, cases[i].kind);
      g_assert_cmpint (cw_deadline_rule_applies_to (&rule, cases[i].kind), ==,
                       cases[i].applies);
    }
}

static void
test_rule_compute_due (void)
{
  static const struct
  {
    CwDeadlineUnit  unit;
    int             amount;
    CwNation        nation;
    const char     *anchor;
    const char     *due;
  } cases[] = {
    { DAYS, 28, EW, "2021-01-31", "2021-02-28" },
    { DAYS, 0, EW, "2021-01-31", "2021-01-31" },
    { DAYS, -1, EW, "2021-03-01", "2021-02-28" },
    { DAYS, 365, EW, "2024-01-01", "2024-12-31" },
    { DAYS, 5, SC, "2026-12-24", "2026-12-29" }, /* holidays do not matter */
    { MONTHS, 1, EW, "2021-01-31", "2021-02-28" },
    { MONTHS, 1, EW, "2024-01-31", "2024-02-29" },
    { MONTHS, 6, EW, "2023-08-31", "2024-02-29" },
    { MONTHS, 12, EW, "2024-02-29", "2025-02-28" },
    { MONTHS, 1, EW, "2021-04-15", "2021-05-15" },
    { MONTHS, 6, EW, "2025-12-25", "2026-06-25" },
    { MONTHS, -1, EW, "2021-03-31", "2021-02-28" },
    { WORKING, 5, EW, "2026-12-22", "2026-12-31" },
    { WORKING, 7, EW, "2026-12-22", "2027-01-05" },
    { WORKING, 7, SC, "2026-12-22", "2027-01-06" },
    { WORKING, 15, EW, "2026-04-01", "2026-04-24" },
    { WORKING, 15, SC, "2026-04-01", "2026-04-23" },
    { WORKING, 0, EW, "2026-04-04", "2026-04-04" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwDeadlineRule rule = { .amount = cases[i].amount, .unit = cases[i].unit };
      GDate anchor, due;

      g_test_message ("%s + %d %s", cases[i].anchor, cases[i].amount,
                      cw_deadline_unit_to_string (cases[i].unit));
      date_from_iso (cases[i].anchor, &anchor);
      cw_deadline_rule_compute_due (&rule, cases[i].nation, &anchor, &due);
      assert_date (&due, cases[i].due);
    }
}

/* A profile much like England's, with one rule for another kind, one whose
 * anchor is not set and one whose anchor does not parse. */
static const RuleSpec profile[] = {
  { "Notify the national panel", "incident_known", 5, WORKING, "notified", NULL },
  { "Rapid review", "notified", 15, WORKING, "rapid_review", "csp, lcspr" },
  { "Publish the review", "decision", 6, MONTHS, "published", "lcspr" },
  { "Decide on a review", "referral", 1, MONTHS, "decided", "scr" },
  { "Action plan", "report_received", 3, MONTHS, "action_plan", NULL },
  { "Interim update", "decision", 30, DAYS, "interim", NULL },
  { "Acknowledge", "incident_known", 16, DAYS, NULL, "" },
  { "Bad anchor", "bad_anchor", 1, DAYS, NULL, NULL },
};

static const char * const profile_dates[] = {
  "incident_known", "2026-03-30",
  "notified", "2026-04-07",
  "decision", "2025-08-31",
  "published", "2026-03-02",
  "interim", "2026-13-01",
  "referral", "2026-01-10",
  "bad_anchor", "not a date",
  NULL,
};

static const struct
{
  guint            rule;
  const char      *due;
  CwDeadlineState  state;
  int              days_remaining;
  const char      *met_on;
  const char      *description;
} expected_lcspr[] = {
  { 5, "2025-09-30", CW_DEADLINE_OVERDUE, -197, NULL, "overdue by 197 days" },
  { 2, "2026-02-28", CW_DEADLINE_MET_LATE, -46, "2026-03-02", "met 2 days late (2 Mar 2026)" },
  { 0, "2026-04-08", CW_DEADLINE_MET, -7, "2026-04-07", "met on 7 Apr 2026" },
  { 6, "2026-04-15", CW_DEADLINE_PENDING, 0, NULL, "due today" },
  { 1, "2026-04-28", CW_DEADLINE_PENDING, 13, NULL, "13 days left" },
};

static void
assert_deadline (const CwDeadline *deadline,
                 GArray           *rules,
                 guint             i)
{
  g_autofree char *description = cw_deadline_describe_days (deadline);

  g_assert_true (deadline->rule == &g_array_index (rules, CwDeadlineRule, expected_lcspr[i].rule));
  assert_date (&deadline->due, expected_lcspr[i].due);
  g_assert_cmpint (deadline->state, ==, expected_lcspr[i].state);
  g_assert_cmpint (deadline->days_remaining, ==, expected_lcspr[i].days_remaining);
  if (expected_lcspr[i].met_on != NULL)
    assert_date (&deadline->met_on, expected_lcspr[i].met_on);
  else
    g_assert_false (g_date_valid (&deadline->met_on));
  g_assert_cmpstr (description, ==, expected_lcspr[i].description);
}

static void
test_compute (void)
{
  g_autoptr(GArray) rules = make_rules (profile, G_N_ELEMENTS (profile));
  g_autoptr(GHashTable) key_dates = make_key_dates (profile_dates);
  g_autoptr(GArray) deadlines = NULL;
  GDate today;

  date_from_iso ("2026-04-15", &today);
  deadlines = cw_deadlines_compute (rules, EW, "lcspr", key_dates, &today);

  g_assert_cmpuint (deadlines->len, ==, G_N_ELEMENTS (expected_lcspr));
  for (guint i = 0; i < deadlines->len; i++)
    assert_deadline (&g_array_index (deadlines, CwDeadline, i), rules, i);

  g_assert_true (cw_deadlines_next (deadlines) == &g_array_index (deadlines, CwDeadline, 0));
}

/* The kind filters rules: "scr" gets the decision rule but not the review ones. */
static void
test_compute_kind (void)
{
  static const char * const expected[] = {
    "Interim update", "Decide on a review", "Notify the national panel", "Acknowledge",
  };
  g_autoptr(GArray) rules = make_rules (profile, G_N_ELEMENTS (profile));
  g_autoptr(GHashTable) key_dates = make_key_dates (profile_dates);
  g_autoptr(GArray) deadlines = NULL;
  const CwDeadline *decide;
  GDate today;

  date_from_iso ("2026-04-15", &today);
  deadlines = cw_deadlines_compute (rules, EW, "scr", key_dates, &today);

  g_assert_cmpuint (deadlines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < deadlines->len; i++)
    g_assert_cmpstr (g_array_index (deadlines, CwDeadline, i).rule->name, ==, expected[i]);

  decide = &g_array_index (deadlines, CwDeadline, 1);
  assert_date (&decide->due, "2026-02-10");
  g_assert_cmpint (decide->state, ==, CW_DEADLINE_OVERDUE);
  g_assert_cmpint (decide->days_remaining, ==, -64);
}

/* Working days follow the nation: Scotland works on Easter Monday. */
static void
test_compute_nation (void)
{
  g_autoptr(GArray) rules = make_rules (profile, 2);
  g_autoptr(GHashTable) key_dates = make_key_dates (profile_dates);
  g_autoptr(GArray) deadlines = NULL;
  GDate today;

  date_from_iso ("2026-04-15", &today);
  deadlines = cw_deadlines_compute (rules, SC, "lcspr", key_dates, &today);

  g_assert_cmpuint (deadlines->len, ==, 2);
  assert_date (&g_array_index (deadlines, CwDeadline, 0).due, "2026-04-07");
  g_assert_cmpint (g_array_index (deadlines, CwDeadline, 0).state, ==, CW_DEADLINE_MET);
  assert_date (&g_array_index (deadlines, CwDeadline, 1).due, "2026-04-28");
}

static void
test_compute_without_dates (void)
{
  g_autoptr(GArray) rules = make_rules (profile, G_N_ELEMENTS (profile));
  g_autoptr(GHashTable) key_dates = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) empty = NULL;
  GDate today;

  date_from_iso ("2026-04-15", &today);
  none = cw_deadlines_compute (rules, EW, "lcspr", NULL, &today);
  empty = cw_deadlines_compute (rules, EW, "lcspr", key_dates, &today);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_null (cw_deadlines_next (none));
}

/* Only "YYYY-MM-DD" naming a real day counts as a set key date. */
static void
test_compute_date_strings (void)
{
  static const RuleSpec spec[] = { { "Notify", "known", 1, DAYS, NULL, NULL } };
  static const struct { const char *value; gboolean valid; } cases[] = {
    { "2026-04-07", TRUE },
    { "2024-02-29", TRUE },
    { "2026-02-29", FALSE },
    { "2026-04-31", FALSE },
    { "2026-13-01", FALSE },
    { "2026-00-10", FALSE },
    { "2026-4-07", FALSE },
    { " 2026-04-07", FALSE },
    { "2026-04-07T10:00:00", FALSE },
    { "2026/04/07", FALSE },
    { "", FALSE },
  };
  g_autoptr(GArray) rules = make_rules (spec, G_N_ELEMENTS (spec));
  GDate today;

  date_from_iso ("2026-04-15", &today);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const pairs[] = { "known", cases[i].value, NULL };
      g_autoptr(GHashTable) key_dates = make_key_dates (pairs);
      g_autoptr(GArray) deadlines = cw_deadlines_compute (rules, EW, NULL, key_dates, &today);

      g_test_message ("'%s'", cases[i].value);
      g_assert_cmpuint (deadlines->len, ==, cases[i].valid ? 1 : 0);
    }
}

/* Equal due dates keep the rules' order; the next deadline skips met ones. */
static void
test_next (void)
{
  static const RuleSpec spec[] = {
    { "Third", "start", 10, DAYS, "third_done", NULL },
    { "First", "start", 2, DAYS, "first_done", NULL },
    { "Second A", "start", 5, DAYS, "second_a_done", NULL },
    { "Second B", "start", 5, DAYS, "second_b_done", NULL },
  };
  static const char * const pairs[] = {
    "start", "2026-06-01", "first_done", "2026-06-01", "second_a_done", "2026-06-10", NULL,
  };
  static const char * const order[] = { "First", "Second A", "Second B", "Third" };
  g_autoptr(GArray) rules = make_rules (spec, G_N_ELEMENTS (spec));
  g_autoptr(GHashTable) key_dates = make_key_dates (pairs);
  g_autoptr(GArray) deadlines = NULL;
  GDate today;

  date_from_iso ("2026-06-08", &today);
  deadlines = cw_deadlines_compute (rules, EW, NULL, key_dates, &today);

  g_assert_cmpuint (deadlines->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < deadlines->len; i++)
    g_assert_cmpstr (g_array_index (deadlines, CwDeadline, i).rule->name, ==, order[i]);
  g_assert_cmpint (g_array_index (deadlines, CwDeadline, 1).state, ==, CW_DEADLINE_MET_LATE);
  g_assert_cmpstr (cw_deadlines_next (deadlines)->rule->name, ==, "Second B");

  g_hash_table_insert (key_dates, (gpointer) "second_b_done", (gpointer) "2026-06-06");
  g_hash_table_insert (key_dates, (gpointer) "third_done", (gpointer) "2026-06-11");
  g_clear_pointer (&deadlines, g_array_unref);
  deadlines = cw_deadlines_compute (rules, EW, NULL, key_dates, &today);
  g_assert_null (cw_deadlines_next (deadlines));
}

static void
test_describe_days (void)
{
  static const struct
  {
    CwDeadlineState  state;
    int              days_remaining;
    const char      *due;
    const char      *met_on;
    const char      *description;
  } cases[] = {
    { CW_DEADLINE_PENDING, 0, "2021-04-03", NULL, "due today" },
    { CW_DEADLINE_PENDING, 1, "2021-04-03", NULL, "due tomorrow" },
    { CW_DEADLINE_PENDING, 2, "2021-04-03", NULL, "2 days left" },
    { CW_DEADLINE_PENDING, 12, "2021-04-03", NULL, "12 days left" },
    { CW_DEADLINE_OVERDUE, -1, "2021-04-03", NULL, "overdue by 1 day" },
    { CW_DEADLINE_OVERDUE, -3, "2021-04-03", NULL, "overdue by 3 days" },
    { CW_DEADLINE_MET, -5, "2021-04-03", "2021-04-03", "met on 3 Apr 2021" },
    { CW_DEADLINE_MET, 30, "2021-12-31", "2021-12-01", "met on 1 Dec 2021" },
    { CW_DEADLINE_MET, 40, "2021-06-10", "2021-05-09", "met on 9 May 2021" },
    { CW_DEADLINE_MET_LATE, -9, "2021-04-03", "2021-04-04", "met 1 day late (4 Apr 2021)" },
    { CW_DEADLINE_MET_LATE, 2, "2021-04-03", "2021-04-05", "met 2 days late (5 Apr 2021)" },
    { CW_DEADLINE_MET_LATE, 0, "2021-01-29", "2021-02-12", "met 14 days late (12 Feb 2021)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwDeadline deadline = {
        .state = cases[i].state,
        .days_remaining = cases[i].days_remaining,
      };
      g_autofree char *description = NULL;

      date_from_iso (cases[i].due, &deadline.due);
      g_date_clear (&deadline.met_on, 1);
      if (cases[i].met_on != NULL)
        date_from_iso (cases[i].met_on, &deadline.met_on);

      description = cw_deadline_describe_days (&deadline);
      g_assert_cmpstr (description, ==, cases[i].description);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/deadline/unit-strings", test_unit_strings);
  g_test_add_func ("/deadline/rule-clear", test_rule_clear);
  g_test_add_func ("/deadline/rule-applies-to", test_rule_applies_to);
  g_test_add_func ("/deadline/rule-compute-due", test_rule_compute_due);
  g_test_add_func ("/deadline/compute", test_compute);
  g_test_add_func ("/deadline/compute-kind", test_compute_kind);
  g_test_add_func ("/deadline/compute-nation", test_compute_nation);
  g_test_add_func ("/deadline/compute-without-dates", test_compute_without_dates);
  g_test_add_func ("/deadline/compute-date-strings", test_compute_date_strings);
  g_test_add_func ("/deadline/next", test_next);
  g_test_add_func ("/deadline/describe-days", test_describe_days);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cw-actions-entities.h"
#include "cw-actions.h"
#include "cw-analysis-entities.h"
#include "cw-analysis.h"
#include "cw-clock.h"
#include "cw-date.h"
#include "cw-register-entities.h"
#include "cw-report-sections-private.h"
#include "cw-review.h"

/* The sections of the action plan's progress report, the partnership's
 * response and the annual report: the plan, its actions and what they
 * changed, and the year's reviews counted. */

/* The plan: who owns it, who monitors it, and where it stands today. */
gboolean
cw_sections_read_plan (Reader  *r,
                       GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CwRecord) plan = cw_sections_plan_of (r, &local_error);
  CwPlanProgress progress = { 0 };
  g_autofree char *today = cw_date_format_display (&r->today);
  g_autofree char *counts = NULL;
  Block *pairs;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (plan == NULL)
    {
      cw_sections_add_none (r, _("No action plan is recorded yet."));
      return TRUE;
    }
  if (!cw_actions_get_progress (r->store, r->review_id, &r->today, &progress, error))
    return FALSE;
  pairs = cw_sections_add_block (r, BLOCK_PAIRS);
  {
    g_autofree char *owner = cw_record_dup_display (plan, "owner_body");
    g_autofree char *via = cw_record_dup_display (plan, "via_body");
    g_autofree char *monitoring = cw_record_dup_display (plan, "monitoring_body");
    g_autofree char *status = cw_record_dup_display (plan, "status");

    cw_sections_pair (pairs, r, _("Owner body"), owner);
    cw_sections_pair (pairs, r, _("Reported through"), via);
    cw_sections_pair (pairs, r, _("Monitoring body"), monitoring);
    cw_sections_pair (pairs, r, _("Reporting date"), today);
    cw_sections_pair (pairs, r, _("Plan status"), status);
  }
  /* TRANSLATORS: an action plan's progress: actions, done, overdue, not started */
  counts = g_strdup_printf (_("%u actions: %u done, %u overdue, %u not started"),
                            progress.total, progress.done, progress.overdue,
                            progress.not_started);
  cw_plan_progress_clear (&progress);
  cw_sections_pair (pairs, r, _("Progress"), counts);
  return TRUE;
}

/* The embedding checks of each action, as "method: result" lines. */
static GHashTable *
embedding_of (Reader  *r,
              GError **error)
{
  g_autoptr (GListModel) checks = cw_sections_list_of (r, &cw_entity_embedding_check, error);
  GHashTable *by_action;

  if (checks == NULL)
    return NULL;
  by_action = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_free);
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr (CwRecord) check = g_list_model_get_item (checks, i);
      gint64 action = cw_record_get_int (check, "action_id");
      g_autofree char *method = cw_record_dup_display (check, "method");
      g_autofree char *result = cw_record_dup_display (check, "result");
      const char *before = g_hash_table_lookup (by_action, &action);
      char *text = g_strdup_printf ("%s%s%s: %s", before ? before : "", before ? "\n" : "",
                                    method, result);

      g_hash_table_insert (by_action, g_memdup2 (&action, sizeof action), text);
    }
  return by_action;
}

/* Every action in the columns' order of ANALYSIS-REPORTS.md B2.11. */
gboolean
cw_sections_read_actions (Reader  *r,
                          GError **error)
{
  static const double widths[] = {
    0.12, 0.07, 0.12, 0.08, 0.09, 0.08, 0.08, 0.08, 0.075, 0.065, 0.06, 0.09,
  };
  const char *header[] = {
    _("Recommendation"), _("Single or multi-agency"), _("How do you intend to make changes?"),
    _("Who’s doing what?"), _("How will you know anything has changed?"),
    _("How the impact will be audited"), _("Evidence of impact"), _("Embedding check"),
    _("Status"), _("Due"), _("RAG"), _("Latest update"), NULL,
  };
  g_autoptr (GPtrArray) actions = cw_sections_actions_of (r, error);
  g_autoptr (GPtrArray) recommendations = NULL;
  g_autoptr (GHashTable) embedding = NULL;
  Block *table;

  if (actions == NULL
      || (recommendations = cw_analysis_list_recommendations (r->store, r->review_id,
                                                              error)) == NULL
      || (embedding = embedding_of (r, error)) == NULL)
    return FALSE;
  if (actions->len == 0)
    {
      cw_sections_add_none (r, _("No actions are recorded yet."));
      return TRUE;
    }
  table = cw_sections_add_table (r, G_N_ELEMENTS (widths), header, widths);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = actions->pdata[i];
      g_autofree char *recommendation = g_strdup_printf ("%d. %s", action->recommendation,
                                                         action->recommendation_text);
      g_autofree char *scope = NULL;
      g_autofree char *who = NULL;
      g_autofree char *status = cw_sections_choice (cw_action_statuses, action->status);
      g_autofree char *due = cw_sections_day_text (action->due_on);
      CwRagRating rating = cw_action_rate (action->status, action->due_on, action->closed_on,
                                           &r->today);

      for (guint j = 0; j < recommendations->len && scope == NULL; j++)
        {
          CwRecommendation *rec = recommendations->pdata[j];

          if (rec->id == action->recommendation_id)
            scope = g_strcmp0 (rec->scope, "single") == 0 && rec->agency
                      ? g_strdup_printf (_("Single agency: %s"), rec->agency)
                      : cw_sections_choice (cw_recommendation_scopes, rec->scope);
        }
      who = cw_sections_owner_of (action);
      /* A practitioner by name only in the full version. */
      if (r->redactor == NULL && action->person != NULL)
        {
          char *both = who ? g_strdup_printf ("%s; %s", who, action->person)
                           : g_strdup (action->person);

          g_free (who);
          who = both;
        }
      {
        const char *cells[] = {
          recommendation, scope, action->description, who, action->impact_measure,
          action->audit_method, action->impact_evidence,
          g_hash_table_lookup (embedding, &action->id), status, due, rating.words,
          action->latest_update, NULL,
        };

        cw_sections_row (table, r, cells);
      }
    }
  return TRUE;
}

static gboolean
actions_where (Reader     *r,
               gboolean    done,
               gboolean    impact,
               const char *none,
               GError    **error)
{
  g_autoptr (GPtrArray) actions = cw_sections_actions_of (r, error);
  g_autoptr (GHashTable) embedding = NULL;
  Block *list = NULL;

  if (actions == NULL || (embedding = embedding_of (r, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = actions->pdata[i];
      g_autofree char *owner = cw_sections_owner_of (action);
      g_autofree char *text = NULL;

      if (impact)
        {
          const char *checks = g_hash_table_lookup (embedding, &action->id);

          if (action->impact_evidence == NULL && checks == NULL)
            continue;
          text = g_strdup_printf ("%s: %s%s%s", action->description,
                                  action->impact_evidence ? action->impact_evidence : "",
                                  action->impact_evidence && checks ? " " : "",
                                  checks ? checks : "");
        }
      else if (done != cw_sections_is_done (action))
        continue;
      else if (done)
        text = g_strdup_printf ("%s (%s)", action->description, owner ? owner : "");
      else
        {
          g_autofree char *due = cw_sections_day_text (action->due_on);

          text = g_strdup_printf (_("%s (%s; due %s)"), action->description, owner ? owner : "",
                                  due ? due : _("no date set"));
        }
      if (list == NULL)
        list = cw_sections_add_list (r, FALSE);
      cw_sections_item (list, r, text);
    }
  if (list == NULL)
    cw_sections_add_none (r, none);
  return TRUE;
}

gboolean
cw_sections_read_actions_taken (Reader  *r,
                                GError **error)
{
  return actions_where (r, TRUE, FALSE, _("No action has been completed yet."), error);
}

gboolean
cw_sections_read_impact (Reader  *r,
                         GError **error)
{
  return actions_where (r, FALSE, TRUE, _("No evidence of impact is recorded yet."), error);
}

gboolean
cw_sections_read_more_to_do (Reader  *r,
                             GError **error)
{
  return actions_where (r, FALSE, FALSE, _("Every action is complete."), error);
}

/* The year's reviews, for the annual report */

static GPtrArray *
year_reviews (Reader  *r,
              GError **error)
{
  g_autoptr (GListModel) reviews = cw_store_list (r->store, &cw_entity_review, 0, error);
  g_autofree char *year = g_strdup_printf ("%04d-", g_date_get_year (&r->today));
  GPtrArray *held;

  if (reviews == NULL)
    return NULL;
  held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr (CwRecord) review = g_list_model_get_item (reviews, i);
      const char *decided = cw_record_get (review, "decision_date");
      const char *referred = cw_record_get (review, "referral_date");
      const char *when = decided ? decided : referred;

      /* Held this year: decided on this year, or referred when not decided yet. */
      if (when != NULL && g_str_has_prefix (when, year))
        g_ptr_array_add (held, g_steal_pointer (&review));
    }
  return held;
}

gboolean
cw_sections_read_annual_reviews (Reader  *r,
                                 GError **error)
{
  static const double widths[] = { 0.2, 0.3, 0.3, 0.2 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  const char *header[] = { _("Reference"), _("Kind"), _("Methodology"), _("Stage"), NULL };
  g_autofree char *intro = NULL;
  Block *table;

  if (reviews == NULL)
    return FALSE;
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u review was held in %d (decided on that year).",
                                        "%u reviews were held in %d (decided on that year).",
                                        reviews->len),
                           reviews->len, g_date_get_year (&r->today));
  cw_sections_add_plain (r, intro);
  if (reviews->len == 0)
    return TRUE;
  table = cw_sections_add_table (r, 4, header, widths);
  for (guint i = 0; i < reviews->len; i++)
    {
      CwRecord *review = reviews->pdata[i];
      g_autofree char *kind = cw_record_dup_display (review, "kind");
      g_autofree char *methodology = cw_record_dup_display (review, "methodology");
      g_autofree char *phase = cw_record_dup_display (review, "phase");
      const char *cells[] = { cw_record_get (review, "reference"), kind, methodology, phase,
                              NULL };

      cw_sections_row (table, r, cells);
    }
  return TRUE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const CwActionCount *x = *(CwActionCount *const *) a, *y = *(CwActionCount *const *) b;

  return x->n != y->n ? (int) y->n - (int) x->n : g_strcmp0 (x->key, y->key);
}

/* Findings counted by kind and by theme, and recommendations, over the
 * year's reviews. */
gboolean
cw_sections_read_annual_findings (Reader  *r,
                                  GError **error)
{
  static const double widths[] = { 0.75, 0.25 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  g_autoptr (GHashTable) themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) counted = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cw_action_count_free);
  const char *header[] = { _("Theme"), _("Findings"), NULL };
  guint findings = 0, good = 0, transferable = 0, recommendations = 0, single = 0;
  g_autofree char *totals = NULL;
  GHashTableIter iter;
  gpointer key, value;
  Block *table;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      gint64 id = cw_record_get_id (reviews->pdata[i]);
      g_autoptr (GPtrArray) list = cw_analysis_list_findings (r->store, id, error);
      g_autoptr (GPtrArray) recs = NULL;

      if (list == NULL || (recs = cw_analysis_list_recommendations (r->store, id, error)) == NULL)
        return FALSE;
      for (guint j = 0; j < list->len; j++)
        {
          CwFinding *finding = list->pdata[j];
          g_auto (GStrv) names = finding->themes ? g_strsplit (finding->themes, "; ", -1) : NULL;

          findings++;
          good += g_strcmp0 (finding->kind, "good-practice") == 0;
          transferable += finding->transferable;
          for (guint k = 0; names != NULL && names[k] != NULL; k++)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (themes, names[k]));

              g_hash_table_insert (themes, g_strdup (names[k]), GUINT_TO_POINTER (n + 1));
            }
        }
      for (guint j = 0; j < recs->len; j++)
        {
          recommendations++;
          single += g_strcmp0 (((CwRecommendation *) recs->pdata[j])->scope, "single") == 0;
        }
    }
  /* TRANSLATORS: the annual report's counts */
  totals = g_strdup_printf (_("%u findings (%u of good practice, %u areas for improvement; %u "
                              "marked as transferable learning) and %u recommendations (%u "
                              "multi-agency, %u single agency)."),
                            findings, good, findings - good, transferable, recommendations,
                            recommendations - single, single);
  cw_sections_add_plain (r, totals);
  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CwActionCount *count = g_new0 (CwActionCount, 1);

      count->key = g_strdup (key);
      count->n = GPOINTER_TO_UINT (value);
      g_ptr_array_add (counted, count);
    }
  if (counted->len == 0)
    return TRUE;
  g_ptr_array_sort (counted, compare_counts);
  cw_sections_add_heading (r, 3, _("Themes"));
  table = cw_sections_add_table (r, 2, header, widths);
  for (guint i = 0; i < counted->len; i++)
    {
      CwActionCount *count = counted->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", count->n);
      const char *cells[] = { count->key, n, NULL };

      cw_sections_row (table, r, cells);
    }
  return TRUE;
}

gboolean
cw_sections_read_annual_impact (Reader  *r,
                                GError **error)
{
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  guint evidenced = 0, embedded = 0;
  g_autofree char *text = NULL;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      CwActionFilter filter = CW_ACTION_FILTER_INIT;
      g_autoptr (GPtrArray) actions = NULL;

      filter.review_id = cw_record_get_id (reviews->pdata[i]);
      filter.include_closed = TRUE;
      if ((actions = cw_actions_list (r->store, &filter, &r->today, error)) == NULL)
        return FALSE;
      for (guint j = 0; j < actions->len; j++)
        {
          CwAction *action = actions->pdata[j];

          evidenced += action->impact_evidence != NULL;
          embedded += g_strcmp0 (action->status, "embedded") == 0;
        }
    }
  text = g_strdup_printf (_("Evidence of impact is recorded for %u actions; %u are embedded "
                            "in practice, checked by the monitoring body."), evidenced,
                          embedded);
  cw_sections_add_plain (r, text);
  return TRUE;
}

gboolean
cw_sections_read_annual_actions (Reader  *r,
                                 GError **error)
{
  static const double widths[] = { 0.24, 0.19, 0.19, 0.19, 0.19 };
  g_autoptr (GPtrArray) reviews = year_reviews (r, error);
  const char *header[] = { _("Review"), _("Actions"), _("Done"), _("Overdue"),
                           _("Not started"), NULL };
  Block *table = NULL;

  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      CwPlanProgress progress = { 0 };
      g_autofree char *total = NULL, *done = NULL, *overdue = NULL, *waiting = NULL;

      if (!cw_actions_get_progress (r->store, cw_record_get_id (reviews->pdata[i]), &r->today,
                                    &progress, error))
        return FALSE;
      total = g_strdup_printf ("%u", progress.total);
      done = g_strdup_printf ("%u", progress.done);
      overdue = g_strdup_printf ("%u", progress.overdue);
      waiting = g_strdup_printf ("%u", progress.not_started);
      cw_plan_progress_clear (&progress);
      {
        const char *cells[] = { cw_record_get (reviews->pdata[i], "reference"), total, done,
                                overdue, waiting, NULL };

        if (table == NULL)
          table = cw_sections_add_table (r, 5, header, widths);
        cw_sections_row (table, r, cells);
      }
    }
  if (table == NULL)
    cw_sections_add_none (r, _("No review held this year has an action plan yet."));
  return TRUE;
}

gboolean
cw_sections_read_annual_wider (Reader  *r,
                               GError **error)
{
  cw_sections_add_plain (r, _("Audits, forums and other learning and improvement work are not recorded in "
                  "Casewise: write them here."));
  cw_sections_add_notes (r);
  return TRUE;
}

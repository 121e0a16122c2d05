/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-actions-private.h"
#include "cw-date.h"

/* The actions of one review or of all of them, as the Actions view, the
 * CLI and the tracker read them: open ones by default, filtered by agency,
 * owner body, theme, status and due window, overdue first. One query with
 * its filters bound, whatever the filter (so that it is prepared once);
 * the RAG rating is worked out after, from the clock's today. */

void
cw_action_free (CwAction *action)
{
  if (action == NULL)
    return;
  g_free (action->reference);
  g_free (action->recommendation_text);
  g_free (action->description);
  g_free (action->agency);
  g_free (action->person);
  g_free (action->body);
  g_free (action->due_on);
  g_free (action->status);
  g_free (action->impact_measure);
  g_free (action->audit_method);
  g_free (action->impact_evidence);
  g_free (action->closed_on);
  g_free (action->closed_reason);
  g_free (action->latest_update);
  g_free (action);
}

void
cw_action_count_free (CwActionCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count);
}

/* ?1 review, ?2 agency, ?3 body, ?4 theme, ?5 status, ?6 due by (a day or
 * NULL), ?7 overdue before (a day or NULL), ?8 closed ones too. */
const char cw_actions_list_sql[] =
  "SELECT a.id, a.review_id, a.recommendation_id, v.reference, r.position, r.text,"
  " a.description, g.name, a.owner_person, b.name, a.due_on, a.status, a.during_review,"
  " a.impact_measure, a.audit_method, a.impact_evidence, a.closed_on, a.closed_reason,"
  " (SELECT u.reported_on || ': ' || coalesce (u.narrative, '') FROM progress_update u"
  "   WHERE u.action_id = a.id AND u.deleted = 0 ORDER BY u.reported_on DESC, u.id DESC LIMIT 1)"
  " FROM action a"
  " JOIN review v ON v.id = a.review_id AND v.deleted = 0"
  " JOIN recommendation r ON r.id = a.recommendation_id AND r.deleted = 0"
  " LEFT JOIN agency g ON g.id = a.owner_agency"
  " LEFT JOIN body b ON b.id = a.owner_body"
  " WHERE a.deleted = 0"
  " AND (?1 = 0 OR a.review_id = ?1)"
  " AND (?2 = 0 OR a.owner_agency = ?2)"
  " AND (?3 = 0 OR a.owner_body = ?3)"
  " AND (?4 = 0 OR EXISTS (SELECT 1 FROM recommendation_finding rf"
  "   JOIN finding_theme ft ON ft.finding_id = rf.finding_id AND ft.deleted = 0"
  "   WHERE rf.recommendation_id = a.recommendation_id AND rf.deleted = 0 AND ft.theme_id = ?4))"
  " AND (?5 IS NULL OR a.status = ?5)"
  " AND (?6 IS NULL OR a.due_on <= ?6)"
  " AND (?7 IS NULL OR (a.due_on < ?7 AND a.status IN ('not-started', 'in-progress')))"
  " AND (?8 OR (a.closed_on IS NULL AND a.status <> 'embedded'))"
  " ORDER BY a.due_on IS NULL, a.due_on, v.reference, r.position, a.id";

static char *
iso_days_after (const GDate *today,
                int          days)
{
  GDate day = *today;

  g_date_add_days (&day, days);
  return cw_date_format_iso (&day);
}

static CwAction *
read_action (sqlite3_stmt *stmt,
             const GDate  *today)
{
  CwAction *a = g_new0 (CwAction, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->review_id = sqlite3_column_int64 (stmt, 1);
  a->recommendation_id = sqlite3_column_int64 (stmt, 2);
  a->reference = cw_store_column_text (stmt, 3);
  a->recommendation = sqlite3_column_int (stmt, 4);
  a->recommendation_text = cw_store_column_text (stmt, 5);
  a->description = cw_store_column_text (stmt, 6);
  a->agency = cw_store_column_text (stmt, 7);
  a->person = cw_store_column_text (stmt, 8);
  a->body = cw_store_column_text (stmt, 9);
  a->due_on = cw_store_column_text (stmt, 10);
  a->status = cw_store_column_text (stmt, 11);
  a->during_review = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 12), "yes") == 0;
  a->impact_measure = cw_store_column_text (stmt, 13);
  a->audit_method = cw_store_column_text (stmt, 14);
  a->impact_evidence = cw_store_column_text (stmt, 15);
  a->closed_on = cw_store_column_text (stmt, 16);
  a->closed_reason = cw_store_column_text (stmt, 17);
  a->latest_update = cw_store_column_text (stmt, 18);
  a->rating = cw_action_rate (a->status, a->due_on, a->closed_on, today);
  return a;
}

/* Overdue (red) first, then by due date as the query gave them. */
static int
overdue_first (gconstpointer a,
               gconstpointer b)
{
  const CwAction *x = *(CwAction *const *) a, *y = *(CwAction *const *) b;
  gboolean xr = x->rating.rag == CW_RAG_RED, yr = y->rating.rag == CW_RAG_RED;

  return yr - xr;
}

/**
 * cw_actions_list:
 * @filter: (nullable): which actions; %NULL for every open action
 * @today: the day to rate them on
 *
 * Returns: (transfer full) (element-type CwAction): the actions, those
 *   rated red first, then by due date (none last)
 */
GPtrArray *
cw_actions_list (CwStore              *store,
                 const CwActionFilter *filter,
                 const GDate          *today,
                 GError              **error)
{
  static const CwActionFilter all = CW_ACTION_FILTER_INIT;
  sqlite3_stmt *stmt = cw_store_prepare (store, cw_actions_list_sql, error);
  g_autofree char *due_by = NULL;
  g_autofree char *before = NULL;
  GPtrArray *actions;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (stmt == NULL)
    return NULL;
  if (filter == NULL)
    filter = &all;
  if (filter->due_within >= 0)
    due_by = iso_days_after (today, filter->due_within);
  if (filter->overdue)
    before = cw_date_format_iso (today);
  sqlite3_bind_int64 (stmt, 1, filter->review_id);
  sqlite3_bind_int64 (stmt, 2, filter->agency_id);
  sqlite3_bind_int64 (stmt, 3, filter->body_id);
  sqlite3_bind_int64 (stmt, 4, filter->theme_id);
  sqlite3_bind_text (stmt, 5, filter->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, due_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, before, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, filter->include_closed);
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actions, read_action (stmt, today));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (store, error, _("Could not read the actions"));
      g_ptr_array_unref (actions);
      return NULL;
    }
  /* g_ptr_array_sort() is stable: the due-date order stays within each. */
  g_ptr_array_sort (actions, overdue_first);
  return actions;
}

static int
most_first (gconstpointer a,
            gconstpointer b)
{
  const CwActionCount *x = *(CwActionCount *const *) a, *y = *(CwActionCount *const *) b;

  return (int) y->n - (int) x->n;
}

static const char *
key_of (CwAction   *a,
        const char *what)
{
  if (g_str_equal (what, "status"))
    return a->status;
  if (g_str_equal (what, "agency"))
    return a->agency ? a->agency : a->body ? a->body : "";
  if (g_str_equal (what, "rag"))
    return cw_rag_name (a->rating.rag);
  g_return_val_if_reached ("");
}

/**
 * cw_actions_count_by:
 * @actions: (element-type CwAction): a list from cw_actions_list()
 * @what: "status", "agency" (the owner agency, else body) or "rag"
 *
 * Returns: (transfer full) (element-type CwActionCount): how many there are
 *   of each, most first
 */
GPtrArray *
cw_actions_count_by (GPtrArray  *actions,
                     const char *what)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_action_count_free);

  for (guint i = 0; i < actions->len; i++)
    {
      const char *key = key_of (actions->pdata[i], what);
      CwActionCount *count = g_hash_table_lookup (seen, key);

      if (count == NULL)
        {
          count = g_new0 (CwActionCount, 1);
          count->key = g_strdup (key);
          g_hash_table_insert (seen, count->key, count);
          g_ptr_array_add (counts, count);
        }
      count->n++;
    }
  g_ptr_array_sort (counts, most_first);
  return counts;
}

void
cw_plan_progress_clear (CwPlanProgress *progress)
{
  g_clear_pointer (&progress->status, g_free);
  g_clear_pointer (&progress->by_status, g_ptr_array_unref);
}

/* In the statuses' order, as a person reads a plan's progress. */
static GPtrArray *
count_by_status (GPtrArray *actions)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_action_count_free);

  for (const CwChoice *choice = cw_action_statuses; choice->id != NULL; choice++)
    {
      guint n = 0;

      for (guint i = 0; i < actions->len; i++)
        n += g_strcmp0 (((CwAction *) actions->pdata[i])->status, choice->id) == 0;
      if (n > 0)
        {
          CwActionCount *count = g_new0 (CwActionCount, 1);

          count->key = g_strdup (choice->id);
          count->n = n;
          g_ptr_array_add (counts, count);
        }
    }
  return counts;
}

/**
 * cw_actions_get_progress:
 * @out: (out caller-allocates): the progress, cleared with
 *   cw_plan_progress_clear()
 *
 * How far the review's action plan has come, for its overview: how many
 * actions, done, overdue, and in each status.
 */
gboolean
cw_actions_get_progress (CwStore         *store,
                         gint64           review_id,
                         const GDate     *today,
                         CwPlanProgress  *out,
                         GError         **error)
{
  CwActionFilter filter = CW_ACTION_FILTER_INIT;
  g_autoptr (GPtrArray) actions = NULL;

  memset (out, 0, sizeof *out);
  filter.review_id = review_id;
  filter.include_closed = TRUE;
  if ((actions = cw_actions_list (store, &filter, today, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *a = actions->pdata[i];

      out->total++;
      out->done += a->rating.rag == CW_RAG_DONE || a->rating.rag == CW_RAG_CLOSED;
      out->overdue += a->rating.overdue;
      out->not_started += g_strcmp0 (a->status, "not-started") == 0;
    }
  out->by_status = count_by_status (actions);
  out->status = cw_store_text_for_id (store, "SELECT status FROM action_plan"
                                             " WHERE review_id = ? AND deleted = 0", review_id);
  return TRUE;
}

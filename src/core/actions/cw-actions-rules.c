/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-actions-private.h"
#include "cw-analysis.h"

/* The rules of action plans, checked by the store on every insert and
 * update (ANALYSIS-REPORTS.md B5: a plan closes when every action is
 * embedded, or closed by the monitoring body with a recorded reason):
 * - statuses move one step forward or one back;
 * - an action is closed by a body, with a reason;
 * - a plan is closed only when none of its actions is still open;
 * - a row refers to rows of its own review only. */

static gboolean
status_changes (const CwField *changed)
{
  return changed == NULL || g_str_equal (changed->name, "status");
}

/* Actions of the review neither embedded nor closed. */
static gint64
count_open_actions (CwStore *store,
                    gint64   review_id)
{
  g_autofree char *n = cw_store_text_for_id (store,
    "SELECT count (*) FROM action a JOIN recommendation r ON r.id = a.recommendation_id"
    " AND r.deleted = 0 WHERE a.review_id = ? AND a.deleted = 0 AND a.status <> 'embedded'"
    " AND a.closed_on IS NULL", review_id);

  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}

gboolean
cw_actions_validate_plan (CwStore         *store,
                          const CwEntity  *entity,
                          CwRecord        *row,
                          const CwField   *changed,
                          GError         **error)
{
  gint64 open;

  if (!status_changes (changed))
    return TRUE;
  if (!cw_analysis_check_status_move (store, entity, row, error))
    return FALSE;
  if (g_strcmp0 (cw_record_get (row, "status"), "closed") != 0)
    return TRUE;
  open = count_open_actions (store, cw_record_get_review_id (row));
  if (open == 0)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "Status: %" G_GINT64_FORMAT " action is neither embedded nor closed "
                            "by the monitoring body; the plan closes when none is",
                            "Status: %" G_GINT64_FORMAT " actions are neither embedded nor "
                            "closed by the monitoring body; the plan closes when none is", open),
               open);
  return FALSE;
}

gboolean
cw_actions_validate_action (CwStore         *store,
                            const CwEntity  *entity,
                            CwRecord        *row,
                            const CwField   *changed,
                            GError         **error)
{
  const char *closed = cw_record_get (row, "closed_on");

  if (status_changes (changed) && !cw_analysis_check_status_move (store, entity, row, error))
    return FALSE;
  if (!cw_analysis_check_same_review (store, row, "recommendation_id",
                                      &cw_entity_recommendation, error))
    return FALSE;
  if (closed != NULL && (cw_record_get (row, "closed_reason") == NULL
                         || cw_record_get (row, "closed_by") == NULL))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("An action is closed by the monitoring body, with the reason"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cw_actions_validate_child (CwStore         *store,
                           const CwEntity  *entity,
                           CwRecord        *row,
                           const CwField   *changed,
                           GError         **error)
{
  return cw_analysis_check_same_review (store, row, "action_id", &cw_entity_action, error);
}

/* A progress update that gives the action's status moves the action to
 * it, one step at a time as any move: from the app's table as from
 * cw_actions_add_update() and the tracker's import. */
gboolean
cw_actions_follow_update (CwStore         *store,
                          const CwEntity  *entity,
                          CwRecord        *row,
                          const CwField   *changed,
                          GError         **error)
{
  const char *status = cw_record_get (row, "status");
  const char *action = cw_record_get (row, "action_id");
  g_autofree char *now = NULL;

  if (status == NULL || action == NULL || (changed != NULL && !g_str_equal (changed->name, "status")))
    return TRUE;
  now = cw_store_text_for_id (store, "SELECT status FROM action WHERE id = ?",
                              g_ascii_strtoll (action, NULL, 10));
  if (g_strcmp0 (now, status) == 0)
    return TRUE;
  return cw_analysis_move_status (store, &cw_entity_action, g_ascii_strtoll (action, NULL, 10),
                                  status, error);
}

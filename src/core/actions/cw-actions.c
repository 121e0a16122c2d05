/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-actions-enums.h"
#include "cw-actions-private.h"
#include "cw-analysis.h"
#include "cw-clock.h"
#include "cw-date.h"
#include "cw-enum.h"

/* Action plans: the RAG rating, and the changes that touch more than one
 * row (adding an action to its review's plan, closing one, a progress
 * update that moves its status, an evidence file). */

/**
 * cw_action_rate:
 * @status: the action's status
 * @due_on: (nullable): its due date, YYYY-MM-DD
 * @closed_on: (nullable): when the monitoring body closed it
 * @today: the day to rate it on
 *
 * Red, amber or green from the status and the due date: an open action
 * past its due date is red ("Overdue"), due within %CW_ACTIONS_SOON_DAYS
 * days or without a due date amber, otherwise green; a completed one is
 * green, an embedded one done, one not sustained red; one the monitoring
 * body closed is closed.
 *
 * Returns: the rating, with words and an icon to show beside the colour
 */
CwRagRating
cw_action_rate (const char  *status,
                const char  *due_on,
                const char  *closed_on,
                const GDate *today)
{
  GDate due;
  int days;

  if (closed_on != NULL)
    return (CwRagRating) { CW_RAG_CLOSED, _("Closed"), "action-unavailable-symbolic" };
  if (g_strcmp0 (status, "embedded") == 0)
    return (CwRagRating) { CW_RAG_DONE, _("Embedded"), "emblem-ok-symbolic" };
  if (g_strcmp0 (status, "not-sustained") == 0)
    return (CwRagRating) { CW_RAG_RED, _("Not sustained"), "dialog-warning-symbolic" };
  if (g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "impact-evidenced") == 0)
    return (CwRagRating) { CW_RAG_GREEN, _("Completed"), "object-select-symbolic" };
  if (due_on == NULL || !cw_date_parse (due_on, &due))
    return (CwRagRating) { CW_RAG_AMBER, _("No due date"), "dialog-question-symbolic" };
  days = g_date_days_between (today, &due);
  if (days < 0)
    return (CwRagRating) { CW_RAG_RED, _("Overdue"), "dialog-warning-symbolic", TRUE };
  if (days <= CW_ACTIONS_SOON_DAYS)
    return (CwRagRating) { CW_RAG_AMBER, _("Due soon"), "alarm-symbolic" };
  return (CwRagRating) { CW_RAG_GREEN, _("On track"), "object-select-symbolic" };
}

/**
 * cw_rag_name:
 *
 * Returns: "red", "amber", "green", "done" or "closed", as the tracker and
 *   JSON write it
 */
const char *
cw_rag_name (CwRag rag)
{
  const char *nick = cw_enum_get_nick (CW_TYPE_RAG, rag);

  g_return_val_if_fail (nick != NULL, "");
  return nick;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/**
 * cw_actions_ensure_plan:
 *
 * Returns: the review's action plan, made (as a draft) if it has none; 0
 *   with @error set
 */
gint64
cw_actions_ensure_plan (CwStore  *store,
                        gint64    review_id,
                        GError  **error)
{
  g_autofree char *id = cw_store_text_for_id (store, "SELECT id FROM action_plan"
                                                     " WHERE review_id = ? AND deleted = 0",
                                              review_id);
  const char *pairs[] = { "status", "draft", NULL };

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (id != NULL)
    return g_ascii_strtoll (id, NULL, 10);
  return cw_store_insert (store, &cw_entity_action_plan, review_id, pairs, error);
}

/**
 * cw_actions_add:
 * @description: what will change ("How do you intend to make changes?")
 *
 * Adds an action for the recommendation, not started, to the plan of its
 * review (made if it has none).
 *
 * Returns: the action's id, or 0 with @error set
 */
gint64
cw_actions_add (CwStore     *store,
                gint64       recommendation_id,
                const char  *description,
                GError     **error)
{
  g_autofree char *review = cw_store_text_for_id (store, "SELECT review_id FROM recommendation"
                                                         " WHERE id = ? AND deleted = 0",
                                                  recommendation_id);
  g_autofree char *recommendation = id_text (recommendation_id);
  const char *pairs[] = { "recommendation_id", recommendation, "description", description,
                          "status", "not-started", "during_review", "no", NULL };
  g_autoptr (CwTransaction) tx = NULL;
  gint64 review_id, id;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (review == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The recommendation was not found; it may have been deleted"));
      return 0;
    }
  review_id = g_ascii_strtoll (review, NULL, 10);
  if ((tx = cw_transaction_begin (store, error)) == NULL
      || cw_actions_ensure_plan (store, review_id, error) == 0)
    return 0;
  id = cw_store_insert (store, &cw_entity_action, review_id, pairs, error);
  return id != 0 && cw_transaction_commit (tx, error) ? id : 0;
}

/**
 * cw_actions_close:
 * @body_id: the monitoring body that closes it
 * @reason: why, e.g. "superseded by the new neglect strategy"
 *
 * Closes the action today (by the project's clock), in one change.
 */
gboolean
cw_actions_close (CwStore     *store,
                  gint64       action_id,
                  gint64       body_id,
                  const char  *reason,
                  GError     **error)
{
  g_autoptr (CwTransaction) tx = NULL;
  g_autofree char *body = id_text (body_id);
  g_autofree char *today = NULL;
  GDate now;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);

  if (reason == NULL || *g_strstrip (g_strdup (reason)) == '\0' || body_id <= 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("An action is closed by the monitoring body, with the reason"));
      return FALSE;
    }
  cw_clock_today (&now);
  today = cw_date_format_iso (&now);
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  /* The reason and the body first: the rules see the row as each change
   * leaves it. */
  return cw_store_update (store, &cw_entity_action, action_id, "closed_reason", reason, error)
         && cw_store_update (store, &cw_entity_action, action_id, "closed_by", body, error)
         && cw_store_update (store, &cw_entity_action, action_id, "closed_on", today, error)
         && cw_transaction_commit (tx, error);
}

/**
 * cw_actions_add_update:
 * @reported_on: (nullable): the day of the update (YYYY-MM-DD or as
 *   typed); %NULL for today
 * @status: (nullable): the action's status now; the action moves to it, step
 *   by step, with the update
 *
 * Returns: the update's id, or 0 with @error set (and nothing changed)
 */
gint64
cw_actions_add_update (CwStore     *store,
                       gint64       action_id,
                       const char  *reported_on,
                       const char  *reporter,
                       const char  *status,
                       const char  *narrative,
                       GError     **error)
{
  g_autofree char *review = cw_store_text_for_id (store, "SELECT review_id FROM action"
                                                         " WHERE id = ? AND deleted = 0",
                                                  action_id);
  g_autofree char *action = id_text (action_id);
  g_autofree char *today = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (review == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The action was not found; it may have been deleted"));
      return 0;
    }
  if (reported_on == NULL)
    {
      GDate now;

      cw_clock_today (&now);
      reported_on = today = cw_date_format_iso (&now);
    }
  {
    const char *pairs[] = { "action_id", action, "reported_on", reported_on, "reporter", reporter,
                            "status", status, "narrative", narrative, NULL };

    /* The update's follow function moves the action to @status. */
    if ((tx = cw_transaction_begin (store, error)) == NULL
        || (id = cw_store_insert (store, &cw_entity_progress_update,
                                  g_ascii_strtoll (review, NULL, 10), pairs, error)) == 0)
      return 0;
  }
  return cw_transaction_commit (tx, error) ? id : 0;
}

/**
 * cw_actions_attach_file:
 * @file_name: the file's name as the user knows it (no folder)
 * @data: its bytes, at most %CW_ACTIONS_MAX_FILE_SIZE
 *
 * Keeps a file in the database as evidence of the action's impact, with
 * its type and a SHA-256 checksum.
 *
 * Returns: the file's id, or 0 with @error set
 */
gint64
cw_actions_attach_file (CwStore     *store,
                        gint64       action_id,
                        const char  *file_name,
                        GBytes      *data,
                        GError     **error)
{
  g_autofree char *review = cw_store_text_for_id (store, "SELECT review_id FROM action"
                                                         " WHERE id = ? AND deleted = 0",
                                                  action_id);
  g_autofree char *base = g_path_get_basename (file_name);
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr (CwTransaction) tx = NULL;
  gsize n = g_bytes_get_size (data);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if (review == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The action was not found; it may have been deleted"));
      return 0;
    }
  if (n > CW_ACTIONS_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (CW_ACTIONS_MAX_FILE_SIZE);
      g_autofree char *actual = g_format_size (n);

      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is %s; evidence files are kept in the database up to %s each"),
                   base, actual, limit);
      return 0;
    }
  type = g_content_type_guess (base, g_bytes_get_data (data, NULL), n, NULL);
  mime = g_content_type_get_mime_type (type);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  /* Written here rather than by cw_store_insert(): the bytes are no field
   * of the entity, so its audit rows name the file but never copy it. */
  if ((tx = cw_transaction_begin (store, error)) == NULL
      || (stmt = cw_store_prepare (store, "INSERT INTO action_file (review_id, action_id,"
                                          " file_name, content_type, size, checksum, data)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?)", error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (review, NULL, 10));
  sqlite3_bind_int64 (stmt, 2, action_id);
  sqlite3_bind_text (stmt, 3, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mime ? mime : type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) n);
  sqlite3_bind_text (stmt, 6, checksum, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 7, n ? g_bytes_get_data (data, NULL) : "", n, SQLITE_STATIC);
  if (!cw_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (store->db);
  cw_store_note_change (store, "action_file", id);
  return cw_transaction_commit (tx, error) ? id : 0;
}

/**
 * cw_actions_read_file:
 * @file_name: (out) (optional): its name
 * @content_type: (out) (optional): its MIME type
 *
 * Returns: (transfer full) (nullable): the file's bytes, checked against
 *   the checksum they were kept with
 */
GBytes *
cw_actions_read_file (CwStore  *store,
                      gint64    file_id,
                      char    **file_name,
                      char    **content_type,
                      GError  **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT file_name, content_type, checksum, data"
                                                " FROM action_file WHERE id = ? AND deleted = 0",
                                         error);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *actual = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The file was not found; it may have been deleted"));
      return NULL;
    }
  name = cw_store_column_text (stmt, 0);
  type = cw_store_column_text (stmt, 1);
  kept = cw_store_column_text (stmt, 2);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
  sqlite3_reset (stmt);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (kept, actual) != 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged in the database (its checksum does not match)"), name);
      return NULL;
    }
  if (file_name != NULL)
    *file_name = g_steal_pointer (&name);
  if (content_type != NULL)
    *content_type = g_steal_pointer (&type);
  return g_steal_pointer (&bytes);
}

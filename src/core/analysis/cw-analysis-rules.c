/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis-entities.h"
#include "cw-analysis-private.h"

/* The rules of the analysis, checked by the store on every insert and
 * update (CwEntity.validate), so that the app, the CLI and an import of
 * the same data obey the same rules:
 * - a row refers only to rows of its own review;
 * - a finding's or a recommendation's status moves one step forward, or
 *   one back (Cumbria and Falkirk give the order; ANALYSIS-REPORTS.md
 *   "States");
 * - a finding is agreed (or presented) only with evidence behind it, or
 *   with the reason it stands without;
 * - a piece of evidence points at exactly one episode, factor or entry. */

static int
status_index (const CwChoice *statuses,
              const char     *id)
{
  for (int i = 0; id != NULL && statuses[i].id != NULL; i++)
    if (g_str_equal (statuses[i].id, id))
      return i;
  return -1;
}

/**
 * cw_analysis_status_move_allowed:
 * @statuses: the statuses, in their order
 * @from: (nullable): the status now; %NULL for a new row
 * @to: the status wanted
 *
 * A status moves one step forward or one step back; a new row starts at
 * the first. A list that ends with "not sustained" has it as the
 * alternative to the status before it ("embedded"): both follow the one
 * before that ("implemented") and go back to it.
 *
 * Returns: whether the move is allowed
 */
gboolean
cw_analysis_status_move_allowed (const CwChoice *statuses,
                                 const char     *from,
                                 const char     *to)
{
  int a = status_index (statuses, from), b = status_index (statuses, to);
  int last = -1;

  g_return_val_if_fail (statuses != NULL, FALSE);

  while (statuses[last + 1].id != NULL)
    last++;
  if (b < 0)
    return FALSE;
  if (from == NULL)
    return b == 0;
  if (a < 0 || a == b)
    return a == b;
  /* "Not sustained", last, stands beside the one before it: both follow
   * the status before that, and go back to it. */
  if (g_str_equal (statuses[last].id, "not-sustained"))
    {
      if (a == last || b == last)
        return MIN (a, b) == last - 2;
    }
  return ABS (a - b) == 1;
}

static char *
stored_value (CwStore        *store,
              const CwEntity *entity,
              gint64          id,
              const char     *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", column,
                                          entity->table);

  return cw_store_text_for_id (store, sql, id);
}

/**
 * cw_analysis_check_status_move:
 * @entity: an entity whose "status" field is a choice in order
 * @row: the row as a change would leave it
 *
 * Refuses a status that does not follow from the stored one (one step
 * forward or back; a new row starts at the first).
 *
 * Returns: whether the row's status may be written
 */
gboolean
cw_analysis_check_status_move (CwStore         *store,
                               const CwEntity  *entity,
                               CwRecord        *row,
                               GError         **error)
{
  const CwChoice *statuses = cw_entity_find_field (entity, "status")->choices;
  gint64 id = cw_record_get_id (row);
  const char *to = cw_record_get (row, "status");
  g_autofree char *from = id > 0 ? stored_value (store, entity, id, "status") : NULL;

  if (to == NULL || cw_analysis_status_move_allowed (statuses, from, to))
    return TRUE;
  if (from == NULL)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("Status: a new one starts as “%s”"), _(statuses[0].label));
  else
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("Status: “%s” cannot move to “%s”; a status moves one step forward or one "
                   "back"), _(cw_choice_label (statuses, from)), _(cw_choice_label (statuses, to)));
  return FALSE;
}

/**
 * cw_analysis_check_same_review:
 * @row: a row of a review's entity
 * @field: a reference of @row
 * @ref: the entity @field refers to, which belongs to reviews
 *
 * Returns: whether the row @field names belongs to @row's review (or
 *   @field is empty)
 */
gboolean
cw_analysis_check_same_review (CwStore         *store,
                               CwRecord        *row,
                               const char      *field,
                               const CwEntity  *ref,
                               GError         **error)
{
  const char *value = cw_record_get (row, field);
  g_autofree char *sql = NULL;
  g_autofree char *review = NULL;
  gint64 id;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL))
    return TRUE;
  sql = g_strdup_printf ("SELECT review_id FROM %s WHERE id = ?", ref->table);
  review = cw_store_text_for_id (store, sql, id);
  if (review != NULL && g_ascii_strtoll (review, NULL, 10) == cw_record_get_review_id (row))
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: it belongs to another review"),
               _(cw_entity_find_field (cw_record_get_entity (row), field)->label));
  return FALSE;
}

static gboolean
check_refs (CwStore         *store,
            const CwEntity  *entity,
            CwRecord        *row,
            GError         **error)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CwField *field = &entity->fields[i];

      if (field->type == CW_FIELD_REF && field->ref->parent != NULL
          && !cw_analysis_check_same_review (store, row, field->name, field->ref, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cw_analysis_count_evidence:
 *
 * Returns: how many pieces of evidence stand behind the finding (those
 *   pointing at deleted rows do not count)
 */
gint64
cw_analysis_count_evidence (CwStore *store,
                            gint64   finding_id)
{
  g_autofree char *n = cw_store_text_for_id (store,
    "SELECT count (*) FROM finding_evidence v"
    " LEFT JOIN episode p ON p.id = v.episode_id"
    " LEFT JOIN factor f ON f.id = v.factor_id"
    " LEFT JOIN chronology_entry e ON e.id = v.entry_id"
    " WHERE v.finding_id = ? AND v.deleted = 0"
    " AND coalesce (p.deleted, f.deleted, e.deleted) = 0", finding_id);

  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}

gboolean
cw_analysis_validate_finding (CwStore         *store,
                              const CwEntity  *entity,
                              CwRecord        *row,
                              const CwField   *changed,
                              GError         **error)
{
  const char *status = cw_record_get (row, "status");
  const char *reason = cw_record_get (row, "without_evidence");

  if ((changed == NULL || g_str_equal (changed->name, "status"))
      && !cw_analysis_check_status_move (store, entity, row, error))
    return FALSE;
  if (g_strcmp0 (status, "agreed") != 0 && g_strcmp0 (status, "presented") != 0)
    return TRUE;
  if (reason != NULL && *reason != '\0')
    return TRUE;
  if (cw_record_get_id (row) > 0 && cw_analysis_count_evidence (store, cw_record_get_id (row)) > 0)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("Status: a finding is agreed with evidence behind it (an episode, a factor or "
                 "an entry); link some, or say why it stands without"));
  return FALSE;
}

gboolean
cw_analysis_validate_evidence (CwStore         *store,
                               const CwEntity  *entity,
                               CwRecord        *row,
                               const CwField   *changed,
                               GError         **error)
{
  static const char *const targets[] = { "episode_id", "factor_id", "entry_id" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    n += cw_record_get (row, targets[i]) != NULL;
  if (n != 1)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("Evidence points at one episode, one contributory factor or one chronology "
                     "entry"));
      return FALSE;
    }
  return check_refs (store, entity, row, error);
}

gboolean
cw_analysis_validate_recommendation (CwStore         *store,
                                     const CwEntity  *entity,
                                     CwRecord        *row,
                                     const CwField   *changed,
                                     GError         **error)
{
  if ((changed == NULL || g_str_equal (changed->name, "status"))
      && !cw_analysis_check_status_move (store, entity, row, error))
    return FALSE;
  return TRUE;
}

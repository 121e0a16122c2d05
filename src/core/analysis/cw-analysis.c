/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis-private.h"
#include "cw-chronology-entities.h"

/* Operations on the analysis that touch more than one row: episodes made
 * from chronology entries, the order of findings and recommendations, a
 * status walked to where it is wanted; and the plain reads lists, the
 * command line and reports use. */

void
cw_episode_free (CwEpisode *episode)
{
  if (episode == NULL)
    return;
  g_free (episode->title);
  g_free (episode->start_date);
  g_free (episode->end_date);
  g_free (episode->first_day);
  g_free (episode->last_day);
  g_free (episode->agencies);
  g_free (episode);
}

void
cw_finding_free (CwFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->statement);
  g_free (finding->kind);
  g_free (finding->scope);
  g_free (finding->status);
  g_free (finding->themes);
  g_free (finding->without_evidence);
  g_free (finding);
}

void
cw_recommendation_free (CwRecommendation *recommendation)
{
  if (recommendation == NULL)
    return;
  g_free (recommendation->text);
  g_free (recommendation->scope);
  g_free (recommendation->agency);
  g_free (recommendation->addressed_to);
  g_free (recommendation->status);
  g_free (recommendation->response);
  g_free (recommendation);
}

void
cw_factor_free (CwFactor *factor)
{
  if (factor == NULL)
    return;
  g_free (factor->category);
  g_free (factor->direction);
  g_free (factor->level);
  g_free (factor->why);
  g_free (factor->agency);
  g_free (factor);
}

/* Statuses */

static int
index_of (const CwChoice *statuses,
          const char     *id)
{
  for (int i = 0; id != NULL && statuses[i].id != NULL; i++)
    if (g_str_equal (statuses[i].id, id))
      return i;
  return -1;
}

static const CwChoice *
statuses_of (const CwEntity *entity)
{
  const CwField *field = cw_entity_find_field (entity, "status");

  return field != NULL && field->type == CW_FIELD_CHOICE ? field->choices : NULL;
}

static int
last_index (const CwChoice *statuses)
{
  int last = 0;

  while (statuses[last + 1].id != NULL)
    last++;
  return last;
}

/* The next status on the way from @from to @to. */
static const char *
next_step (const CwChoice *statuses,
           const char     *from,
           const char     *to)
{
  int a = index_of (statuses, from), b = index_of (statuses, to);
  int last = last_index (statuses);

  /* "Not sustained" stands beside the status before it. */
  if (g_str_equal (statuses[last].id, "not-sustained") && (a == last || b == last))
    {
      if (a == last - 2 && b == last)
        return to;
      if (a == last)
        return statuses[last - 2].id;
      b = MIN (b, last - 2);
    }
  if (a == last - 1 && b < a && g_str_equal (statuses[last].id, "not-sustained"))
    return statuses[last - 2].id;
  return statuses[a < b ? a + 1 : a - 1].id;
}

/**
 * cw_analysis_move_status:
 * @entity: an entity with a "status" choice whose order the rules keep
 *   (findings, recommendations, actions)
 * @to: the status wanted
 *
 * Moves the status step by step to @to, each step checked by the rules
 * (a finding reaches "agreed" only with evidence), all of it or nothing:
 * what a person would do by hand, in one go.
 *
 * Returns: whether the status is now @to
 */
gboolean
cw_analysis_move_status (CwStore         *store,
                         const CwEntity  *entity,
                         gint64           id,
                         const char      *to,
                         GError         **error)
{
  const CwChoice *statuses = statuses_of (entity);
  g_autofree char *sql = NULL;
  g_autofree char *now = NULL;
  g_autoptr (CwTransaction) tx = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (statuses != NULL, FALSE);

  if (index_of (statuses, to) < 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("“%s” is not a status"), to);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT status FROM %s WHERE id = ? AND deleted = 0", entity->table);
  now = cw_store_text_for_id (store, sql, id);
  if (now == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The item was not found; it may have been deleted"));
      return FALSE;
    }
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  while (!g_str_equal (now, to))
    {
      const char *step = next_step (statuses, now, to);

      if (!cw_store_update (store, entity, id, "status", step, error))
        return FALSE;
      g_free (now);
      now = g_strdup (step);
    }
  return cw_transaction_commit (tx, error);
}

/* Order */

static gint64
next_position (CwStore        *store,
               const CwEntity *entity,
               const char     *column,
               gint64          review_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (%s), 0) + 1 FROM %s"
                                          " WHERE review_id = ? AND deleted = 0", column,
                                          entity->table);
  g_autofree char *n = cw_store_text_for_id (store, sql, review_id);

  return n ? g_ascii_strtoll (n, NULL, 10) : 1;
}

static const char *
position_column (const CwEntity *entity)
{
  return entity == &cw_entity_episode ? "number" : "position";
}

/* Inserts @pairs (with room for two more at their start) numbered after
 * the review's other rows. */
static gint64
insert_numbered (CwStore         *store,
                 const CwEntity  *entity,
                 gint64           review_id,
                 const char     **pairs,
                 GError         **error)
{
  g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT,
    next_position (store, entity, position_column (entity), review_id));

  pairs[0] = position_column (entity);
  pairs[1] = position;
  return cw_store_insert (store, entity, review_id, pairs, error);
}

/**
 * cw_analysis_move_to:
 * @entity: episodes, findings or recommendations
 * @position: where the row goes, from 1
 *
 * Puts the row at @position and numbers the review's others after it
 * again, 1, 2, 3..., in one transaction (dragging a row in a list).
 */
gboolean
cw_analysis_move_to (CwStore         *store,
                     const CwEntity  *entity,
                     gint64           id,
                     guint            position,
                     GError         **error)
{
  const char *column = position_column (entity);
  g_autofree char *select = g_strdup_printf (
    "SELECT id FROM %1$s WHERE review_id = (SELECT review_id FROM %1$s WHERE id = ?)"
    " AND deleted = 0 AND id <> ?1 ORDER BY %2$s, id", entity->table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %1$s SET %2$s = ?1 WHERE id = ?2 AND %2$s IS NOT ?1",
                                             entity->table, column);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CwTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (position >= 1, FALSE);

  if ((stmt = cw_store_prepare (store, select, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, other);
    }
  sqlite3_reset (stmt);
  g_array_insert_val (ids, MIN (position - 1, ids->len), id);
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if ((stmt = cw_store_prepare (store, update, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!cw_store_step_done (store, stmt, error))
        return FALSE;
    }
  cw_store_note_change (store, entity->table, 0);
  return cw_transaction_commit (tx, error);
}

/* Episodes */

/**
 * cw_analysis_add_episode:
 * @title: what the episode is called
 * @entry_ids: (array length=n_entries) (nullable): the chronology entries
 *   it covers, e.g. those selected in the table or on the timeline
 *
 * Adds an episode numbered after the review's others, covering the
 * entries, in one transaction.
 *
 * Returns: the new episode's id, or 0 with @error set
 */
gint64
cw_analysis_add_episode (CwStore       *store,
                         gint64         review_id,
                         const char    *title,
                         const gint64  *entry_ids,
                         guint          n_entries,
                         GError       **error)
{
  const char *pairs[] = { NULL, NULL, "title", title, "missed_opportunity", "no", NULL };
  g_autoptr (CwTransaction) tx = NULL;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (store), 0);

  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return 0;
  id = insert_numbered (store, &cw_entity_episode, review_id, pairs, error);
  if (id == 0 || !cw_analysis_add_episode_entries (store, id, entry_ids, n_entries, error))
    return 0;
  return cw_transaction_commit (tx, error) ? id : 0;
}

static gboolean
episode_covers (CwStore *store,
                gint64   episode_id,
                gint64   entry_id)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT 1 FROM episode_entry"
                                                " WHERE episode_id = ? AND entry_id = ?"
                                                " AND deleted = 0", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * cw_analysis_add_episode_entries:
 * @entry_ids: (array length=n_entries) (nullable): chronology entries of
 *   the episode's review; those it covers already are left as they are
 *
 * Returns: whether all of them are now covered (nothing changed if not)
 */
gboolean
cw_analysis_add_episode_entries (CwStore       *store,
                                 gint64         episode_id,
                                 const gint64  *entry_ids,
                                 guint          n_entries,
                                 GError       **error)
{
  g_autofree char *review = cw_store_text_for_id (store, "SELECT review_id FROM episode"
                                                         " WHERE id = ? AND deleted = 0",
                                                  episode_id);
  g_autofree char *episode = g_strdup_printf ("%" G_GINT64_FORMAT, episode_id);
  g_autoptr (CwTransaction) tx = NULL;

  if (review == NULL)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The episode was not found; it may have been deleted"));
      return FALSE;
    }
  if ((tx = cw_transaction_begin (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, entry_ids[i]);
      const char *pairs[] = { "episode_id", episode, "entry_id", entry, NULL };

      if (episode_covers (store, episode_id, entry_ids[i]))
        continue;
      if (cw_store_insert (store, &cw_entity_episode_entry, g_ascii_strtoll (review, NULL, 10),
                           pairs, error) == 0)
        return FALSE;
    }
  return cw_transaction_commit (tx, error);
}

/**
 * cw_analysis_get_episode_entries:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the live
 *   chronology entries the episode covers, in the chronology's order
 */
GArray *
cw_analysis_get_episode_entries (CwStore  *store,
                                 gint64    episode_id,
                                 GError  **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store,
    "SELECT e.id FROM episode_entry x JOIN chronology_entry e ON e.id = x.entry_id"
    " WHERE x.episode_id = ? AND x.deleted = 0 AND e.deleted = 0"
    " ORDER BY e.sort_key, e.sequence, e.id", error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, episode_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

gint64
cw_analysis_add_finding (CwStore     *store,
                         gint64       review_id,
                         const char  *statement,
                         const char  *kind,
                         GError     **error)
{
  const char *pairs[] = { NULL, NULL, "statement", statement,
                          "kind", kind ? kind : "improvement", "scope", "case", "status", "draft",
                          "transferable", "no", NULL };

  g_return_val_if_fail (CW_IS_STORE (store), 0);
  return insert_numbered (store, &cw_entity_finding, review_id, pairs, error);
}

gint64
cw_analysis_add_recommendation (CwStore     *store,
                                gint64       review_id,
                                const char  *text,
                                GError     **error)
{
  const char *pairs[] = { NULL, NULL, "text", text, "scope", "multi", "transferable", "no", "status", "proposed",
                          NULL };

  g_return_val_if_fail (CW_IS_STORE (store), 0);
  return insert_numbered (store, &cw_entity_recommendation, review_id, pairs, error);
}

/* Reads */

#define LIVE_ENTRIES \
  " FROM episode_entry x JOIN chronology_entry e ON e.id = x.entry_id AND e.deleted = 0" \
  " WHERE x.episode_id = p.id AND x.deleted = 0"

static const char episodes_sql[] =
  "SELECT p.id, p.number, p.title, p.start_date, p.end_date, p.missed_opportunity,"
  " (SELECT count (*)" LIVE_ENTRIES "),"
  " coalesce (cw_chrono_range_first (p.start_date), (SELECT min (e.range_first)" LIVE_ENTRIES ")),"
  " coalesce (cw_chrono_range_last (p.end_date, NULL), (SELECT max (e.range_last)" LIVE_ENTRIES "),"
  "   cw_chrono_range_last (p.start_date, NULL)),"
  " (SELECT group_concat (name, '; ') FROM (SELECT DISTINCT a.name AS name"
  "   FROM episode_entry x JOIN chronology_entry e ON e.id = x.entry_id AND e.deleted = 0"
  "   JOIN agency a ON a.id = e.agency_id WHERE x.episode_id = p.id AND x.deleted = 0"
  "   ORDER BY a.name))"
  " FROM episode p WHERE p.review_id = ? AND p.deleted = 0 ORDER BY p.number, p.id";

static gpointer
read_episode (sqlite3_stmt *stmt)
{
  CwEpisode *p = g_new0 (CwEpisode, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->number = sqlite3_column_int (stmt, 1);
  p->title = cw_store_column_text (stmt, 2);
  p->start_date = cw_store_column_text (stmt, 3);
  p->end_date = cw_store_column_text (stmt, 4);
  p->missed_opportunity = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "yes") == 0;
  p->n_entries = sqlite3_column_int (stmt, 6);
  p->first_day = cw_store_column_text (stmt, 7);
  p->last_day = cw_store_column_text (stmt, 8);
  p->agencies = cw_store_column_text (stmt, 9);
  return p;
}

static const char findings_sql[] =
  "SELECT f.id, f.position, f.statement, f.kind, f.scope, f.status, f.transferable,"
  " f.without_evidence,"
  " (SELECT group_concat (name, '; ') FROM (SELECT t.name AS name FROM finding_theme ft"
  "   JOIN theme t ON t.id = ft.theme_id AND t.deleted = 0"
  "   WHERE ft.finding_id = f.id AND ft.deleted = 0 ORDER BY t.name))"
  " FROM finding f WHERE f.review_id = ? AND f.deleted = 0 ORDER BY f.position, f.id";

static gpointer
read_finding (sqlite3_stmt *stmt)
{
  CwFinding *f = g_new0 (CwFinding, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->position = sqlite3_column_int (stmt, 1);
  f->statement = cw_store_column_text (stmt, 2);
  f->kind = cw_store_column_text (stmt, 3);
  f->scope = cw_store_column_text (stmt, 4);
  f->status = cw_store_column_text (stmt, 5);
  f->transferable = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "yes") == 0;
  f->without_evidence = cw_store_column_text (stmt, 7);
  f->themes = cw_store_column_text (stmt, 8);
  return f;
}

static const char recommendations_sql[] =
  "SELECT r.id, r.position, r.text, r.scope, a.name, b.name, r.status, r.transferable,"
  " r.response,"
  " (SELECT count (*) FROM recommendation_finding rf JOIN finding f ON f.id = rf.finding_id"
  "   AND f.deleted = 0 WHERE rf.recommendation_id = r.id AND rf.deleted = 0)"
  " FROM recommendation r LEFT JOIN agency a ON a.id = r.agency_id"
  " LEFT JOIN body b ON b.id = r.addressed_to"
  " WHERE r.review_id = ? AND r.deleted = 0 ORDER BY r.position, r.id";

static gpointer
read_recommendation (sqlite3_stmt *stmt)
{
  CwRecommendation *r = g_new0 (CwRecommendation, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->position = sqlite3_column_int (stmt, 1);
  r->text = cw_store_column_text (stmt, 2);
  r->scope = cw_store_column_text (stmt, 3);
  r->agency = cw_store_column_text (stmt, 4);
  r->addressed_to = cw_store_column_text (stmt, 5);
  r->status = cw_store_column_text (stmt, 6);
  r->transferable = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "yes") == 0;
  r->response = cw_store_column_text (stmt, 8);
  r->n_findings = sqlite3_column_int (stmt, 9);
  return r;
}

static const char factors_sql[] =
  "SELECT f.id, c.name, f.direction, f.level, f.episode_id, f.why, a.name, f.root_cause"
  " FROM factor f JOIN factor_category c ON c.slug = f.category"
  " LEFT JOIN agency a ON a.id = f.agency_id"
  " LEFT JOIN episode p ON p.id = f.episode_id"
  " WHERE f.review_id = ? AND f.deleted = 0 ORDER BY coalesce (p.number, 1e9), c.position, f.id";

static gpointer
read_factor (sqlite3_stmt *stmt)
{
  CwFactor *f = g_new0 (CwFactor, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->category = cw_store_column_text (stmt, 1);
  f->direction = cw_store_column_text (stmt, 2);
  f->level = cw_store_column_text (stmt, 3);
  f->episode_id = sqlite3_column_int64 (stmt, 4);
  f->why = cw_store_column_text (stmt, 5);
  f->agency = cw_store_column_text (stmt, 6);
  f->root_cause = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "yes") == 0;
  return f;
}

static GPtrArray *
read_all (CwStore          *store,
          const char       *sql,
          gint64            review_id,
          gpointer        (*read) (sqlite3_stmt *stmt),
          GDestroyNotify    free_func,
          GError          **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, error);
  GPtrArray *rows;
  int rc;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (free_func);
  sqlite3_bind_int64 (stmt, 1, review_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (store, error, _("Could not read the analysis"));
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}

/**
 * cw_analysis_list_episodes:
 *
 * Returns: (transfer full) (element-type CwEpisode): the review's episodes
 *   in their order
 */
GPtrArray *
cw_analysis_list_episodes (CwStore  *store,
                           gint64    review_id,
                           GError  **error)
{
  return read_all (store, episodes_sql, review_id, read_episode,
                   (GDestroyNotify) cw_episode_free, error);
}

/**
 * cw_analysis_list_findings:
 *
 * Returns: (transfer full) (element-type CwFinding): the review's findings
 *   in their order, each with how much evidence stands behind it
 */
GPtrArray *
cw_analysis_list_findings (CwStore  *store,
                           gint64    review_id,
                           GError  **error)
{
  GPtrArray *rows = read_all (store, findings_sql, review_id, read_finding,
                              (GDestroyNotify) cw_finding_free, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      CwFinding *f = rows->pdata[i];
      f->n_evidence = cw_analysis_count_evidence (store, f->id);
    }
  return rows;
}

/**
 * cw_analysis_list_recommendations:
 *
 * Returns: (transfer full) (element-type CwRecommendation): in their order
 */
GPtrArray *
cw_analysis_list_recommendations (CwStore  *store,
                                  gint64    review_id,
                                  GError  **error)
{
  return read_all (store, recommendations_sql, review_id, read_recommendation,
                   (GDestroyNotify) cw_recommendation_free, error);
}

/**
 * cw_analysis_list_factors:
 *
 * Returns: (transfer full) (element-type CwFactor): by episode, then kind
 */
GPtrArray *
cw_analysis_list_factors (CwStore  *store,
                          gint64    review_id,
                          GError  **error)
{
  return read_all (store, factors_sql, review_id, read_factor, (GDestroyNotify) cw_factor_free,
                   error);
}

/**
 * cw_analysis_find_named:
 * @entity: a shared list with a name: %cw_entity_body or %cw_entity_theme
 * @name: the name, or enough of it to name one row alone, in any case
 *
 * Returns: the row's id, or 0 with @error set, listing the names there are
 */
gint64
cw_analysis_find_named (CwStore         *store,
                        const CwEntity  *entity,
                        const char      *name,
                        GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, name FROM %s WHERE deleted = 0"
                                          " ORDER BY name", entity->table);
  g_autofree char *wanted = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 exact = 0, partial = 0;
  guint n_partial = 0;

  g_return_val_if_fail (CW_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  if ((stmt = cw_store_prepare (store, sql, error)) == NULL)
    return 0;
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name));
    wanted = g_utf8_casefold (trimmed, -1);
  }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = g_utf8_casefold (row, -1);

      g_string_append_printf (names, "%s%s", names->len ? "; " : "", row);
      if (g_str_equal (folded, wanted))
        exact = sqlite3_column_int64 (stmt, 0);
      else if (*wanted != '\0' && strstr (folded, wanted) != NULL && ++n_partial == 1)
        partial = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (exact != 0)
    return exact;
  if (n_partial == 1)
    return partial;
  {
    g_autofree char *what = g_utf8_strdown (_(entity->label), -1);

    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                 n_partial > 1 ? _("“%s” names more than one %s; give more of the name. "
                                   "There are: %s")
                               : _("No %2$s is named “%1$s”. There are: %3$s"),
                 name, what, names->len ? names->str : _("none yet"));
  }
  return 0;
}

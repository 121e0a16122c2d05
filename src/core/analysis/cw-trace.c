/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-analysis-private.h"
#include "cw-chrono-date.h"

/* Traceability: each recommendation with the findings behind it, each
 * finding with its evidence (episodes with the entries they cover, factors,
 * entries); and, from an entry, what it supports. A recommendation with no
 * finding and a finding with no evidence are flagged, so that nothing goes
 * to the panel unsupported. Deleted rows, and links to them, are left out. */

void
cw_trace_node_free (CwTraceNode *node)
{
  if (node == NULL)
    return;
  g_free (node->label);
  g_free (node->text);
  g_free (node->evidence);
  g_free (node->flag);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

const char *
cw_trace_kind_name (CwTraceKind kind)
{
  static const char *const names[] = {
    "recommendation", "finding", "episode", "factor", "entry",
  };

  g_return_val_if_fail (kind <= CW_TRACE_ENTRY, "");
  return names[kind];
}

static CwTraceNode *
node_new (CwTraceKind  kind,
          gint64       id,
          char        *label,
          const char  *text)
{
  CwTraceNode *node = g_new0 (CwTraceNode, 1);
  g_autofree char *line = g_strdup (text ? text : "");

  /* One line: the first of the text. */
  line[strcspn (line, "\r\n")] = '\0';
  node->kind = kind;
  node->id = id;
  node->label = label;
  node->text = g_steal_pointer (&line);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_trace_node_free);
  return node;
}

/* Runs @sql with @id bound to ?1, calling @row for each row. The
 * statement is the call's own: @row runs others, this one among them. */
static gboolean
each_row (CwStore      *store,
          const char   *sql,
          gint64        id,
          void        (*row) (CwStore *, sqlite3_stmt *, gpointer),
          gpointer      data,
          GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cw_store_set_error (store, error, _("Could not read the analysis"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (store, stmt, data);
  if (rc == SQLITE_DONE)
    return TRUE;
  cw_store_set_error (store, error, _("Could not read the analysis"));
  return FALSE;
}

static char *
entry_label (sqlite3_stmt *stmt,
             int           column)
{
  const char *source = (const char *) sqlite3_column_text (stmt, column);
  const char *iso = (const char *) sqlite3_column_text (stmt, column + 1);
  const char *agency = (const char *) sqlite3_column_text (stmt, column + 2);
  CwChronoDate date;
  g_autofree char *day = NULL;

  if (iso != NULL && cw_chrono_date_from_iso (iso, &date))
    day = cw_chrono_date_format (&date);
  /* TRANSLATORS: a chronology entry in the trace: date, agency, record reference */
  return g_strdup_printf (_("Entry of %s, %s, %s"), day ? day : "?", agency ? agency : "?",
                          source ? source : "?");
}

#define ENTRY_COLUMNS "e.id, e.description, e.source, e.start_date, a.name"
#define ENTRY_JOIN "JOIN agency a ON a.id = e.agency_id"

static void
add_entry (CwStore      *store,
           sqlite3_stmt *stmt,
           gpointer      data)
{
  CwTraceNode *parent = data;
  CwTraceNode *node = node_new (CW_TRACE_ENTRY, sqlite3_column_int64 (stmt, 0),
                                entry_label (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 1));

  g_ptr_array_add (parent->children, node);
}

static CwTraceNode *
episode_node (CwStore      *store,
              sqlite3_stmt *stmt,
              int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);
  CwTraceNode *node = node_new (CW_TRACE_EPISODE, id,
                                g_strdup_printf (_("Episode %d"),
                                                 sqlite3_column_int (stmt, column + 1)),
                                (const char *) sqlite3_column_text (stmt, column + 2));

  each_row (store, "SELECT " ENTRY_COLUMNS " FROM episode_entry x"
                   " JOIN chronology_entry e ON e.id = x.entry_id AND e.deleted = 0 " ENTRY_JOIN
                   " WHERE x.episode_id = ?1 AND x.deleted = 0"
                   " ORDER BY e.sort_key, e.sequence, e.id", id, add_entry, node, NULL);
  if (node->children->len == 0)
    node->flag = g_strdup (_("Covers no chronology entry"));
  return node;
}

static const char *
evidence_label (const char *kind)
{
  return _(cw_choice_label (cw_evidence_kinds, kind) ?: kind ?: "");
}

static void
add_evidence (CwStore      *store,
              sqlite3_stmt *stmt,
              gpointer      data)
{
  CwTraceNode *parent = data;
  CwTraceNode *node = NULL;

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    node = episode_node (store, stmt, 1);
  else if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    node = node_new (CW_TRACE_FACTOR, sqlite3_column_int64 (stmt, 4),
                     g_strdup_printf (_("Factor: %s"), sqlite3_column_text (stmt, 5)),
                     (const char *) sqlite3_column_text (stmt, 6));
  else if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    node = node_new (CW_TRACE_ENTRY, sqlite3_column_int64 (stmt, 7), entry_label (stmt, 9),
                     (const char *) sqlite3_column_text (stmt, 8));
  if (node == NULL)
    return;
  node->evidence = g_strdup (evidence_label ((const char *) sqlite3_column_text (stmt, 0)));
  g_ptr_array_add (parent->children, node);
}

static const char evidence_sql[] =
  "SELECT v.kind, p.id, p.number, p.title, f.id, c.name, f.why, e.id, e.description,"
  " e.source, e.start_date, a.name"
  " FROM finding_evidence v"
  " LEFT JOIN episode p ON p.id = v.episode_id AND p.deleted = 0"
  " LEFT JOIN factor f ON f.id = v.factor_id AND f.deleted = 0"
  " LEFT JOIN factor_category c ON c.slug = f.category"
  " LEFT JOIN chronology_entry e ON e.id = v.entry_id AND e.deleted = 0"
  " LEFT JOIN agency a ON a.id = e.agency_id"
  " WHERE v.finding_id = ?1 AND v.deleted = 0 ORDER BY v.id";

static CwTraceNode *
finding_node (CwStore      *store,
              sqlite3_stmt *stmt,
              int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);
  const char *reason = (const char *) sqlite3_column_text (stmt, column + 3);
  CwTraceNode *node = node_new (CW_TRACE_FINDING, id,
                                g_strdup_printf (_("Finding %d"),
                                                 sqlite3_column_int (stmt, column + 1)),
                                (const char *) sqlite3_column_text (stmt, column + 2));

  each_row (store, evidence_sql, id, add_evidence, node, NULL);
  if (node->children->len == 0)
    node->flag = reason != NULL && *reason != '\0'
                   ? g_strdup_printf (_("No evidence; it stands because: %s"), reason)
                   : g_strdup (_("No evidence behind it"));
  return node;
}

#define FINDING_COLUMNS "f.id, f.position, f.statement, f.without_evidence"

static void
add_finding (CwStore      *store,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  CwTraceNode *parent = data;

  g_ptr_array_add (parent->children, finding_node (store, stmt, 0));
}

static void
add_recommendation (CwStore      *store,
                    sqlite3_stmt *stmt,
                    gpointer      data)
{
  GPtrArray *nodes = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  CwTraceNode *node = node_new (CW_TRACE_RECOMMENDATION, id,
                                g_strdup_printf (_("Recommendation %d"),
                                                 sqlite3_column_int (stmt, 1)),
                                (const char *) sqlite3_column_text (stmt, 2));

  each_row (store, "SELECT " FINDING_COLUMNS " FROM recommendation_finding rf"
                   " JOIN finding f ON f.id = rf.finding_id AND f.deleted = 0"
                   " WHERE rf.recommendation_id = ?1 AND rf.deleted = 0"
                   " ORDER BY f.position, f.id", id, add_finding, node, NULL);
  if (node->children->len == 0)
    node->flag = g_strdup (_("No finding behind it"));
  g_ptr_array_add (nodes, node);
}

static void
add_top_finding (CwStore      *store,
                 sqlite3_stmt *stmt,
                 gpointer      data)
{
  g_ptr_array_add (data, finding_node (store, stmt, 0));
}

/**
 * cw_trace_review:
 *
 * Returns: (transfer full) (element-type CwTraceNode): each recommendation
 *   of the review with the chain behind it, then each finding no
 *   recommendation comes from, with its evidence
 */
GPtrArray *
cw_trace_review (CwStore  *store,
                 gint64    review_id,
                 GError  **error)
{
  g_autoptr (GPtrArray) nodes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cw_trace_node_free);

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (!each_row (store, "SELECT r.id, r.position, r.text FROM recommendation r"
                        " WHERE r.review_id = ?1 AND r.deleted = 0 ORDER BY r.position, r.id",
                 review_id, add_recommendation, nodes, error)
      || !each_row (store, "SELECT " FINDING_COLUMNS " FROM finding f"
                           " WHERE f.review_id = ?1 AND f.deleted = 0 AND NOT EXISTS"
                           " (SELECT 1 FROM recommendation_finding rf JOIN recommendation r"
                           "  ON r.id = rf.recommendation_id AND r.deleted = 0"
                           "  WHERE rf.finding_id = f.id AND rf.deleted = 0)"
                           " ORDER BY f.position, f.id", review_id, add_top_finding, nodes,
                    error))
    return NULL;
  return g_steal_pointer (&nodes);
}

static void
add_recommendation_of (CwStore      *store,
                       sqlite3_stmt *stmt,
                       gpointer      data)
{
  CwTraceNode *parent = data;

  g_ptr_array_add (parent->children,
                   node_new (CW_TRACE_RECOMMENDATION, sqlite3_column_int64 (stmt, 0),
                             g_strdup_printf (_("Recommendation %d"),
                                              sqlite3_column_int (stmt, 1)),
                             (const char *) sqlite3_column_text (stmt, 2)));
}

/* A finding an entry supports, with the recommendations it leads to. */
static void
add_supported_finding (CwStore      *store,
                       sqlite3_stmt *stmt,
                       gpointer      data)
{
  CwTraceNode *parent = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  CwTraceNode *node = node_new (CW_TRACE_FINDING, id,
                                g_strdup_printf (_("Finding %d"), sqlite3_column_int (stmt, 1)),
                                (const char *) sqlite3_column_text (stmt, 2));

  each_row (store, "SELECT r.id, r.position, r.text FROM recommendation_finding rf"
                   " JOIN recommendation r ON r.id = rf.recommendation_id AND r.deleted = 0"
                   " WHERE rf.finding_id = ?1 AND rf.deleted = 0 ORDER BY r.position, r.id",
            id, add_recommendation_of, node, NULL);
  g_ptr_array_add (parent->children, node);
}

static void
add_covering_episode (CwStore      *store,
                      sqlite3_stmt *stmt,
                      gpointer      data)
{
  GPtrArray *nodes = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  CwTraceNode *node = node_new (CW_TRACE_EPISODE, id,
                                g_strdup_printf (_("Episode %d"), sqlite3_column_int (stmt, 1)),
                                (const char *) sqlite3_column_text (stmt, 2));

  each_row (store, "SELECT f.id, f.position, f.statement FROM finding_evidence v"
                   " JOIN finding f ON f.id = v.finding_id AND f.deleted = 0"
                   " WHERE v.episode_id = ?1 AND v.deleted = 0 ORDER BY f.position, f.id",
            id, add_supported_finding, node, NULL);
  g_ptr_array_add (nodes, node);
}

/**
 * cw_trace_entry:
 * @review_id: the review the entry belongs to
 *
 * Returns: (transfer full) (element-type CwTraceNode): what the entry
 *   supports: the episodes that cover it (with the findings they evidence
 *   and the recommendations those lead to), then the findings that cite it
 *   directly (with their recommendations)
 */
GPtrArray *
cw_trace_entry (CwStore  *store,
                gint64    review_id,
                gint64    entry_id,
                GError  **error)
{
  g_autoptr (GPtrArray) nodes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cw_trace_node_free);
  CwTraceNode direct = { .children = nodes };
  g_autofree char *owner = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  owner = cw_store_text_for_id (store, "SELECT review_id FROM chronology_entry"
                                       " WHERE id = ? AND deleted = 0", entry_id);
  if (owner == NULL || g_ascii_strtoll (owner, NULL, 10) != review_id)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The review has no chronology entry %" G_GINT64_FORMAT), entry_id);
      return NULL;
    }

  if (!each_row (store, "SELECT p.id, p.number, p.title FROM episode_entry x"
                        " JOIN episode p ON p.id = x.episode_id AND p.deleted = 0"
                        " WHERE x.entry_id = ?1 AND x.deleted = 0 ORDER BY p.number, p.id",
                 entry_id, add_covering_episode, nodes, error)
      || !each_row (store, "SELECT f.id, f.position, f.statement FROM finding_evidence v"
                           " JOIN finding f ON f.id = v.finding_id AND f.deleted = 0"
                           " WHERE v.entry_id = ?1 AND v.deleted = 0 ORDER BY f.position, f.id",
                    entry_id, add_supported_finding, &direct, error))
    return NULL;
  return g_steal_pointer (&nodes);
}

/**
 * cw_trace_count_flags:
 * @nodes: (element-type CwTraceNode): a trace
 *
 * Returns: how many of the nodes, at any depth, are flagged
 */
guint
cw_trace_count_flags (GPtrArray *nodes)
{
  guint n = 0;

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      CwTraceNode *node = nodes->pdata[i];

      n += (node->flag != NULL) + cw_trace_count_flags (node->children);
    }
  return n;
}

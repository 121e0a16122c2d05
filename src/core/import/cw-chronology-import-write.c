/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-import-private.h"
#include "cw-chronology.h"
#include "cw-clock.h"
#include "cw-store-private.h"

/* Writing a checked return: one transaction. A return imported again
 * replaces its earlier import: an entry with the same record reference and
 * date is the same entry, updated in place, so its links, significance and
 * tags survive; entries the agency took out are removed; the rest are new.
 * Bulk rows are audited once, as the import, not field by field. */

#define INSERT_SQL \
  "INSERT INTO chronology_entry (review_id, agency_id, start_date, end_date, sequence, author," \
  " source, description, action, rationale, outcome, impact, significance, tags, import_id," \
  " import_row, sort_key, range_first, range_last)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"

/* The significance is the reviewer's once set: kept, as are links. An
 * entry the return gives as it was is not written again: its triggers
 * (the search index, the history) would cost a large return seconds for
 * nothing; only its provenance follows (PROVENANCE_SQL). */
#define UPDATE_SQL \
  "UPDATE chronology_entry SET review_id = ?1, agency_id = ?2, start_date = ?3, end_date = ?4," \
  " sequence = ?5, author = ?6, source = ?7, description = ?8, action = ?9, rationale = ?10," \
  " outcome = ?11, impact = ?12, tags = ?14, import_id = ?15, import_row = ?16," \
  " sort_key = ?17, range_first = ?18, range_last = ?19 WHERE id = ?20" \
  " AND (review_id IS NOT ?1 OR agency_id IS NOT ?2 OR start_date IS NOT ?3" \
  " OR end_date IS NOT ?4 OR sequence IS NOT ?5 OR author IS NOT ?6 OR source IS NOT ?7" \
  " OR description IS NOT ?8 OR action IS NOT ?9 OR rationale IS NOT ?10 OR outcome IS NOT ?11" \
  " OR impact IS NOT ?12 OR tags IS NOT ?14)"

#define PROVENANCE_SQL \
  "UPDATE chronology_entry SET import_id = ?1, import_row = ?2 WHERE id = ?3"

/* New entries go in BATCH at a time: one statement per row would cost
 * more than the row itself. A combined chronology's returns share the
 * batch and its statement, each row binding its own agency and import, so
 * that entries go in in the file's order, as one agency's return does. */
#define BATCH 64

typedef struct
{
  gint64 id;
  char  *tags;
  char  *source; /* as cw_import_source_key() gives it */
} Earlier;

/* A row's stored dates, formatted where the statement can read them
 * until it has run: no allocation per row. */
typedef struct
{
  char start[CW_CHRONO_DATE_TEXT_MAX];
  char end[CW_CHRONO_DATE_TEXT_MAX];
  char sort_key[CW_CHRONO_DATE_TEXT_MAX];
  char first[11];
  char last[11];
} RowKeys;

typedef struct
{
  CwChronologyImport *import;
  CwStore            *store;
  gint64              review_id;
  gint64              agency_id;
  gint64              return_id;
  gint64              import_id;
  GHashTable         *earlier; /* "source\x1fstart" -> GQueue of Earlier* */
  gint64              last_id_before; /* entries above it are new: the id is AUTOINCREMENT */
  CwImportFlags       flags;
  guint               n_entries; /* the valid rows of its agency */
  CwImportResult     *result;
} Writer;

/* Where each entry goes: one writer, or (a combined chronology) the writer
 * of the agency its Agency column names. */
typedef struct
{
  Writer     *single;   /* nullable: the one return */
  GPtrArray  *writers;  /* Writer*, one per agency */
  GHashTable *by_text;  /* a cell's text as the file gives it -> Writer*: no key made per row */
  GHashTable *by_key;   /* cw_import_agency_key() -> Writer* */
  Writer     *fallback; /* nullable: for rows naming no agency */
  GArray     *no_agency; /* guint: rows naming no agency, with no fallback */
  /* New entries waiting to be inserted, whatever their agency: */
  CwStore      *store;
  sqlite3_stmt *batch_insert; /* BATCH rows at once, prepared once per import */
  guint         n_batch;
  CwChronoRow  *batch[BATCH];
  Writer       *batch_writers[BATCH]; /* each row's return */
  RowKeys       keys[BATCH];
} Router;

static void
earlier_free (gpointer data)
{
  Earlier *earlier = data;

  g_free (earlier->tags);
  g_free (earlier->source);
  g_free (earlier);
}

static void
queue_free (gpointer queue)
{
  g_queue_free_full (queue, earlier_free);
}

static char *
match_key (const char *source,
           const char *start)
{
  g_autofree char *folded = cw_import_source_key (source);

  return g_strconcat (folded, "\x1f", start, NULL);
}

static gboolean
load_earlier (Writer  *w,
              GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (w->store,
    "SELECT e.id, e.source, e.start_date, e.tags FROM chronology_entry e"
    " JOIN chronology_import i ON i.id = e.import_id"
    " WHERE i.return_id = ? AND e.deleted = 0 ORDER BY e.import_row, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->return_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Earlier *earlier = g_new0 (Earlier, 1);
      char *key = match_key ((const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2));
      GQueue *queue = g_hash_table_lookup (w->earlier, key);

      earlier->id = sqlite3_column_int64 (stmt, 0);
      earlier->tags = cw_store_column_text (stmt, 3);
      earlier->source = cw_import_source_key ((const char *) sqlite3_column_text (stmt, 1));
      if (queue == NULL)
        g_hash_table_insert (w->earlier, key, queue = g_queue_new ());
      else
        g_free (key);
      g_queue_push_tail (queue, earlier);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (w->store, error, _("Could not read the return's earlier import"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_import (Writer  *w,
               GError **error)
{
  CwChronologyImport *import = w->import;
  sqlite3_stmt *stmt = cw_store_prepare (w->store,
    "INSERT INTO chronology_import (return_id, file_name, sheet, encoding, actor,"
    " entries, rejected) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->return_id);
  sqlite3_bind_text (stmt, 2, import->file_name, -1, SQLITE_TRANSIENT);
  if (import->workbook != NULL)
    sqlite3_bind_text (stmt, 3, cw_chronology_import_get_sheet_name (import, import->sheet), -1,
                       SQLITE_TRANSIENT);
  if (import->encoding != NULL)
    sqlite3_bind_text (stmt, 4, import->encoding, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cw_store_get_actor (w->store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, 0);
  sqlite3_bind_int (stmt, 7, 0);
  if (!cw_store_step_done (w->store, stmt, error))
    return FALSE;
  w->import_id = sqlite3_last_insert_rowid (w->store->db);
  return TRUE;
}

/* @text lives, with the import, until the statement has run. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}


/* @base: where the row's parameters start: 0, or 19 times its place in a
 * statement inserting several */
static void
bind_dates (sqlite3_stmt      *stmt,
            int                base,
            const CwChronoRow *entry,
            RowKeys           *keys)
{
  GDate first, last, end_first, end_last;

  cw_chrono_date_write_iso (&entry->start, keys->start);
  sqlite3_bind_text (stmt, base + 3, keys->start, -1, SQLITE_STATIC);
  if (entry->has_end)
    {
      cw_chrono_date_write_iso (&entry->end, keys->end);
      sqlite3_bind_text (stmt, base + 4, keys->end, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_null (stmt, base + 4);
  cw_chrono_date_range (&entry->start, &first, &last);
  if (entry->has_end)
    {
      cw_chrono_date_range (&entry->end, &end_first, &end_last);
      if (g_date_compare (&end_last, &last) > 0)
        last = end_last;
    }
  cw_chrono_date_write_sort_key (&entry->start, keys->sort_key);
  cw_chrono_date_write_day (&first, keys->first);
  cw_chrono_date_write_day (&last, keys->last);
  sqlite3_bind_text (stmt, base + 17, keys->sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 18, keys->first, 10, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 19, keys->last, 10, SQLITE_STATIC);
}

/* The union of the reviewer's tags and the return's, in that order. */
static char *
merge_tags (const char *earlier,
            GStrv       tags)
{
  g_auto (GStrv) kept = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) all = NULL;

  if (earlier == NULL)
    return tags[0] != NULL ? g_strjoinv ("; ", tags) : NULL;
  kept = cw_chrono_tags_from_text (earlier);
  builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) kept);
  for (guint i = 0; tags[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) kept, tags[i]))
      g_strv_builder_add (builder, tags[i]);
  all = g_strv_builder_end (builder);
  return all[0] != NULL ? g_strjoinv ("; ", all) : NULL;
}

static void
bind_entry (Writer            *w,
            sqlite3_stmt      *stmt,
            int                base,
            const CwChronoRow *entry,
            const char        *tags,
            RowKeys           *keys)
{
  sqlite3_bind_int64 (stmt, base + 1, w->review_id);
  sqlite3_bind_int64 (stmt, base + 2, w->agency_id);
  bind_dates (stmt, base, entry, keys);
  if (entry->has_sequence)
    sqlite3_bind_int (stmt, base + 5, (int) MIN (entry->sequence, G_MAXINT));
  else
    sqlite3_bind_null (stmt, base + 5);
  bind_text (stmt, base + 6, entry->author);
  bind_text (stmt, base + 7, entry->source);
  bind_text (stmt, base + 8, entry->description);
  bind_text (stmt, base + 9, entry->action);
  bind_text (stmt, base + 10, entry->rationale);
  bind_text (stmt, base + 11, entry->outcome);
  bind_text (stmt, base + 12, entry->impact);
  sqlite3_bind_text (stmt, base + 13, cw_chrono_significance_id (entry->significance), -1,
                     SQLITE_STATIC);
  if (tags != NULL)
    sqlite3_bind_text (stmt, base + 14, tags, -1, SQLITE_TRANSIENT);
  else if (entry->tags[0] != NULL)
    sqlite3_bind_text (stmt, base + 14, g_strjoinv ("; ", entry->tags), -1, g_free);
  else
    sqlite3_bind_null (stmt, base + 14);
  sqlite3_bind_int64 (stmt, base + 15, w->import_id);
  sqlite3_bind_int (stmt, base + 16, (int) entry->row);
}

static Earlier *
take_earlier (Writer            *w,
              const CwChronoRow *entry)
{
  g_autofree char *start = NULL;
  g_autofree char *key = NULL;
  GQueue *queue;

  /* A first import has nothing to match: the common case, kept cheap. */
  if (g_hash_table_size (w->earlier) == 0)
    return NULL;
  start = cw_chrono_date_to_iso (&entry->start);
  key = match_key (entry->source, start);
  queue = g_hash_table_lookup (w->earlier, key);
  return queue != NULL ? g_queue_pop_head (queue) : NULL;
}

/* The same entry in an earlier import of the return: updated in place. */
static gboolean
update_entry (Writer            *w,
              const CwChronoRow *entry,
              Earlier           *earlier,
              GError           **error)
{
  g_autofree char *tags = merge_tags (earlier->tags, entry->tags);
  sqlite3_stmt *stmt = cw_store_prepare (w->store, UPDATE_SQL, error);
  gboolean ok = FALSE;
  RowKeys keys;

  if (stmt != NULL)
    {
      bind_entry (w, stmt, 0, entry, tags, &keys);
      sqlite3_bind_int64 (stmt, 20, earlier->id);
      ok = cw_store_step_done (w->store, stmt, error);
    }
  if (ok && sqlite3_changes (w->store->db) > 0)
    w->result->updated++;
  else if (ok)
    {
      ok = (stmt = cw_store_prepare (w->store, PROVENANCE_SQL, error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, w->import_id);
          sqlite3_bind_int (stmt, 2, (int) entry->row);
          sqlite3_bind_int64 (stmt, 3, earlier->id);
          ok = cw_store_step_done (w->store, stmt, error);
        }
      w->result->unchanged += ok;
    }
  earlier_free (earlier);
  return ok;
}

/* The new rows of every return of the import, in the search index in one
 * statement, in the order of their ids: every entry above the last id
 * before it is one of them (an entry with no import indexes itself, by its
 * trigger). One statement per return would read the whole table once per
 * return, and FTS5 writes out what it holds each time the ids start again
 * lower, which costs a combined chronology more with every return. */
static gboolean
index_added (CwStore *store,
             gint64   last_id_before,
             GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store,
    "INSERT INTO chronology_search (rowid, description, source, action, outcome, impact)"
    " SELECT id, description, source, action, outcome, impact FROM chronology_entry"
    " WHERE id > ? AND import_id IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_id_before);
  return cw_store_step_done (store, stmt, error);
}

/* Several entries under one record reference: no pairing by it alone. */
#define MANY ((gpointer) &many_marker)
static const int many_marker;

static void
note_once (GHashTable *table,
           char       *key,
           gpointer    value)
{
  if (g_hash_table_contains (table, key))
    g_hash_table_insert (table, key, MANY);
  else
    g_hash_table_insert (table, key, value);
}

#define CARRY_OVER_SQL \
  "UPDATE chronology_entry SET (start_date, end_date, sequence, author, source, description," \
  " action, rationale, outcome, impact, import_id, import_row, sort_key, range_first," \
  " range_last) = (SELECT start_date, end_date, sequence, author, source, description, action," \
  " rationale, outcome, impact, import_id, import_row, sort_key, range_first, range_last" \
  " FROM chronology_entry WHERE id = ?2), tags = ?3 WHERE id = ?1"

/* The earlier entry takes the new one's place: its values, with the
 * reviewer's significance, tags and links kept; the new one goes. */
static gboolean
carry_over (Writer  *w,
            Earlier *earlier,
            gint64   added_id,
            GError **error)
{
  g_autoptr (CwRecord) added = cw_store_get (w->store, &cw_entity_chronology_entry, added_id,
                                             error);
  g_auto (GStrv) tags = NULL;
  g_autofree char *merged = NULL;
  sqlite3_stmt *stmt;

  if (added == NULL)
    return FALSE;
  tags = cw_chrono_tags_from_text (cw_record_get (added, "tags") ?: "");
  merged = merge_tags (earlier->tags, tags);
  if ((stmt = cw_store_prepare (w->store, CARRY_OVER_SQL, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, earlier->id);
  sqlite3_bind_int64 (stmt, 2, added_id);
  if (merged != NULL)
    sqlite3_bind_text (stmt, 3, merged, -1, SQLITE_TRANSIENT);
  if (!cw_store_step_done (w->store, stmt, error)
      || (stmt = cw_store_prepare (w->store, "DELETE FROM chronology_entry WHERE id = ?",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, added_id);
  return cw_store_step_done (w->store, stmt, error);
}

/* An entry whose date the agency corrected is the same entry, not one
 * taken out and another added: by its record reference alone, when that
 * names one entry left over from the earlier import and one new in this
 * one. After the search index has the new entries, so that the index
 * follows the change and the removal. */
static gboolean
match_corrected_dates (Writer  *w,
                       GError **error)
{
  g_autoptr (GHashTable) left = g_hash_table_new (g_str_hash, g_str_equal);
  /* source key -> 1 + the new entry's place in ids, or MANY */
  g_autoptr (GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer queue, key, value;
  sqlite3_stmt *stmt;
  int rc;

  g_hash_table_iter_init (&iter, w->earlier);
  while (g_hash_table_iter_next (&iter, NULL, &queue))
    for (GList *l = ((GQueue *) queue)->head; l != NULL; l = l->next)
      {
        Earlier *earlier = l->data;

        if (!g_hash_table_contains (w->import->rejected_sources, earlier->source))
          note_once (left, earlier->source, earlier);
      }
  if (g_hash_table_size (left) == 0)
    return TRUE; /* a first import, or nothing taken out */
  stmt = cw_store_prepare (w->store, "SELECT id, source FROM chronology_entry"
                                     " WHERE import_id = ? AND id > ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->import_id);
  sqlite3_bind_int64 (stmt, 2, w->last_id_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *source = cw_import_source_key ((const char *) sqlite3_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (left, source))
        {
          g_free (source);
          continue;
        }
      g_array_append_val (ids, id);
      note_once (added, source, GUINT_TO_POINTER (ids->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (w->store, error, _("Could not read the new entries"));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Earlier *earlier = g_hash_table_lookup (left, key);
      gint64 added_id;

      if (value == MANY || earlier == MANY)
        continue;
      added_id = g_array_index (ids, gint64, GPOINTER_TO_UINT (value) - 1);
      if (!carry_over (w, earlier, added_id, error))
        return FALSE;
      earlier->id = 0; /* matched: not removed */
      w->result->added--;
      w->result->updated++;
    }
  return TRUE;
}

/* Entries the agency took out of its return are deleted as a person would
 * delete them: recorded field by field in the history, and kept in the
 * file until deletions are purged. An entry whose row now has an error is
 * kept: the agency has not taken it out. */
static gboolean
remove_left_over (Writer  *w,
                  GError **error)
{
  GHashTableIter iter;
  gpointer queue;

  g_hash_table_iter_init (&iter, w->earlier);
  while (g_hash_table_iter_next (&iter, NULL, &queue))
    for (GList *l = ((GQueue *) queue)->head; l != NULL; l = l->next)
      {
        Earlier *earlier = l->data;

        if (earlier->id == 0
            || g_hash_table_contains (w->import->rejected_sources, earlier->source))
          continue;
        if (!cw_store_delete (w->store, &cw_entity_chronology_entry, earlier->id, error))
          return FALSE;
        w->result->removed++;
      }
  return TRUE;
}

/* The return has arrived: it is received, today unless it says when. */
static gboolean
mark_received (Writer  *w,
               GError **error)
{
  g_autoptr (CwRecord) agency_return = cw_store_get (w->store, &cw_entity_agency_return,
                                                     w->return_id, error);
  GDate today;
  g_autofree char *day = NULL;

  if (agency_return == NULL)
    return FALSE;
  if (g_strcmp0 (cw_record_get (agency_return, "status"), "requested") == 0
      && !cw_store_update (w->store, &cw_entity_agency_return, w->return_id, "status", "received",
                           error))
    return FALSE;
  if (cw_record_get (agency_return, "received_on") != NULL)
    return TRUE;
  cw_clock_today (&today);
  day = cw_date_format_iso (&today);
  return cw_store_update (w->store, &cw_entity_agency_return, w->return_id, "received_on", day,
                          error);
}

static gboolean
remember_mapping (Writer  *w,
                  GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (w->store, "UPDATE agency SET chronology_columns = ?"
                                                   " WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cw_chrono_mapping_to_string (w->import->mapping), -1, g_free);
  sqlite3_bind_int64 (stmt, 2, w->agency_id);
  if (!cw_store_step_done (w->store, stmt, error))
    return FALSE;
  cw_store_note_change (w->store, "agency", w->agency_id);
  return TRUE;
}

static gboolean
audit_import (Writer  *w,
              GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (w->store,
    "INSERT INTO audit (at, actor, entity, entity_id, review_id, action, field, new_value)"
    " VALUES (cw_now (), ?, 'chronology_import', ?, ?, 'import',"
    " 'entries', ?)", error);
  /* TRANSLATORS: the history's line for an import */
  g_autofree char *summary = g_strdup_printf (
    _("%s: %u added, %u updated, %u unchanged, %u removed, %u rows rejected"),
    w->import->file_name, w->result->added, w->result->updated, w->result->unchanged,
    w->result->removed, w->result->rejected);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cw_store_get_actor (w->store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, w->import_id);
  sqlite3_bind_int64 (stmt, 3, w->review_id);
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT);
  return cw_store_step_done (w->store, stmt, error);
}


static char *
batch_sql (guint n)
{
  GString *sql = g_string_new (INSERT_SQL);

  g_string_truncate (sql, strstr (sql->str, " VALUES") - sql->str);
  g_string_append (sql, " VALUES ");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, i ? ", (" : "(");
      for (guint p = 1; p <= 19; p++)
        g_string_append_printf (sql, "?%u%s", i * 19 + p, p < 19 ? "," : ")");
    }
  return g_string_free (sql, FALSE);
}

/* Names the row an error came from, unless the disk failed (full, or not
 * written): no row is to blame for that, and the error names the file. */
static void
blame_row (GError            **error,
           const CwChronoRow  *entry)
{
  if (error != NULL && *error != NULL
      && !g_error_matches (*error, CW_STORE_ERROR, CW_STORE_ERROR_DISK))
    g_prefix_error (error, _("Row %u: "), entry->row);
}

/* One by one, so the error names the row that failed. */
static gboolean
insert_singly (Router  *r,
               GError **error)
{
  for (guint i = 0; i < r->n_batch; i++)
    {
      const CwChronoRow *entry = r->batch[i];
      sqlite3_stmt *stmt = cw_store_prepare (r->store, INSERT_SQL, error);
      RowKeys keys;

      if (stmt == NULL)
        return FALSE;
      bind_entry (r->batch_writers[i], stmt, 0, entry, NULL, &keys);
      if (!cw_store_step_done (r->store, stmt, error))
        {
          blame_row (error, entry);
          return FALSE;
        }
    }
  return TRUE;
}

/* A full batch goes through the import's own statement, prepared once per
 * import: it is too long to build, or to look up, for every batch. The
 * last, shorter batch is prepared for itself. */
static sqlite3_stmt *
batch_statement (Router  *r,
                 guint    n,
                 GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (n == BATCH && r->batch_insert != NULL)
    {
      sqlite3_reset (r->batch_insert);
      sqlite3_clear_bindings (r->batch_insert);
      return r->batch_insert;
    }
  sql = batch_sql (n);
  if (sqlite3_prepare_v3 (r->store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
      != SQLITE_OK)
    {
      cw_store_set_error (r->store, error, _("Could not write the chronology"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (n == BATCH)
    r->batch_insert = stmt;
  return stmt;
}

static gboolean
flush_batch (Router  *r,
             GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (r->n_batch == 0)
    return TRUE;
  if ((stmt = batch_statement (r, r->n_batch, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < r->n_batch; i++)
    bind_entry (r->batch_writers[i], stmt, (int) i * 19, r->batch[i], NULL, &r->keys[i]);
  ok = cw_store_step_done (r->store, stmt, NULL);
  /* Nothing may point at the rows once the batch is over. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (stmt != r->batch_insert)
    sqlite3_finalize (stmt);
  if (!ok && !insert_singly (r, error))
    return FALSE;
  for (guint i = 0; i < r->n_batch; i++)
    r->batch_writers[i]->result->added++;
  r->n_batch = 0;
  return TRUE;
}

static gboolean
write_one (Router      *r,
           Writer      *w,
           CwChronoRow *entry,
           GError     **error)
{
  Earlier *earlier = take_earlier (w, entry);

  w->n_entries++;
  if (earlier == NULL)
    {
      r->batch_writers[r->n_batch] = w;
      r->batch[r->n_batch++] = entry;
      return r->n_batch < BATCH || flush_batch (r, error);
    }
  if (!update_entry (w, entry, earlier, error))
    {
      blame_row (error, entry);
      return FALSE;
    }
  return TRUE;
}

static gboolean
tick (guint             done,
      guint             total,
      GCancellable     *cancellable,
      CwImportProgress  progress,
      gpointer          user_data,
      GError          **error)
{
  if ((done & 1023) != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL && total > 0)
    progress ((double) done / total, user_data);
  return TRUE;
}

/* The writer of the entry's agency; %NULL when it names none and there is
 * no agency for those. A cell's text is looked up as the file gives it
 * first, so that 100,000 rows naming six agencies make six keys, not
 * 100,000; the text lives as long as the import's rows. */
static Writer *
route (Router            *r,
       const CwChronoRow *entry)
{
  g_autofree char *key = NULL;
  Writer *w;

  if (r->single != NULL)
    return r->single;
  if (entry->agency == NULL)
    return r->fallback;
  if ((w = g_hash_table_lookup (r->by_text, entry->agency)) != NULL)
    return w;
  key = cw_import_agency_key (entry->agency);
  if ((w = g_hash_table_lookup (r->by_key, key)) == NULL)
    return r->fallback;
  g_hash_table_insert (r->by_text, entry->agency, w);
  return w;
}

static gboolean
write_routed (Router      *r,
              CwChronoRow *entry,
              GError     **error)
{
  Writer *w = route (r, entry);

  if (w != NULL)
    return write_one (r, w, entry, error);
  g_array_append_val (r->no_agency, entry->row);
  return TRUE;
}

/* Checked rows: written in order. */
static gboolean
write_checked (Router             *r,
               CwChronologyImport *import,
               GCancellable       *cancellable,
               CwImportProgress    progress,
               gpointer            user_data,
               GError            **error)
{
  GPtrArray *entries = import->entries;

  for (guint i = 0; i < entries->len; i++)
    if (!tick (i, entries->len, cancellable, progress, user_data, error)
        || !write_routed (r, entries->pdata[i], error))
      return FALSE;
  return TRUE;
}

typedef struct
{
  CwChronologyImport *import;
  GCancellable       *stop;
  GAsyncQueue        *queue;
  GError             *error;
} Checker;

static gpointer
check_in_thread (gpointer data)
{
  Checker *c = data;

  cw_chronology_import_check_rows (c->import, c->stop, NULL, NULL, c->queue, &c->error);
  return NULL;
}

/* Rows not yet checked: checked in a second thread while this one writes
 * what it has found, so the two halves of the work overlap. */
static gboolean
write_while_checking (Router             *r,
                      CwChronologyImport *import,
                      GCancellable       *cancellable,
                      CwImportProgress    progress,
                      gpointer            user_data,
                      GError            **error)
{
  g_autoptr (GCancellable) stop = g_cancellable_new ();
  Checker c = { import, stop, g_async_queue_new (), NULL };
  guint total = cw_chronology_import_get_n_records (import), done = 0;
  GThread *thread = g_thread_new ("casewise-check", check_in_thread, &c);
  gboolean ok = TRUE;
  gpointer item;

  while ((item = g_async_queue_pop (c.queue)) != CW_IMPORT_END)
    {
      GPtrArray *chunk = item;

      for (guint i = 0; ok && i < chunk->len; i++)
        {
          ok = tick (done++, total, cancellable, progress, user_data, error)
               && write_routed (r, chunk->pdata[i], error);
          if (!ok)
            g_cancellable_cancel (stop);
        }
      g_ptr_array_unref (chunk);
    }
  g_thread_join (thread);
  g_async_queue_unref (c.queue);
  if (ok && c.error != NULL)
    {
      g_propagate_error (error, c.error);
      return FALSE;
    }
  g_clear_error (&c.error);
  return ok;
}

static gboolean
write_entries (Router             *r,
               CwChronologyImport *import,
               GCancellable       *cancellable,
               CwImportProgress    progress,
               gpointer            user_data,
               GError            **error)
{
  if (!(import->checked
          ? write_checked (r, import, cancellable, progress, user_data, error)
          : write_while_checking (r, import, cancellable, progress, user_data, error)))
    return FALSE;
  return flush_batch (r, error);
}

static gboolean
check_writable (CwChronologyImport *self,
                CwImportFlags       flags,
                GError            **error)
{
  if (self->entries->len == 0)
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NOTHING_VALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the row has errors; nothing was imported",
                                "%s: every one of the %u rows has errors; nothing was imported",
                                self->n_rejected),
                   self->file_name, self->n_rejected);
      return FALSE;
    }
  if (self->n_rejected > 0 && !(flags & CW_IMPORT_VALID_ROWS))
    {
      g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_HAS_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u row has errors",
                                "%s: %u rows have errors", self->n_rejected),
                   self->file_name, self->n_rejected);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_last_id (CwStore *store,
              gint64  *last_id,
              GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT coalesce (max (id), 0)"
                                                " FROM chronology_entry", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *last_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
same_agency (const char *named,
             const char *agency)
{
  g_autofree char *a = cw_import_source_key (named);
  g_autofree char *b = cw_import_source_key (agency);

  return strstr (a, b) != NULL || strstr (b, a) != NULL;
}

/* A return is one agency's: rows whose Agency column names others are
 * still imported as this agency's, and the user is told once, at the
 * first of them, with the way to split the file instead. */
static void
warn_other_agencies (Writer *w)
{
  g_autoptr (CwRecord) agency = cw_store_get (w->store, &cw_entity_agency, w->agency_id, NULL);
  const char *name = agency ? cw_record_get (agency, "name") : NULL;
  GPtrArray *entries = w->import->entries;
  g_autoptr (GHashTable) others = NULL;
  const CwChronoRow *first = NULL;
  guint column = 0, n_rows = 0;
  CwImportProblem *problem;
  guint at = 0;

  if (name == NULL || !cw_chrono_mapping_find (w->import->mapping, CW_CHRONO_FIELD_AGENCY,
                                               &column))
    return;
  others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const CwChronoRow *entry = entries->pdata[i];

      if (entry->agency == NULL || same_agency (entry->agency, name))
        continue;
      if (first == NULL || entry->row < first->row)
        first = entry;
      n_rows++;
      g_hash_table_add (others, cw_import_agency_key (entry->agency));
    }
  if (first == NULL)
    return;
  problem = g_new0 (CwImportProblem, 1);
  problem->row = first->row;
  problem->column = column + 1;
  problem->severity = CW_IMPORT_PROBLEM_WARNING;
  problem->field_label = g_strdup (cw_chrono_field_label (CW_CHRONO_FIELD_AGENCY));
  if (n_rows == 1)
    problem->message = g_strdup_printf (
      _("“%s” is another agency: its row is imported as part of the return from %s. To give "
        "each agency its own return, import the file with the agency taken from this column"),
      first->agency, name);
  else if (g_hash_table_size (others) == 1)
    problem->message = g_strdup_printf (
      _("“%s” is another agency: its %u rows are imported as part of the return from %s. To "
        "give each agency its own return, import the file with the agency taken from this "
        "column"),
      first->agency, n_rows, name);
  else
    problem->message = g_strdup_printf (
      _("%u rows name %u other agencies, “%s” the first: they are imported as part of the "
        "return from %s. To give each agency its own return, import the file with the agency "
        "taken from this column"),
      n_rows, g_hash_table_size (others), first->agency, name);
  /* In row order among the others. */
  while (at < w->import->problems->len
         && ((CwImportProblem *) w->import->problems->pdata[at])->row <= problem->row)
    at++;
  g_ptr_array_insert (w->import->problems, (int) at, problem);
}

/* Once every row is checked: the counts, for the provenance and history,
 * and the file's checksum, computed meanwhile. */
static gboolean
count_rows (Writer  *w,
            GError **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (w->store, "UPDATE chronology_import SET entries = ?,"
                                                   " rejected = ?, checksum = ? WHERE id = ?",
                                         error);

  w->result->rejected = w->import->n_rejected;
  w->result->skipped = w->import->n_skipped;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) w->n_entries);
  sqlite3_bind_int (stmt, 2, (int) w->import->n_rejected);
  sqlite3_bind_text (stmt, 3, cw_chronology_import_wait_checksum (w->import), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, w->import_id);
  return cw_store_step_done (w->store, stmt, error);
}

static Writer *
writer_new (CwChronologyImport *import,
            CwStore            *store,
            gint64              review_id,
            gint64              agency_id,
            CwImportFlags       flags,
            CwImportResult     *result)
{
  Writer *w = g_new0 (Writer, 1);

  w->import = import;
  w->store = store;
  w->review_id = review_id;
  w->agency_id = agency_id;
  w->flags = flags;
  w->result = result;
  w->earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
  return w;
}

static void
writer_free (gpointer data)
{
  Writer *w = data;

  g_hash_table_unref (w->earlier);
  g_free (w);
}

/* Before the entries: the return, what its earlier import holds, and the
 * provenance of this one. */
static gboolean
writer_begin (Writer  *w,
              GError **error)
{
  return (w->return_id = cw_chronology_ensure_return (w->store, w->review_id, w->agency_id,
                                                      error)) != 0
         && load_earlier (w, error) && insert_import (w, error);
}

/* After every entry of every return is written, and in the search index. */
static gboolean
writer_finish (Writer  *w,
               GError **error)
{
  return count_rows (w, error) && match_corrected_dates (w, error)
         && remove_left_over (w, error) && mark_received (w, error)
         && ((w->flags & CW_IMPORT_AGENCY_FROM_COLUMN) || remember_mapping (w, error))
         && audit_import (w, error);
}

static void
router_clear (Router *r)
{
  g_clear_pointer (&r->batch_insert, sqlite3_finalize);
  g_clear_pointer (&r->writers, g_ptr_array_unref);
  g_clear_pointer (&r->by_text, g_hash_table_unref);
  g_clear_pointer (&r->by_key, g_hash_table_unref);
  g_clear_pointer (&r->no_agency, g_array_unref);
}

/* The writer of @agency_id, made if there is none yet. */
static Writer *
router_writer (Router             *r,
               CwChronologyImport *import,
               CwStore            *store,
               gint64              review_id,
               gint64              agency_id,
               CwImportFlags       flags,
               CwImportResult     *result)
{
  Writer *w;

  for (guint i = 0; i < r->writers->len; i++)
    if ((w = r->writers->pdata[i])->agency_id == agency_id)
      return w;
  w = writer_new (import, store, review_id, agency_id, flags, result);
  g_ptr_array_add (r->writers, w);
  return w;
}

/* A combined chronology: its agencies found in the register (or added to
 * it when asked), and a writer for each. */
static gboolean
route_agencies (Router             *r,
                CwChronologyImport *self,
                CwStore            *store,
                gint64              review_id,
                gint64              agency_id,
                CwImportFlags       flags,
                CwImportResult     *result,
                GError            **error)
{
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  if ((self->agencies = cw_chronology_import_find_agencies (self, store, error)) == NULL)
    return FALSE;
  if (!(flags & CW_IMPORT_ADD_AGENCIES)
      && !cw_import_agencies_check_known (self, self->agencies, error))
    return FALSE;
  for (guint i = 0; i < self->agencies->len; i++)
    {
      CwImportAgency *agency = self->agencies->pdata[i];
      Writer *w;

      if (agency->name == NULL)
        {
          if (agency_id != 0)
            agency->agency_id = agency_id;
          else
            continue;
        }
      agency->in_register = agency->agency_id != 0;
      if (agency->agency_id == 0
          && (agency->agency_id = cw_store_insert (store, &cw_entity_agency, 0,
                                                   (const char *const[]) {
                                                     "name", agency->name, NULL },
                                                   error)) == 0)
        {
          g_autofree char *rows = cw_import_agency_format_rows (agency);

          g_prefix_error (error, _("%s, %s: could not add “%s” to the register: "),
                          self->file_name, rows, agency->name);
          return FALSE;
        }
      else if (agency->name != NULL && !agency->in_register)
        agency->added = TRUE;
      w = router_writer (r, self, store, review_id, agency->agency_id, flags, &agency->result);
      if (agency->name == NULL)
        r->fallback = w;
      else
        for (guint k = 0; k < agency->keys->len; k++)
          g_hash_table_insert (r->by_key, agency->keys->pdata[k], w);
    }
  return TRUE;
}

static gboolean
refuse_rows_without_agency (Router             *r,
                            CwChronologyImport *self,
                            GError            **error)
{
  CwImportAgency none = { .n_rows = r->no_agency->len };
  g_autofree char *rows = NULL;

  if (r->no_agency->len == 0)
    return TRUE;
  none.rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), 5);
  g_array_append_vals (none.rows, r->no_agency->data, MIN (r->no_agency->len, 5));
  rows = cw_import_agency_format_rows (&none);
  g_array_unref (none.rows);
  g_set_error (error, CW_IMPORT_ERROR, CW_IMPORT_ERROR_NO_AGENCY,
               _("%s, %s: no agency is named in the Agency column; fill it in, or say which "
                 "agency those rows are from"),
               self->file_name, rows);
  return FALSE;
}

static gboolean
write_all (Router             *r,
           CwChronologyImport *self,
           CwStore            *store,
           gint64              review_id,
           gint64              agency_id,
           CwImportFlags       flags,
           GCancellable       *cancellable,
           CwImportProgress    progress,
           gpointer            user_data,
           CwImportResult     *result,
           GError            **error)
{
  gint64 last_id = 0;

  if (flags & CW_IMPORT_AGENCY_FROM_COLUMN)
    {
      if (!route_agencies (r, self, store, review_id, agency_id, flags, result, error))
        return FALSE;
    }
  else
    r->single = router_writer (r, self, store, review_id, agency_id, flags, result);
  for (guint i = 0; i < r->writers->len; i++)
    if (!writer_begin (r->writers->pdata[i], error))
      return FALSE;
  if (!read_last_id (store, &last_id, error))
    return FALSE;
  for (guint i = 0; i < r->writers->len; i++)
    ((Writer *) r->writers->pdata[i])->last_id_before = last_id;
  if (!write_entries (r, self, cancellable, progress, user_data, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (r->single != NULL)
    warn_other_agencies (r->single);
  if (!refuse_rows_without_agency (r, self, error) || !check_writable (self, flags, error)
      || !index_added (store, last_id, error))
    return FALSE;
  for (guint i = 0; i < r->writers->len; i++)
    if (!writer_finish (r->writers->pdata[i], error))
      return FALSE;
  return TRUE;
}

static void
add_results (CwChronologyImport *self,
             CwImportResult     *result)
{
  for (guint i = 0; self->agencies != NULL && i < self->agencies->len; i++)
    {
      const CwImportResult *one = &((CwImportAgency *) self->agencies->pdata[i])->result;

      result->added += one->added;
      result->updated += one->updated;
      result->unchanged += one->unchanged;
      result->removed += one->removed;
    }
  result->rejected = self->n_rejected;
  result->skipped = self->n_skipped;
}

/**
 * cw_chronology_import_run:
 * @review_id: the review the return is for
 * @agency_id: the agency that sent it; with %CW_IMPORT_AGENCY_FROM_COLUMN,
 *   the agency of rows whose Agency column is blank, or 0 to refuse them
 * @flags: %CW_IMPORT_VALID_ROWS to import the valid rows when some have
 *   errors; %CW_IMPORT_DRY_RUN to count without writing;
 *   %CW_IMPORT_AGENCY_FROM_COLUMN for a combined chronology, one return per
 *   agency its Agency column names (refused, naming them and their rows,
 *   when the register lacks some, unless %CW_IMPORT_ADD_AGENCIES)
 * @progress: (nullable) (scope call): told how far it has got
 * @result: (out caller-allocates): what happened, or would have (the sum
 *   of every return's, for a combined chronology: each agency's are in
 *   cw_chronology_import_get_agencies())
 *
 * Writes the checked rows (checking them first if need be) as the
 * agency's return for the review, replacing an earlier import of it. One
 * transaction: after an error or a cancel nothing of it is written.
 *
 * Returns: whether the import was written (or, dry, could have been)
 */
gboolean
cw_chronology_import_run (CwChronologyImport *self,
                          CwStore            *store,
                          gint64              review_id,
                          gint64              agency_id,
                          CwImportFlags       flags,
                          GCancellable       *cancellable,
                          CwImportProgress    progress,
                          gpointer            user_data,
                          CwImportResult     *result,
                          GError            **error)
{
  Router r = { 0 };
  g_autoptr (CwTransaction) tx = NULL;
  gint64 import_id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  if (!self->checked)
    cw_chronology_import_reset_checked (self);
  if (!cw_chrono_mapping_check (self->mapping, error)
      || (self->checked && !check_writable (self, flags, error)))
    return FALSE;
  if ((tx = cw_transaction_begin_bulk (store, error)) == NULL)
    return FALSE;
  r.store = store;
  r.writers = g_ptr_array_new_with_free_func (writer_free);
  r.by_text = g_hash_table_new (g_str_hash, g_str_equal);
  r.by_key = g_hash_table_new (g_str_hash, g_str_equal);
  r.no_agency = g_array_new (FALSE, FALSE, sizeof (guint));
  ok = write_all (&r, self, store, review_id, agency_id, flags, cancellable, progress,
                  user_data, result, error);
  if (r.single != NULL)
    {
      result->return_id = r.single->return_id;
      import_id = r.single->import_id;
    }
  else
    add_results (self, result);
  router_clear (&r);
  /* A cancel up to the last moment leaves nothing written. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (!ok)
    {
      /* Nothing was written: say so in the counts too. */
      result->added = result->updated = result->unchanged = result->removed = 0;
      for (guint i = 0; self->agencies != NULL && i < self->agencies->len; i++)
        {
          CwImportResult *one = &((CwImportAgency *) self->agencies->pdata[i])->result;

          one->added = one->updated = one->unchanged = one->removed = 0;
        }
    }
  /* Agencies added to the register went with the rest. */
  if (!ok || (flags & CW_IMPORT_DRY_RUN))
    {
      for (guint i = 0; self->agencies != NULL && i < self->agencies->len; i++)
        {
          CwImportAgency *agency = self->agencies->pdata[i];

          if (agency->added)
            agency->agency_id = 0;
        }
    }
  /* A dry run rolls back what it wrote to see what it would do. */
  if (!ok || (flags & CW_IMPORT_DRY_RUN))
    return ok;
  /* Written by statements of its own: listeners hear of it at the commit. */
  cw_store_note_change (store, "chronology_entry", 0);
  cw_store_note_change (store, "chronology_import", 0);
  if (!cw_transaction_commit (tx, error))
    return FALSE;
  result->import_id = import_id;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/**
 * cw_chronology_import_get_agencies:
 *
 * Returns: (transfer none) (element-type CwImportAgency) (nullable): after
 *   cw_chronology_import_run() of a combined chronology, the agencies its
 *   Agency column names, each with its return's counts (its agency_id set
 *   for an agency added to the register; none, after a dry run)
 */
GPtrArray *
cw_chronology_import_get_agencies (CwChronologyImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->agencies;
}

/**
 * cw_chronology_get_saved_mapping:
 *
 * Returns: (transfer full) (nullable): the columns remembered from the
 *   agency's last import, for cw_chronology_import_use_saved_mapping()
 */
char *
cw_chronology_get_saved_mapping (CwStore *store,
                                 gint64   agency_id)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return cw_store_text_for_id (store, "SELECT chronology_columns FROM agency WHERE id = ?",
                               agency_id);
}

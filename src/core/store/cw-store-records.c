/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chrono-date.h"
#include "cw-store-private.h"

/* Insert, update, delete and list rows of any entity described in
 * cw-entity.c. Column names come from those descriptions, never from
 * input; every value is bound. Deletes are soft until purged, so an undo
 * brings back the same row rather than a copy. */

static gboolean
check_ref (CwStore        *self,
           const CwField  *field,
           const char     *value,
           GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ? AND deleted = 0", field->ref->table,
                         field->ref->key_column);
  stmt = cw_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("%s: there is no %s “%s”"), _(field->label), _(field->ref->label), value);
  return found;
}

static gboolean
validate (CwStore        *self,
          const CwField  *field,
          const char     *value,
          char          **normalized,
          GError        **error)
{
  if (!cw_field_normalize (field, value, normalized, error))
    return FALSE;
  if (field->type == CW_FIELD_REF && *normalized != NULL)
    return check_ref (self, field, *normalized, error);
  return TRUE;
}

static const CwField *
find_field_or_error (const CwEntity *entity,
                     const char     *name,
                     GError        **error)
{
  const CwField *field = cw_entity_find_field (entity, name);

  if (field == NULL)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("%s has no field “%s”"),
                 _(entity->label), name);
  return field;
}

static gboolean
check_required_present (const CwEntity     *entity,
                        const char *const  *pairs,
                        GError            **error)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CwField *field = &entity->fields[i];
      gboolean present = FALSE;

      if (!(field->flags & CW_FIELD_REQUIRED))
        continue;
      for (guint j = 0; pairs && pairs[j] != NULL; j += 2)
        present |= g_str_equal (pairs[j], field->name);
      if (!present)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, _("%s is required"),
                       _(field->label));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
key_taken (CwStore        *self,
           const CwEntity *entity,
           const char     *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?", entity->table,
                                          entity->key_column);
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, NULL);
  gboolean taken;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/* Entities referred to by a text key (kinds, profiles) get one made from
 * their name when none is given: "New kind" becomes new-kind, new-kind-2... */
static char *
make_key (CwStore            *self,
          const CwEntity     *entity,
          const char *const  *pairs)
{
  const char *name = NULL;
  g_autoptr (GString) base = g_string_new (NULL);
  char *key;

  for (guint j = 0; pairs && pairs[j] != NULL; j += 2)
    if (g_str_equal (pairs[j], entity->label_field))
      name = pairs[j + 1];
  for (const char *p = name ? name : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (base, g_ascii_tolower (*p));
    else if (base->len > 0 && base->str[base->len - 1] != '-')
      g_string_append_c (base, '-');
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "item");
  key = g_strdup (base->str);
  for (int n = 2; key_taken (self, entity, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s-%d", base->str, n);
    }
  return key;
}

static gboolean
has_pair (const char *const *pairs,
          const char        *field)
{
  for (guint j = 0; pairs && pairs[j] != NULL; j += 2)
    if (g_str_equal (pairs[j], field))
      return TRUE;
  return FALSE;
}

/* A unique index names its table and column, which a person cannot act on. */
static void
explain_duplicate (CwStore         *self,
                   const CwEntity  *entity,
                   GError         **error)
{
  if (error == NULL || *error == NULL
      || sqlite3_extended_errcode (self->db) != SQLITE_CONSTRAINT_UNIQUE)
    return;
  {
  g_autofree char *what = g_utf8_strdown (_(entity->label), -1);
  g_autofree char *field = g_utf8_strdown (
    _(cw_entity_find_field (entity, entity->label_field)->label), -1);

  g_clear_error (error);
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
               _("Another %s already has this %s; choose another"), what, field);
  }
}

/**
 * cw_store_insert:
 * @entity: what to insert
 * @review_id: the review, for entities that belong to one; else 0
 * @pairs: (array zero-terminated=1): field names and values, alternating
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
cw_store_insert (CwStore            *self,
                 const CwEntity     *entity,
                 gint64              review_id,
                 const char *const  *pairs,
                 GError            **error)
{
  g_autoptr (GString) columns = g_string_new (entity->per_review ? "review_id" : "");
  g_autoptr (GString) marks = g_string_new (entity->per_review ? "?" : "");
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (self), 0);
  g_return_val_if_fail (entity != NULL, 0);
  g_return_val_if_fail (!entity->per_review || review_id > 0, 0);

  if (!check_required_present (entity, pairs, error))
    return 0;
  if (!g_str_equal (entity->key_column, "id") && !has_pair (pairs, entity->key_column))
    {
      key = make_key (self, entity, pairs);
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", entity->key_column);
      g_string_append_printf (marks, "%s?", marks->len ? ", " : "");
      g_ptr_array_add (values, g_strdup (key));
    }
  for (guint j = 0; pairs && pairs[j] != NULL; j += 2)
    {
      const CwField *field = find_field_or_error (entity, pairs[j], error);
      char *normalized = NULL;

      if (field == NULL || !validate (self, field, pairs[j + 1], &normalized, error))
        return 0;
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", field->name);
      g_string_append_printf (marks, "%s?", marks->len ? ", " : "");
      g_ptr_array_add (values, normalized);
    }

  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", entity->table, columns->str,
                         marks->str);
  stmt = cw_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  if (entity->per_review)
    sqlite3_bind_int64 (stmt, 1, review_id);
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1 + (entity->per_review ? 1 : 0), values->pdata[i], -1,
                       SQLITE_TRANSIENT);
  if (!cw_store_step_done (self, stmt, error))
    {
      explain_duplicate (self, entity, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  cw_store_emit_changed (self, entity->table, id);
  return id;
}

static gboolean
run_on_row (CwStore        *self,
            const char     *sql,
            const char     *value,
            gint64          id,
            GError        **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                   _("The item was not found; it may have been deleted"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_store_update:
 * @field: a field of @entity that forms may edit
 * @value: (nullable): the new value as entered; %NULL or "" clears it
 *
 * Checks @value, stores it in one statement (its audit rows with it), and
 * emits #CwStore::changed.
 */
/* Nor can a period of the child's context. */
static gboolean
check_period_dates (CwStore        *self,
                    gint64          id,
                    const CwField  *field,
                    const char     *normalized,
                    GError        **error)
{
  g_autoptr (CwRecord) period = cw_store_get (self, &cw_entity_period, id, NULL);
  const char *start, *end;

  if (period == NULL)
    return TRUE;
  start = g_str_equal (field->name, "start_date") ? normalized : cw_record_get (period, "start_date");
  end = g_str_equal (field->name, "end_date") ? normalized : cw_record_get (period, "end_date");
  if (start == NULL || end == NULL || strcmp (end, start) >= 0)
    return TRUE;
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: the period ends before it starts"), _(field->label));
  return FALSE;
}

/* A chronology entry cannot end before it starts: the same rule as the
 * import's (cw-chronology-row.c), for a date changed in the editor. */
static gboolean
check_dates_in_order (CwStore         *self,
                      const CwEntity  *entity,
                      gint64           id,
                      const CwField   *field,
                      const char      *normalized,
                      GError         **error)
{
  g_autoptr (CwRecord) entry = NULL;
  const char *start_iso, *end_iso;
  CwChronoDate start, end;
  GDate start_first, start_last, end_first, end_last;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (entity == &cw_entity_period && normalized != NULL && field->type == CW_FIELD_DATE)
    return check_period_dates (self, id, field, normalized, error);
  if (entity != &cw_entity_chronology_entry || normalized == NULL
      || field->type != CW_FIELD_CHRONO_DATE
      || (entry = cw_store_get (self, entity, id, NULL)) == NULL)
    return TRUE;
  start_iso = g_str_equal (field->name, "start_date") ? normalized
                                                       : cw_record_get (entry, "start_date");
  end_iso = g_str_equal (field->name, "end_date") ? normalized : cw_record_get (entry, "end_date");
  if (start_iso == NULL || end_iso == NULL || !cw_chrono_date_from_iso (start_iso, &start)
      || !cw_chrono_date_from_iso (end_iso, &end))
    return TRUE;
  cw_chrono_date_range (&start, &start_first, &start_last);
  cw_chrono_date_range (&end, &end_first, &end_last);
  if (g_date_compare (&end_last, &start_first) >= 0)
    return TRUE;
  start_text = cw_chrono_date_format (&start);
  end_text = cw_chrono_date_format (&end);
  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: the entry ends (%s) before it starts (%s)"), _(field->label), end_text,
               start_text);
  return FALSE;
}

gboolean
cw_store_update (CwStore         *self,
                 const CwEntity  *entity,
                 gint64           id,
                 const char      *field_name,
                 const char      *value,
                 GError         **error)
{
  const CwField *field;
  g_autofree char *normalized = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (field_name != NULL, FALSE);

  field = find_field_or_error (entity, field_name, error);
  if (field != NULL && (field->flags & CW_FIELD_READONLY))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("%s cannot be changed this way"), _(field->label));
      return FALSE;
    }
  if (field == NULL || !validate (self, field, value, &normalized, error)
      || !check_dates_in_order (self, entity, id, field, normalized, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND deleted = 0", entity->table,
                         field->name);
  if (!run_on_row (self, sql, normalized, id, error))
    {
      explain_duplicate (self, entity, error);
      return FALSE;
    }
  cw_store_emit_changed (self, entity->table, id);
  return TRUE;
}

static gboolean
set_deleted (CwStore         *self,
             const CwEntity  *entity,
             gint64           id,
             gboolean         deleted,
             GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = ? WHERE id = ?",
                                          entity->table);

  if (!run_on_row (self, sql, deleted ? "1" : "0", id, error))
    return FALSE;
  cw_store_emit_changed (self, entity->table, id);
  return TRUE;
}

static char *
key_of (CwStore         *self,
        const CwEntity  *entity,
        gint64           id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", entity->key_column,
                                          entity->table);
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, NULL);
  char *key = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = cw_store_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return key;
}

/* How many live rows of @user refer to @key through @field; for rows that
 * belong to reviews, how many reviews. */
static gint64
count_users (CwStore        *self,
             const CwEntity *user,
             const CwField  *field,
             const char     *key)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (user->per_review)
    sql = g_strdup_printf ("SELECT count (DISTINCT t.review_id) FROM %s AS t JOIN review AS r"
                           " ON r.id = t.review_id AND r.deleted = 0"
                           " WHERE t.%s = ? AND t.deleted = 0", user->table, field->name);
  else
    sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE %s = ? AND deleted = 0", user->table,
                           field->name);
  if ((stmt = cw_store_prepare (self, sql, NULL)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
report_in_use (const CwEntity  *entity,
               const CwEntity  *user,
               gint64           n,
               GError         **error)
{
  g_autofree char *what = g_utf8_strdown (_(entity->label), -1);
  g_autofree char *users = g_utf8_strdown (n == 1 ? _(user->label) : _(user->label_plural), -1);

  if (user->per_review)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "This %s is used in %" G_GINT64_FORMAT " review; remove it there "
                              "first",
                              "This %s is used in %" G_GINT64_FORMAT " reviews; remove it there "
                              "first", n), what, n);
  else
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_CONSTRAINT,
                 _("This %s is used by %" G_GINT64_FORMAT " %s; change that first"), what, n,
                 users);
}

/* Shared rows (kinds, profiles, agencies) in use are not deleted: the
 * user is told where they are used instead of losing them everywhere. */
static gboolean
check_not_in_use (CwStore         *self,
                  const CwEntity  *entity,
                  gint64           id,
                  GError         **error)
{
  const CwEntity *const *entities = cw_entities_all ();
  g_autofree char *key = key_of (self, entity, id);

  for (guint i = 0; key != NULL && entities[i] != NULL; i++)
    for (guint j = 0; j < entities[i]->n_fields; j++)
      {
        const CwField *field = &entities[i]->fields[j];
        gint64 n;

        if (field->type != CW_FIELD_REF || field->ref != entity)
          continue;
        if ((n = count_users (self, entities[i], field, key)) == 0)
          continue;
        report_in_use (entity, entities[i], n, error);
        return FALSE;
      }
  return TRUE;
}

/**
 * cw_store_delete:
 *
 * Hides the row and records the delete; cw_store_undelete() brings it back
 * as it was, cw_store_purge_deleted() removes it for good.
 */
gboolean
cw_store_delete (CwStore         *self,
                 const CwEntity  *entity,
                 gint64           id,
                 GError         **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (!check_not_in_use (self, entity, id, error))
    return FALSE;
  return set_deleted (self, entity, id, TRUE, error);
}

gboolean
cw_store_undelete (CwStore         *self,
                   const CwEntity  *entity,
                   gint64           id,
                   GError         **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  return set_deleted (self, entity, id, FALSE, error);
}

/* A full-text index keeps the text of a deleted row until its segments
 * are merged: FTS5 records a deletion as a marker beside the text. Merging
 * each index into one segment drops both, so purged text is gone from the
 * file (secure_delete zeroes the pages freed). */
static gboolean
forget_purged_text (CwStore  *self,
                    GError  **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, "SELECT name FROM sqlite_schema"
                                               " WHERE type = 'table' AND sql LIKE"
                                               " 'CREATE VIRTUAL TABLE % USING fts5%'", error);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, cw_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%1$s\" (\"%1$s\")"
                                              " VALUES ('optimize')",
                                              (const char *) tables->pdata[i]);
      if (!cw_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cw_store_purge_deleted:
 *
 * Removes deleted rows for good, in one transaction. Personal data that a
 * reviewer deleted does not linger in the file (secure_delete is on).
 */
gboolean
cw_store_purge_deleted (CwStore  *self,
                        GError  **error)
{
  const CwEntity *const *entities = cw_entities_all ();
  gint64 changes = sqlite3_total_changes64 (self->db);
  guint n = 0;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  while (entities[n] != NULL)
    n++;
  if (!cw_store_begin (self, error))
    return FALSE;
  /* Reviews first: their rows go with them, without new audit entries. */
  if (!cw_store_exec (self, "DELETE FROM review WHERE deleted = 1", error))
    goto fail;
  /* Then the others, those that refer to others first: entities are listed
   * parents before children, so a deleted entry goes before its deleted
   * agency. */
  for (guint i = n; i-- > 0;)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE deleted = 1",
                                              entities[i]->table);
      if (!cw_store_exec (self, sql, error))
        goto fail;
    }
  if (sqlite3_total_changes64 (self->db) != changes && !forget_purged_text (self, error))
    goto fail;
  return cw_store_commit (self, error);

fail:
  cw_store_rollback (self);
  return FALSE;
}

/**
 * cw_store_purge:
 *
 * Removes one deleted row for good (with what belongs to it), leaving any
 * other deletion still open to undo. A row not deleted is left alone.
 */
gboolean
cw_store_purge (CwStore         *self,
                const CwEntity  *entity,
                gint64           id,
                GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ? AND deleted = 1", entity->table);
  if ((stmt = cw_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cw_store_step_done (self, stmt, error)
      || (sqlite3_changes64 (self->db) > 0 && !forget_purged_text (self, error)))
    return FALSE;
  cw_store_emit_changed (self, entity->table, id);
  return TRUE;
}

static char *
select_sql (const CwEntity *entity,
            const char     *where)
{
  g_autoptr (GString) sql = g_string_new ("SELECT t.id, ");
  g_autoptr (GString) joins = g_string_new (NULL);

  g_string_append (sql, entity->per_review ? "t.review_id" : "0");
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CwField *f = &entity->fields[i];
      g_string_append_printf (sql, ", t.%s", f->name);
      if (f->type != CW_FIELD_REF)
        continue;
      g_string_append_printf (sql, ", j%u.%s", i, f->ref->label_field);
      g_string_append_printf (joins, " LEFT JOIN %s AS j%u ON j%u.%s = t.%s", f->ref->table, i,
                              i, f->ref->key_column, f->name);
    }
  g_string_append_printf (sql, " FROM %s AS t%s WHERE t.deleted = 0 AND %s ORDER BY %s",
                          entity->table, joins->str, where, entity->order_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static CwRecord *
record_from_row (const CwEntity *entity,
                 sqlite3_stmt   *stmt)
{
  CwRecord *record = cw_record_new (entity, sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1));
  int column = 2;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CwField *f = &entity->fields[i];
      cw_record_take (record, f->name, cw_store_column_text (stmt, column++));
      if (f->type == CW_FIELD_REF)
        {
          g_autofree char *key = g_strconcat (f->name, "__label", NULL);
          cw_record_take (record, key, cw_store_column_text (stmt, column++));
        }
    }
  return record;
}

static GListModel *
list_where (CwStore         *self,
            const CwEntity  *entity,
            const char      *where,
            gint64           param,
            GError         **error)
{
  g_autofree char *sql = select_sql (entity, where);
  g_autoptr (GListStore) list = g_list_store_new (CW_TYPE_RECORD);
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (strchr (where, '?') != NULL)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CwRecord) record = record_from_row (entity, stmt);
      g_list_store_append (list, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (self, error, _("Could not read the database"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * cw_store_list:
 * @review_id: the review, for entities that belong to one
 *
 * Returns: (transfer full) (nullable): the rows not deleted, as #CwRecord
 */
GListModel *
cw_store_list (CwStore         *self,
               const CwEntity  *entity,
               gint64           review_id,
               GError         **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  return list_where (self, entity, entity->per_review ? "t.review_id = ?" : "1", review_id,
                     error);
}

/**
 * cw_store_get:
 *
 * Returns: (transfer full) (nullable): the row, or %NULL with
 *   %CW_STORE_ERROR_NOT_FOUND when it does not exist or is deleted
 */
CwRecord *
cw_store_get (CwStore         *self,
              const CwEntity  *entity,
              gint64           id,
              GError         **error)
{
  g_autoptr (GListModel) list = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  list = list_where (self, entity, "t.id = ?", id, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND, _("No such %s"),
                   _(entity->label));
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

static const char *const audit_columns[] = {
  "at", "actor", "entity", "action", "field", "old_value", "new_value",
};

/**
 * cw_store_list_history:
 *
 * Returns: (transfer full) (nullable): the review's audit trail, newest
 *   first, as #CwRecord with keys at, actor, entity, entity_id, action,
 *   field, old_value, new_value
 */
GListModel *
cw_store_list_history (CwStore  *self,
                       gint64    review_id,
                       GError  **error)
{
  g_autoptr (GListStore) list = g_list_store_new (CW_TYPE_RECORD);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self, "SELECT id, entity_id, at, actor, entity, action, field,"
                                 " old_value, new_value FROM audit WHERE review_id = ?"
                                 " ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CwRecord) r = cw_record_new (&cw_entity_review, sqlite3_column_int64 (stmt, 0),
                                              review_id);
      cw_record_take (r, "entity_id", cw_store_column_text (stmt, 1));
      for (guint i = 0; i < G_N_ELEMENTS (audit_columns); i++)
        cw_record_take (r, audit_columns[i], cw_store_column_text (stmt, i + 2));
      g_list_store_append (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (self, error, _("Could not read the history"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* After an insert begun in the savepoint cw_follow (@id 0 when it
 * failed): the entity's follow function, and the savepoint released, or
 * rolled back with the row when either failed. */
static gboolean
insert_follow (CwStore         *self,
               const CwEntity  *entity,
               gint64           id,
               GError         **error)
{
  g_autoptr (CwRecord) row = NULL;
  gboolean ok;

  self->depth++;
  ok = id != 0 && (row = cw_store_get (self, entity, id, error)) != NULL
       && entity->follow (self, entity, row, NULL, error);
  self->depth--;
  if (ok)
    return cw_store_exec (self, "RELEASE cw_follow", error);
  cw_store_exec (self, "ROLLBACK TO cw_follow", NULL);
  cw_store_exec (self, "RELEASE cw_follow", NULL);
  return FALSE;
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
  g_autoptr (GString) columns = g_string_new (NULL);
  g_autoptr (GString) marks = g_string_new (entity->parent ? "?" : "");
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CwRecord) row = cw_record_new (entity, 0, review_id);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CW_IS_STORE (self), 0);
  g_return_val_if_fail (entity != NULL, 0);
  g_return_val_if_fail (entity->parent == NULL || review_id > 0, 0);

  if (entity->parent != NULL)
    g_string_append_printf (columns, "%s_id", entity->parent->table);
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
      cw_record_set (row, field->name, normalized);
    }
  if (entity->validate != NULL && !entity->validate (self, entity, row, NULL, error))
    return 0;

  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", entity->table, columns->str,
                         marks->str);
  stmt = cw_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  if (entity->parent != NULL)
    sqlite3_bind_int64 (stmt, 1, review_id);
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1 + (entity->parent ? 1 : 0), values->pdata[i], -1,
                       SQLITE_TRANSIENT);
  if (entity->follow != NULL && !cw_store_exec (self, "SAVEPOINT cw_follow", error))
    return 0;
  if (!cw_store_step_done (self, stmt, error))
    {
      explain_duplicate (self, entity, error);
      id = 0;
    }
  else
    id = sqlite3_last_insert_rowid (self->db);
  if (entity->follow != NULL && !insert_follow (self, entity, id, error))
    return 0;
  if (id != 0)
    cw_store_note_change (self, entity->table, id);
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

/* The row as an update would leave it, for the entity's own rules. */
static gboolean
validate_row (CwStore         *self,
              const CwEntity  *entity,
              gint64           id,
              const CwField   *field,
              const char      *normalized,
              GError         **error)
{
  g_autoptr (CwRecord) row = NULL;

  if (entity->validate == NULL || (row = cw_store_get (self, entity, id, NULL)) == NULL)
    return TRUE;
  cw_record_set (row, field->name, normalized);
  return entity->validate (self, entity, row, field, error);
}

/* The entity's follow function after a change, both in one savepoint:
 * one that does not end a transaction of the caller's, nor tell every
 * view that everything changed as a commit does. */
static gboolean
write_and_follow (CwStore         *self,
                  const CwEntity  *entity,
                  gint64           id,
                  const CwField   *field,
                  const char      *sql,
                  const char      *value,
                  GError         **error)
{
  g_autoptr (CwRecord) row = NULL;
  gboolean ok;

  if (entity->follow == NULL)
    return run_on_row (self, sql, value, id, error);
  if (!cw_store_exec (self, "SAVEPOINT cw_follow", error))
    return FALSE;
  self->depth++;
  ok = run_on_row (self, sql, value, id, error)
       && (row = cw_store_get (self, entity, id, error)) != NULL
       && entity->follow (self, entity, row, field, error);
  self->depth--;
  if (ok)
    return cw_store_exec (self, "RELEASE cw_follow", error);
  cw_store_exec (self, "ROLLBACK TO cw_follow", NULL);
  cw_store_exec (self, "RELEASE cw_follow", NULL);
  return FALSE;
}

/**
 * cw_store_update:
 * @field: a field of @entity that forms may edit
 * @value: (nullable): the new value as entered; %NULL or "" clears it
 *
 * Checks @value and the entity's rules for the row it makes, stores it in
 * one statement (its audit rows with it) with what follows from it (the
 * entity's follow function), and emits #CwStore::changed.
 */
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
      || !validate_row (self, entity, id, field, normalized, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND deleted = 0", entity->table,
                         field->name);
  if (!write_and_follow (self, entity, id, field, sql, normalized, error))
    {
      explain_duplicate (self, entity, error);
      return FALSE;
    }
  cw_store_note_change (self, entity->table, id);
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
  cw_store_note_change (self, entity->table, id);
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

  if (user->parent != NULL)
    sql = g_strdup_printf ("SELECT count (DISTINCT t.%2$s_id) FROM %1$s AS t JOIN %2$s AS r"
                           " ON r.id = t.%2$s_id AND r.deleted = 0"
                           " WHERE t.%3$s = ? AND t.deleted = 0", user->table,
                           user->parent->table, field->name);
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

  if (user->parent != NULL)
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

        if (field->type != CW_FIELD_REF || field->ref != entity
            || (field->flags & CW_FIELD_CASCADE))
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

typedef struct
{
  char    *child;
  char    *parent;
  gboolean cascade; /* deleting the parent row deletes the child's */
  gboolean restricts; /* the parent row cannot go while a child names it */
} Reference;

static void
reference_free (Reference *ref)
{
  g_free (ref->child);
  g_free (ref->parent);
  g_free (ref);
}

/* Every foreign key of the file, as SQLite reads them. */
static GPtrArray *
read_references (CwStore  *self,
                 GError  **error)
{
  g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) reference_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_store_prepare (self, "SELECT m.name, f.\"table\", f.on_delete FROM sqlite_schema AS m,"
                                 " pragma_foreign_key_list (m.name) AS f WHERE m.type = 'table'",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Reference *ref = g_new0 (Reference, 1);
      const char *on_delete = (const char *) sqlite3_column_text (stmt, 2);

      ref->child = cw_store_column_text (stmt, 0);
      ref->parent = cw_store_column_text (stmt, 1);
      ref->cascade = g_strcmp0 (on_delete, "CASCADE") == 0;
      ref->restricts = g_strcmp0 (on_delete, "NO ACTION") == 0
                      || g_strcmp0 (on_delete, "RESTRICT") == 0;
      g_ptr_array_add (refs, ref);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (self, error, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&refs);
}

/* The tables whose rows a delete from @table takes with it. */
static GHashTable *
cascade_of (GPtrArray  *refs,
            const char *table)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean grew = TRUE;

  g_hash_table_add (set, (gpointer) table);
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < refs->len; i++)
        {
          Reference *ref = refs->pdata[i];

          if (ref->cascade && g_hash_table_contains (set, ref->parent)
              && !g_hash_table_contains (set, ref->child))
            grew = g_hash_table_add (set, ref->child);
        }
    }
  return set;
}

/* Whether deleted rows of @a must go before those of @b: rows that a purge
 * of @a removes (with its cascade) may name rows of @b, which could not go
 * first. */
static gboolean
must_precede (GPtrArray  *refs,
              const char *a,
              const char *b)
{
  g_autoptr (GHashTable) gone = cascade_of (refs, a);

  if (g_hash_table_contains (gone, b))
    return FALSE;
  for (guint i = 0; i < refs->len; i++)
    {
      Reference *ref = refs->pdata[i];

      if (ref->restricts && g_str_equal (ref->parent, b) && g_hash_table_contains (gone, ref->child))
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_store_purge_order:
 *
 * The order in which cw_store_purge_deleted() removes deleted rows, worked
 * out from the file's foreign keys: a table goes before every table its
 * rows (or the rows its deletes cascade to) refer to, so that no row is
 * removed while another still names it. Ties keep the order the domains
 * gave their entities in.
 *
 * Returns: (transfer full) (nullable): the entities' tables, or %NULL with
 *   @error set when the references go round in a circle
 */
GStrv
cw_store_purge_order (CwStore  *self,
                      GError  **error)
{
  const CwEntity *const *entities = cw_entities_all ();
  g_autoptr (GPtrArray) refs = read_references (self, error);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) order = g_strv_builder_new ();

  if (refs == NULL)
    return NULL;
  for (guint i = 0; entities[i] != NULL; i++)
    if (cw_store_table_exists (self, entities[i]->table))
      g_ptr_array_add (left, (gpointer) entities[i]->table);
  while (left->len > 0)
    {
      guint next = 0;

      /* The first table no other waiting table must precede. */
      for (; next < left->len; next++)
        {
          gboolean ready = TRUE;

          for (guint j = 0; j < left->len && ready; j++)
            ready = j == next || !must_precede (refs, left->pdata[j], left->pdata[next]);
          if (ready)
            break;
        }
      if (next == left->len)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                       _("Could not remove deleted items: the references between the tables "
                         "%s and others go round in a circle"), (char *) left->pdata[0]);
          return NULL;
        }
      g_strv_builder_add (order, left->pdata[next]);
      g_ptr_array_remove_index (left, next);
    }
  return g_strv_builder_end (order);
}

/**
 * cw_store_purge_deleted:
 *
 * Removes deleted rows for good, in one transaction, in the order of
 * cw_store_purge_order(). Personal data that a reviewer deleted does not
 * linger in the file (secure_delete is on). A row that belongs to a
 * deleted parent goes with it, without new audit entries.
 */
gboolean
cw_store_purge_deleted (CwStore  *self,
                        GError  **error)
{
  gint64 changes = sqlite3_total_changes64 (self->db);
  g_autoptr (CwTransaction) tx = NULL;
  g_auto (GStrv) order = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if ((order = cw_store_purge_order (self, error)) == NULL)
    return FALSE;
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return FALSE;
  for (guint i = 0; order[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE deleted = 1", order[i]);

      if (!cw_store_exec (self, sql, error))
        return FALSE;
      if (sqlite3_changes64 (self->db) > 0)
        cw_store_note_change (self, order[i], 0);
    }
  if (sqlite3_total_changes64 (self->db) != changes && !forget_purged_text (self, error))
    return FALSE;
  return cw_transaction_commit (tx, error);
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
  cw_store_note_change (self, entity->table, id);
  return TRUE;
}

/* Each of @ids changed by @change, all of them or none. */
static gboolean
change_rows (CwStore         *self,
             const CwEntity  *entity,
             const GArray    *ids,
             gboolean       (*change) (CwStore *, const CwEntity *, gint64, GError **),
             GError         **error)
{
  g_autoptr (CwTransaction) tx = cw_transaction_begin (self, error);

  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!change (self, entity, g_array_index (ids, gint64, i), error))
      return FALSE;
  return cw_transaction_commit (tx, error);
}

/**
 * cw_store_undelete_rows:
 * @ids: (element-type gint64): rows of @entity deleted together
 *
 * Brings them all back, in one transaction: all of them or none.
 */
gboolean
cw_store_undelete_rows (CwStore         *self,
                        const CwEntity  *entity,
                        const GArray    *ids,
                        GError         **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && ids != NULL, FALSE);

  return change_rows (self, entity, ids, cw_store_undelete, error);
}

/**
 * cw_store_purge_rows:
 * @ids: (element-type gint64): rows of @entity deleted together
 *
 * Makes their deletion final (cw_store_purge()), in one transaction: when
 * it fails, all of them stay deleted, to be purged when the app next starts.
 */
gboolean
cw_store_purge_rows (CwStore         *self,
                     const CwEntity  *entity,
                     const GArray    *ids,
                     GError         **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && ids != NULL, FALSE);

  if (change_rows (self, entity, ids, cw_store_purge, error))
    return TRUE;
  g_prefix_error (error, _("What was deleted is hidden, and will be removed from the file when "
                           "Casewise next starts: "));
  return FALSE;
}

static char *
select_sql (const CwEntity *entity,
            const char     *where)
{
  g_autoptr (GString) sql = g_string_new ("SELECT t.id, ");
  g_autoptr (GString) joins = g_string_new (NULL);

  if (entity->parent != NULL)
    g_string_append_printf (sql, "t.%s_id", entity->parent->table);
  else
    g_string_append (sql, "0");
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
  g_autofree char *where = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  if (entity->parent != NULL)
    where = g_strdup_printf ("t.%s_id = ?", entity->parent->table);
  return list_where (self, entity, where ? where : "1", review_id, error);
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

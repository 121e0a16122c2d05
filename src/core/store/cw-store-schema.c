/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-store-migrations.h"
#include "cw-store-private.h"

/* Forward migrations, one per schema version: migrations/NNN.sql, built
 * into the program as a GResource, each run in its own transaction
 * together with the new user_version. Never edit a released migration: add
 * the next file, list it in migrations/migrations.gresource.xml and raise
 * CW_SCHEMA_VERSION (a test checks every file is used, versions without a
 * gap). What SQL alone cannot do follows a version's file in code
 * (run_migration()): the end of an edit of sqlite_schema, and the guards
 * of the audit trail, whose text opening compares with the file's. Audit
 * triggers are derived from the entity descriptions and rebuilt after any
 * migration.
 *
 * Row ids are AUTOINCREMENT: the audit trail names rows by id, so an id
 * must never be given again after its row is purged. */

/* The guards of the append-only audit trail, as the migrations make them
 * (the text is compared with the file's on opening: keep it byte for
 * byte). Since version 7 an INSERT that would replace a row is refused too:
 * REPLACE INTO and INSERT OR REPLACE delete the old row without firing
 * delete triggers. */
#define AUDIT_GUARD_UPDATE \
  "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"
#define AUDIT_GUARD_DELETE \
  "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"
#define AUDIT_GUARD_INSERT \
  "CREATE TRIGGER audit_append_only_insert BEFORE INSERT ON audit" \
  "  WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) BEGIN" \
  "  SELECT RAISE (ABORT, 'the audit trail is append-only'); END"

/* Made by the migration of version @since, after its file. */
static const struct
{
  const char *name;
  const char *sql;
  int         since;
} guards[] = {
  { "audit_append_only_update", AUDIT_GUARD_UPDATE, 1 },
  { "audit_append_only_delete", AUDIT_GUARD_DELETE, 1 },
  { "audit_append_only_insert", AUDIT_GUARD_INSERT, 7 },
};

/* After an edit of sqlite_schema: a new schema version makes every
 * connection read the definitions again. */
static gboolean
end_schema_edit (CwStore  *self,
                 GError  **error)
{
  int version = 0;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sql = g_strdup_printf ("PRAGMA schema_version = %d; PRAGMA writable_schema = OFF", version + 1);
  return cw_store_exec (self, sql, error);
}

static gboolean
column_exists (CwStore    *self,
               const char *table,
               const char *column)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info (?) WHERE name = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

/* Whether other entities' rows belong to @entity's (a review's). */
static gboolean
is_parent (const CwEntity *entity)
{
  const CwEntity *const *entities = cw_entities_all ();

  for (guint i = 0; entities[i] != NULL; i++)
    if (entities[i]->parent == entity)
      return TRUE;
  return FALSE;
}

/* The audit trail is read by review: a row of an entity that belongs to
 * one is filed under its parent, a parent row under itself. */
static char *
review_expr (const CwEntity *entity,
             const char     *row)
{
  if (entity->parent != NULL)
    return g_strdup_printf ("%s.%s_id", row, entity->parent->table);
  if (is_parent (entity))
    return g_strdup_printf ("%s.id", row);
  return g_strdup ("NULL");
}

static char *
column_expr (const char *row,
             const char *column)
{
  return row ? g_strdup_printf ("%s.%s", row, column) : g_strdup ("NULL");
}

/* How the trail keeps a field's values (the p column below). */
enum
{
  KEEP_VALUE,
  KEEP_PRIVATE, /* "(private)" */
  KEEP_LENGTH,  /* "(N characters)" */
};

/* Private values (real names, dates of birth) are recorded as changed but
 * never copied into the append-only trail: deleting a person must remove
 * their name from the file for good. Long free text (descriptions, notes,
 * the referral's circumstances) is recorded by its length for the same
 * reason: it names people and what happened to them, and a review deleted
 * for good must not live on in its history. Short values (titles,
 * pseudonyms, dates, phases, choices) are kept, so the history still says
 * what changed. */
static int
audit_keeps (const CwField *field)
{
  if ((field->flags & CW_FIELD_PRIVATE) != 0)
    return KEEP_PRIVATE;
  if (field->type == CW_FIELD_LONG_TEXT)
    return KEEP_LENGTH;
  return KEEP_VALUE;
}

#define AUDIT_VALUE(v) \
  "CASE WHEN " v " IS NULL OR p = 0 THEN " v " WHEN p = 1 THEN '(private)'" \
  " ELSE '(' || length (" v ") || iif (length (" v ") = 1, ' character)', ' characters)') END"

/* The columns @table has in this version of the file (none if it has not
 * been made yet), read once for all its triggers. */
static GHashTable *
table_columns (CwStore    *self,
               const char *table)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_info (?)", -1, &stmt, NULL)
      != SQLITE_OK)
    return columns;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (columns, cw_store_column_text (stmt, 0));
  return columns;
}

/* "SELECT NULL AS f, ... UNION ALL SELECT 'a', OLD.a, NEW.a ..." over the
 * @columns the table has; @old_row or @new_row NULL gives NULL values on
 * that side. */
static char *
field_rows (GHashTable     *columns,
            const CwEntity *entity,
            const char     *old_row,
            const char     *new_row)
{
  g_autoptr (GString) sql = g_string_new ("SELECT NULL AS f, NULL AS o, NULL AS n, 0 AS p");

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      g_autofree char *o = column_expr (old_row, name);
      g_autofree char *n = column_expr (new_row, name);

      if (g_hash_table_contains (columns, name))
        g_string_append_printf (sql, " UNION ALL SELECT '%s', %s, %s, %d", name, o, n,
                                audit_keeps (&entity->fields[i]));
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A trigger of the trail: its name and the CREATE statement, as
 * sqlite_schema keeps it. */
typedef struct
{
  char *name;
  char *sql;
} Trigger;

static void
trigger_free (gpointer data)
{
  Trigger *trigger = data;

  g_free (trigger->name);
  g_free (trigger->sql);
  g_free (trigger);
}

static void
add_trigger (GPtrArray  *triggers,
             char       *name,
             char       *sql)
{
  Trigger *trigger = g_new (Trigger, 1);

  trigger->name = name;
  trigger->sql = sql;
  g_ptr_array_add (triggers, trigger);
}

static void
add_entity_trigger (GPtrArray      *triggers,
                    const CwEntity *entity,
                    const char     *suffix,
                    const char     *event,
                    const char     *when,
                    const char     *action,
                    const char     *rows,
                    const char     *filter)
{
  const char *row = g_str_equal (action, "delete") ? "OLD" : "NEW";
  g_autofree char *review = review_expr (entity, row);

  add_trigger (triggers, g_strdup_printf ("audit_%s_%s", entity->table, suffix),
    g_strdup_printf (
      "CREATE TRIGGER audit_%1$s_%2$s AFTER %3$s ON %1$s %4$s BEGIN "
      "INSERT INTO audit (at, actor, entity, entity_id, review_id, action, field, old_value,"
      " new_value) SELECT cw_now (), cw_actor (), '%1$s',"
      " %5$s.id, %6$s, '%7$s', f, " AUDIT_VALUE ("o") ", " AUDIT_VALUE ("n")
      " FROM (%8$s) WHERE %9$s; END",
      entity->table, suffix, event, when, row, review, action, rows, filter));
}

#define KEEP_FILLED "(f IS NULL OR (%s IS NOT NULL AND %s <> ''))"

static void
add_entity_triggers (GHashTable     *columns,
                     GPtrArray      *triggers,
                     const CwEntity *entity)
{
  g_autofree char *old_new = field_rows (columns, entity, "OLD", "NEW");
  g_autofree char *null_new = field_rows (columns, entity, NULL, "NEW");
  g_autofree char *old_null = field_rows (columns, entity, "OLD", NULL);
  g_autofree char *keep_new = g_strdup_printf (KEEP_FILLED, "n", "n");
  g_autofree char *keep_old = g_strdup_printf (KEEP_FILLED, "o", "o");
  /* A purge of a deleted row, or of the rows of a deleted review, is not a
   * new event: the delete was recorded when it happened. */
  g_autofree char *alive = entity->parent
    ? g_strdup_printf ("WHEN OLD.deleted = 0 AND EXISTS (SELECT 1 FROM %1$s WHERE id = OLD.%1$s_id"
                       " AND deleted = 0)", entity->parent->table)
    : g_strdup ("WHEN OLD.deleted = 0");

  g_autofree char *bulk_insert = entity->bulk_column
    ? g_strdup_printf ("WHEN NEW.%s IS NULL", entity->bulk_column) : g_strdup ("");
  g_autofree char *bulk_delete = entity->bulk_column
    ? g_strdup_printf ("%s AND OLD.%s IS NULL", alive, entity->bulk_column) : g_strdup (alive);

  add_entity_trigger (triggers, entity, "insert", "INSERT", bulk_insert, "insert", null_new,
                      keep_new);
  add_entity_trigger (triggers, entity, "update", "UPDATE", "WHEN OLD.deleted = NEW.deleted",
                      "update", old_new, "f IS NOT NULL AND o IS NOT n");
  add_entity_trigger (triggers, entity, "remove", "UPDATE OF deleted",
                      "WHEN OLD.deleted = 0 AND NEW.deleted = 1", "delete", old_null, keep_old);
  add_entity_trigger (triggers, entity, "restore", "UPDATE OF deleted",
                      "WHEN OLD.deleted = 1 AND NEW.deleted = 0", "restore", null_new, keep_new);
  add_entity_trigger (triggers, entity, "delete", "DELETE", bulk_delete, "delete", old_null,
                      keep_old);
}

gboolean
cw_store_table_exists (CwStore    *self,
                       const char *table)
{
  return column_exists (self, table, "id");
}

/* The triggers that record every change, derived from the entity
 * descriptions and the columns the file has. */
static GPtrArray *
recording_triggers (CwStore *self)
{
  const CwEntity *const *entities = cw_entities_all ();
  GPtrArray *triggers = g_ptr_array_new_with_free_func (trigger_free);

  for (guint i = 0; entities[i] != NULL; i++)
    {
      g_autoptr (GHashTable) columns = table_columns (self, entities[i]->table);

      if (g_hash_table_contains (columns, "id"))
        add_entity_triggers (columns, triggers, entities[i]);
    }
  return triggers;
}

/* Every trigger the trail of a file at @version needs: its guards, then
 * the recording triggers. A change to the SQL they are made of needs a
 * migration (which rebuilds them), or opening reports them as altered. */
static GPtrArray *
audit_triggers (CwStore *self,
                int      version)
{
  GPtrArray *triggers = recording_triggers (self);

  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    if (version >= guards[i].since)
      add_trigger (triggers, g_strdup (guards[i].name), g_strdup (guards[i].sql));
  return triggers;
}

static gboolean
create_triggers (CwStore    *self,
                 GPtrArray  *triggers,
                 GError    **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);

  for (guint i = 0; i < triggers->len; i++)
    {
      Trigger *trigger = triggers->pdata[i];

      g_string_append_printf (sql, "DROP TRIGGER IF EXISTS %s;%s;", trigger->name, trigger->sql);
    }
  return cw_store_exec (self, sql->str, error);
}

static gboolean
rebuild_audit_triggers (CwStore  *self,
                        GError  **error)
{
  g_autoptr (GPtrArray) triggers = recording_triggers (self);

  return create_triggers (self, triggers, error);
}

/* Every trigger of the file, by name, as sqlite_schema keeps it. */
static GHashTable *
file_triggers (CwStore *self)
{
  GHashTable *triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return triggers;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (triggers, cw_store_column_text (stmt, 0),
                         cw_store_column_text (stmt, 1));
  return triggers;
}

/**
 * cw_store_ensure_audit_triggers:
 *
 * Puts back, in one transaction, any trigger of the audit trail that is
 * missing from the file or not as Casewise wrote it (dropped by another
 * program), and says so in the store's notices: changes made without them
 * may be missing from the history, or the trail may have been rewritten.
 */
gboolean
cw_store_ensure_audit_triggers (CwStore  *self,
                                GError  **error)
{
  int version = cw_store_get_schema_version (self);
  g_autoptr (GPtrArray) expected = audit_triggers (self, version);
  g_autoptr (GPtrArray) wrong = g_ptr_array_new ();
  g_autoptr (GHashTable) found = file_triggers (self);
  g_autoptr (CwTransaction) tx = NULL;
  gboolean ok;

  for (guint i = 0; i < expected->len; i++)
    {
      Trigger *trigger = expected->pdata[i];

      if (g_strcmp0 (g_hash_table_lookup (found, trigger->name), trigger->sql) != 0)
        g_ptr_array_add (wrong, trigger);
    }
  if (wrong->len == 0)
    return TRUE;
  if ((tx = cw_transaction_begin (self, error)) == NULL)
    return FALSE;
  self->repairing = TRUE;
  ok = create_triggers (self, wrong, error);
  self->repairing = FALSE;
  if (!ok || !cw_transaction_commit (tx, error))
    return FALSE;
  cw_store_add_notice (self, g_dngettext (GETTEXT_PACKAGE,
                                          "“%s”: %u safeguard of the audit trail was missing or "
                                          "altered and has been put back. Changes made without "
                                          "it may be missing from the history.",
                                          "“%s”: %u safeguards of the audit trail were missing or "
                                          "altered and have been put back. Changes made without "
                                          "them may be missing from the history.", wrong->len),
                       self->path, wrong->len);
  return TRUE;
}

/**
 * cw_store_migration_path:
 *
 * Returns: where the SQL of the migration to @version is in the program's
 *   resources: CW_STORE_MIGRATIONS_PATH "003.sql"
 */
char *
cw_store_migration_path (int version)
{
  return g_strdup_printf (CW_STORE_MIGRATIONS_PATH "%03d.sql", version);
}

/* The guards of the audit trail that @version brings: made as the
 * migrations before them made them, so that one in the way fails. */
static gboolean
create_guards (CwStore  *self,
               int       version,
               GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    if (guards[i].since == version && !cw_store_exec (self, guards[i].sql, error))
      return FALSE;
  return TRUE;
}

/* The file of @version, then what SQL alone cannot do. */
static gboolean
apply_migration (CwStore     *self,
                 int          version,
                 const char  *sql,
                 GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  return cw_store_exec (self, sql, error)
         && (strstr (sql, "writable_schema") == NULL || end_schema_edit (self, error))
         && create_guards (self, version, error)
         && rebuild_audit_triggers (self, error)
         && cw_store_exec (self, set_version, error);
}

static gboolean
run_migration (CwStore  *self,
               int       version,
               GError  **error)
{
  g_autofree char *path = cw_store_migration_path (version);
  g_autoptr (GBytes) sql = g_resource_lookup_data (cw_store_migrations_get_resource (), path,
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr (CwTransaction) tx = NULL;

  /* A resource's data ends in a NUL, past its size. */
  if (sql == NULL
      || (tx = cw_transaction_begin (self, error)) == NULL
      || !apply_migration (self, version, g_bytes_get_data (sql, NULL), error))
    {
      g_prefix_error (error, _("Could not update the database “%s” to version %d: "), self->path,
                      version);
      return FALSE;
    }
  return cw_transaction_commit (tx, error);
}

/**
 * cw_store_migrate:
 * @target: the version wanted, at most %CW_SCHEMA_VERSION
 *
 * Runs the forward migrations from the file's version to @target.
 */
gboolean
cw_store_migrate (CwStore  *self,
                  int       target,
                  GError  **error)
{
  int version = cw_store_get_schema_version (self);

  if (version > CW_SCHEMA_VERSION)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Casewise (schema %d; this version "
                     "reads up to %d). Update Casewise to open it."),
                   self->path, version, CW_SCHEMA_VERSION);
      return FALSE;
    }
  for (int v = version + 1; v <= target; v++)
    if (!run_migration (self, v, error))
      return FALSE;
  return TRUE;
}

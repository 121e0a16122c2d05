/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-history.h"
#include "cw-store-private.h"

/* The wording of the history, from the entity descriptions and their
 * hooks alone: "Changed person" names the entity, a reference is shown by
 * the row it names ("Northshire Police"), a value a domain explains by its
 * entity's describe_value hook ("With CAD 102 (Northshire Police)"), a row
 * with a name_column by that name ("Significance · CAD 100"). */

struct _CwHistoryLine
{
  GObject       parent_instance;
  CwAuditEntry *entry;
  char         *when;
  char         *field_label;
  char         *what;
  char         *before;
  char         *after;
};

G_DEFINE_FINAL_TYPE (CwHistoryLine, cw_history_line, G_TYPE_OBJECT)

static void
cw_history_line_finalize (GObject *object)
{
  CwHistoryLine *self = CW_HISTORY_LINE (object);

  g_clear_object (&self->entry);
  g_free (self->when);
  g_free (self->field_label);
  g_free (self->what);
  g_free (self->before);
  g_free (self->after);
  G_OBJECT_CLASS (cw_history_line_parent_class)->finalize (object);
}

static void
cw_history_line_class_init (CwHistoryLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_history_line_finalize;
}

static void
cw_history_line_init (CwHistoryLine *self)
{
}

/**
 * cw_history_line_get_entry:
 *
 * Returns: (transfer none): the audit row the line stands for: the change
 *   of a field, or the row of a whole insert, delete or import
 */
CwAuditEntry *
cw_history_line_get_entry (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return self->entry;
}

/**
 * cw_history_line_get_when:
 *
 * Returns: when, in local time: "2 Mar 2026 09:30"
 */
const char *
cw_history_line_get_when (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return self->when;
}

const char *
cw_history_line_get_actor (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return cw_audit_entry_get_actor (self->entry);
}

/**
 * cw_history_line_get_what:
 *
 * Returns: what happened: "Title · Changed review", "Added person",
 *   "Significance · CAD 100", "Imported an agency’s return"
 */
const char *
cw_history_line_get_what (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return self->what;
}

/**
 * cw_history_line_get_before:
 *
 * Returns: the value before, as a person reads it; for a deleted item its
 *   values ("Pseudonym: Mother · Role: Parent"); "" for none
 */
const char *
cw_history_line_get_before (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return self->before ? self->before : "";
}

/**
 * cw_history_line_get_after:
 *
 * Returns: the value after, as a person reads it; for an item added or
 *   restored its values; "" for none
 */
const char *
cw_history_line_get_after (CwHistoryLine *self)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), NULL);
  return self->after ? self->after : "";
}

/**
 * cw_history_line_equal:
 *
 * Returns: whether both lines stand for the same audit row and say the
 *   same (a link's description changes when the link is undone)
 */
gboolean
cw_history_line_equal (CwHistoryLine *self,
                       CwHistoryLine *other)
{
  g_return_val_if_fail (CW_IS_HISTORY_LINE (self), FALSE);
  g_return_val_if_fail (CW_IS_HISTORY_LINE (other), FALSE);

  return cw_audit_entry_get_id (self->entry) == cw_audit_entry_get_id (other->entry)
         && g_strcmp0 (self->what, other->what) == 0
         && g_strcmp0 (self->before, other->before) == 0
         && g_strcmp0 (self->after, other->after) == 0;
}

/**
 * cw_history_format_when:
 * @at: (nullable): a timestamp of the audit trail
 *
 * Returns: (transfer full): the time in local time, "2 Mar 2026 09:30"; @at
 *   itself when it is not a timestamp
 */
char *
cw_history_format_when (const char *at)
{
  g_autoptr (GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%-d %b %Y %H:%M") : g_strdup (at ? at : "");
}

static char *
describe_action (CwAuditEntry *entry,
                 CwAuditAction action)
{
  const CwEntity *entity = cw_audit_entry_get_entity (entry);
  const CwEntity *bulk = cw_entity_lookup_bulk (cw_audit_entry_get_table (entry));
  g_autofree char *what = g_utf8_strdown (entity ? _(entity->label) : _("item"), -1);

  switch (action)
    {
    case CW_AUDIT_INSERT:
      return g_strdup_printf (_("Added %s"), what);
    case CW_AUDIT_DELETE:
      return g_strdup_printf (_("Deleted %s"), what);
    case CW_AUDIT_RESTORE:
      return g_strdup_printf (_("Restored %s"), what);
    case CW_AUDIT_IMPORT:
      if (bulk != NULL && bulk->bulk_label != NULL)
        return g_strdup (_(bulk->bulk_label));
      return g_strdup_printf (_("Imported %s"), what);
    case CW_AUDIT_UPDATE:
    case CW_AUDIT_OTHER:
    default:
      return g_strdup_printf (_("Changed %s"), what);
    }
}

/* A reference shown by what it names ("Northshire Police"), not its id;
 * what the entity's hook says of a value; else the value as formatted. */
static char *
describe_value (CwStore      *store,
                CwAuditEntry *entry,
                const char   *value)
{
  const CwEntity *entity = cw_audit_entry_get_entity (entry);
  const CwField *field = cw_audit_entry_get_field (entry);
  g_autoptr (CwRecord) target = NULL;
  char *described;
  gint64 id;

  if (field == NULL)
    return g_strdup (value);
  if (entity->describe_value != NULL
      && (described = entity->describe_value (store, entity, cw_audit_entry_get_row_id (entry),
                                              field, value)) != NULL)
    return described;
  if (field->type == CW_FIELD_REF && value != NULL && g_str_equal (field->ref->key_column, "id")
      && (id = g_ascii_strtoll (value, NULL, 10)) > 0
      && (target = cw_store_get (store, field->ref, id, NULL)) != NULL
      && cw_record_get (target, field->ref->label_field) != NULL)
    return g_strdup (cw_record_get (target, field->ref->label_field));
  return cw_field_format (field, value);
}

/* What names the row a line is about, if its entity has a name column
 * ("CAD 100"), each looked up once per listing in @names. */
static const char *
row_name (CwStore      *store,
          GHashTable   *names,
          CwAuditEntry *entry)
{
  const CwEntity *entity = cw_audit_entry_get_entity (entry);
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  char *name;

  if (entity == NULL || entity->name_column == NULL || cw_audit_entry_get_row_id (entry) <= 0)
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, entity->table, cw_audit_entry_get_row_id (entry));
  if (g_hash_table_lookup_extended (names, key, NULL, (gpointer *) &name))
    return name;
  /* Deleted rows too: the history speaks of them. */
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", entity->name_column, entity->table);
  name = cw_store_text_for_id (store, sql, cw_audit_entry_get_row_id (entry));
  g_hash_table_insert (names, g_steal_pointer (&key), name);
  return name;
}

static CwHistoryLine *
line_new (CwStore      *store,
          GHashTable   *names,
          CwAuditEntry *entry)
{
  CwHistoryLine *line = g_object_new (CW_TYPE_HISTORY_LINE, NULL);
  const CwField *field = cw_audit_entry_get_field (entry);
  const char *field_name = cw_audit_entry_get_field_name (entry);
  CwAuditAction action = cw_audit_entry_get_action (entry);
  const char *name = row_name (store, names, entry);
  g_autofree char *what = describe_action (entry, action);

  line->entry = g_object_ref (entry);
  line->when = cw_history_format_when (cw_audit_entry_get_at (entry));
  line->field_label = g_strdup (field ? _(field->label) : field_name ? field_name : "");
  /* A row with a name is named: "Significance · CAD 100" rather than
   * "Significance · Changed chronology entry". */
  if (name != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&what);

      what = action == CW_AUDIT_UPDATE ? g_strdup (name) : g_strdup_printf ("%s %s", plain, name);
    }
  /* Field first: when the column is narrow, what changed stays readable. */
  if (action == CW_AUDIT_UPDATE)
    line->what = g_strdup_printf ("%s · %s", line->field_label, what);
  else
    line->what = g_steal_pointer (&what);
  line->before = describe_value (store, entry, cw_audit_entry_get_old_value (entry));
  line->after = describe_value (store, entry, cw_audit_entry_get_new_value (entry));
  return line;
}

/* An item added or deleted is one line, listing its values, not one line
 * per field. */
static void
fold_into (CwHistoryLine *event,
           CwHistoryLine *part)
{
  gboolean deleted = cw_audit_entry_get_action (event->entry) == CW_AUDIT_DELETE;
  char **so_far = deleted ? &event->before : &event->after;
  const char *value = deleted ? part->before : part->after;
  char *folded;

  if (cw_audit_entry_get_field_name (part->entry) == NULL || value == NULL || *value == '\0')
    return;
  folded = g_strdup_printf ("%s%s%s: %s", *so_far ? *so_far : "",
                            *so_far && **so_far ? " · " : "", part->field_label, value);
  g_free (*so_far);
  *so_far = folded;
}

/* Inserts, deletes and restores are recorded as a row for the event and
 * one per field; a change of a field or an import is one row. */
static gboolean
is_grouped (CwAuditAction action)
{
  return action == CW_AUDIT_INSERT || action == CW_AUDIT_DELETE || action == CW_AUDIT_RESTORE;
}

static GListModel *
group_lines (CwStore    *store,
             GListModel *entries)
{
  GListStore *lines = g_list_store_new (CW_TYPE_HISTORY_LINE);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (CwHistoryLine) open = NULL;
  guint n = g_list_model_get_n_items (entries);

  /* Oldest first, so an event's row comes before its fields' rows. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr (CwAuditEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr (CwHistoryLine) line = line_new (store, names, entry);

      if (!is_grouped (cw_audit_entry_get_action (entry)))
        {
          g_clear_object (&open);
          g_list_store_insert (lines, 0, line);
          continue;
        }
      if (open != NULL && cw_audit_entry_same_event (open->entry, entry))
        {
          fold_into (open, line);
          continue;
        }
      g_set_object (&open, line);
      g_clear_pointer (&open->before, g_free);
      g_clear_pointer (&open->after, g_free);
      fold_into (open, line);
      g_list_store_insert (lines, 0, line);
    }
  return G_LIST_MODEL (lines);
}

/**
 * cw_history_list:
 * @review_id: the review
 *
 * Returns: (transfer full) (nullable): the review's history, newest first,
 *   as #CwHistoryLine
 */
GListModel *
cw_history_list (CwStore  *store,
                 gint64    review_id,
                 GError  **error)
{
  g_autoptr (GListModel) entries = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  entries = cw_store_list_history (store, review_id, error);
  if (entries == NULL)
    return NULL;
  return group_lines (store, entries);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-audit.h"
#include "cw-enum.h"
#include "cw-store-enums.h"
#include "cw-store-private.h"

/* The audit trail read back, one typed row at a time. */

struct _CwAuditEntry
{
  GObject  parent_instance;
  gint64   id;
  gint64   row_id;
  gint64   review_id;
  char    *at;
  char    *actor;
  char    *table;
  char    *action;
  char    *field;
  char    *old_value;
  char    *new_value;
};

G_DEFINE_FINAL_TYPE (CwAuditEntry, cw_audit_entry, G_TYPE_OBJECT)

static void
cw_audit_entry_finalize (GObject *object)
{
  CwAuditEntry *self = CW_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->actor);
  g_free (self->table);
  g_free (self->action);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  G_OBJECT_CLASS (cw_audit_entry_parent_class)->finalize (object);
}

static void
cw_audit_entry_class_init (CwAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_audit_entry_finalize;
}

static void
cw_audit_entry_init (CwAuditEntry *self)
{
}

gint64
cw_audit_entry_get_id (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

/**
 * cw_audit_entry_get_at:
 *
 * Returns: when, as the clock's UTC timestamp (2026-03-02T09:30:00Z)
 */
const char *
cw_audit_entry_get_at (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

const char *
cw_audit_entry_get_actor (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

/**
 * cw_audit_entry_get_table:
 *
 * Returns: the table of the row changed, e.g. "person"
 */
const char *
cw_audit_entry_get_table (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->table;
}

/**
 * cw_audit_entry_get_entity:
 *
 * Returns: (nullable): the entity of the row changed, if a domain added
 *   describes it
 */
const CwEntity *
cw_audit_entry_get_entity (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->table ? cw_entity_lookup (self->table) : NULL;
}

gint64
cw_audit_entry_get_row_id (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), 0);
  return self->row_id;
}

gint64
cw_audit_entry_get_review_id (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), 0);
  return self->review_id;
}

/**
 * cw_audit_entry_get_action_name:
 *
 * Returns: the action as stored: "insert", "update", "delete", ...
 */
const char *
cw_audit_entry_get_action_name (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

CwAuditAction
cw_audit_entry_get_action (CwAuditEntry *self)
{
  int value;

  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), CW_AUDIT_OTHER);

  /* The nicks of CW_TYPE_AUDIT_ACTION are the stored names. */
  if (!cw_enum_from_nick (CW_TYPE_AUDIT_ACTION, self->action, &value))
    return CW_AUDIT_OTHER;
  return (CwAuditAction) value;
}

/**
 * cw_audit_entry_get_field_name:
 *
 * Returns: (nullable): the column changed; %NULL for the row that stands
 *   for a whole insert, delete or import
 */
const char *
cw_audit_entry_get_field_name (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->field;
}

/**
 * cw_audit_entry_get_field:
 *
 * Returns: (nullable): the field changed, when its entity describes it
 */
const CwField *
cw_audit_entry_get_field (CwAuditEntry *self)
{
  const CwEntity *entity;

  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);

  entity = cw_audit_entry_get_entity (self);
  return entity && self->field ? cw_entity_find_field (entity, self->field) : NULL;
}

/**
 * cw_audit_entry_get_old_value:
 *
 * Returns: (nullable): the value before, as stored
 */
const char *
cw_audit_entry_get_old_value (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->old_value;
}

/**
 * cw_audit_entry_get_new_value:
 *
 * Returns: (nullable): the value after, as stored
 */
const char *
cw_audit_entry_get_new_value (CwAuditEntry *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), NULL);
  return self->new_value;
}

/**
 * cw_audit_entry_same_event:
 *
 * Returns: whether both rows record one change (an insert and its fields):
 *   the same time, person, row and action
 */
gboolean
cw_audit_entry_same_event (CwAuditEntry *self,
                           CwAuditEntry *other)
{
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (self), FALSE);
  g_return_val_if_fail (CW_IS_AUDIT_ENTRY (other), FALSE);

  return self->row_id == other->row_id && g_strcmp0 (self->at, other->at) == 0
         && g_strcmp0 (self->actor, other->actor) == 0
         && g_strcmp0 (self->table, other->table) == 0
         && g_strcmp0 (self->action, other->action) == 0;
}

/**
 * cw_store_list_history:
 * @review_id: the review
 *
 * Returns: (transfer full) (nullable): the review's audit trail, newest
 *   first, as #CwAuditEntry
 */
GListModel *
cw_store_list_history (CwStore  *self,
                       gint64    review_id,
                       GError  **error)
{
  g_autoptr (GListStore) list = g_list_store_new (CW_TYPE_AUDIT_ENTRY);
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
      g_autoptr (CwAuditEntry) entry = g_object_new (CW_TYPE_AUDIT_ENTRY, NULL);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->row_id = sqlite3_column_int64 (stmt, 1);
      entry->review_id = review_id;
      entry->at = cw_store_column_text (stmt, 2);
      entry->actor = cw_store_column_text (stmt, 3);
      entry->table = cw_store_column_text (stmt, 4);
      entry->action = cw_store_column_text (stmt, 5);
      entry->field = cw_store_column_text (stmt, 6);
      entry->old_value = cw_store_column_text (stmt, 7);
      entry->new_value = cw_store_column_text (stmt, 8);
      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_error (self, error, _("Could not read the history"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

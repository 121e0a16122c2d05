/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-record"

#include "config.h"

#include "cw-record.h"

/* One row of any entity, its values as text keyed by column name, plus
 * values the store computes for display (e.g. "kind__label"). Lists of
 * records are GListModels so GTK list widgets bind them directly. */

struct _CwRecord
{
  GObject         parent_instance;
  const CwEntity *entity;
  gint64          id;
  gint64          review_id;
  GHashTable     *values;
};

G_DEFINE_FINAL_TYPE (CwRecord, cw_record, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
cw_record_finalize (GObject *object)
{
  CwRecord *self = CW_RECORD (object);

  g_clear_pointer (&self->values, g_hash_table_unref);
  G_OBJECT_CLASS (cw_record_parent_class)->finalize (object);
}

static void
cw_record_class_init (CwRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_record_finalize;

  /**
   * CwRecord::changed:
   *
   * Emitted when cw_record_update_from() changed any value.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cw_record_init (CwRecord *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CwRecord *
cw_record_new (const CwEntity *entity,
               gint64          id,
               gint64          review_id)
{
  CwRecord *self;

  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (CW_TYPE_RECORD, NULL);
  self->entity = entity;
  self->id = id;
  self->review_id = review_id;
  return self;
}

const CwEntity *
cw_record_get_entity (CwRecord *self)
{
  g_return_val_if_fail (CW_IS_RECORD (self), NULL);
  return self->entity;
}

gint64
cw_record_get_id (CwRecord *self)
{
  g_return_val_if_fail (CW_IS_RECORD (self), 0);
  return self->id;
}

gint64
cw_record_get_review_id (CwRecord *self)
{
  g_return_val_if_fail (CW_IS_RECORD (self), 0);
  return self->review_id;
}

/**
 * cw_record_get:
 * Returns: (nullable): the value, %NULL when unset
 */
const char *
cw_record_get (CwRecord   *self,
               const char *key)
{
  g_return_val_if_fail (CW_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->values, key);
}

gint64
cw_record_get_int (CwRecord   *self,
                   const char *key)
{
  const char *value = cw_record_get (self, key);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

void
cw_record_take (CwRecord   *self,
                const char *key,
                char       *value)
{
  g_return_if_fail (CW_IS_RECORD (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), value);
}

void
cw_record_set (CwRecord   *self,
               const char *key,
               const char *value)
{
  cw_record_take (self, key, g_strdup (value));
}

static gboolean
values_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/**
 * cw_record_update_from:
 * @self: a record shown somewhere
 * @fresh: the same row read again
 *
 * Takes @fresh's values and emits #CwRecord::changed if any differ.
 *
 * Returns: whether anything changed
 */
gboolean
cw_record_update_from (CwRecord *self,
                       CwRecord *fresh)
{
  g_return_val_if_fail (CW_IS_RECORD (self), FALSE);
  g_return_val_if_fail (CW_IS_RECORD (fresh), FALSE);

  if (values_equal (self->values, fresh->values))
    return FALSE;
  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = g_hash_table_ref (fresh->values);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * cw_record_get_ref_label:
 * @field: a reference field of the record's entity (%CW_FIELD_REF)
 *
 * What the row that @field names is called (a review's kind, "Child
 * Safeguarding Practice Review"), as the store read it with the record.
 * Asking for a field that is not a reference of the entity is a
 * programming error, not a silent %NULL.
 *
 * Returns: (transfer none) (nullable): the label, or %NULL when the field
 *   is empty
 */
const char *
cw_record_get_ref_label (CwRecord   *self,
                         const char *field)
{
  const CwField *f;
  g_autofree char *key = NULL;

  g_return_val_if_fail (CW_IS_RECORD (self), NULL);
  f = cw_entity_find_field (self->entity, field);
  g_return_val_if_fail (f != NULL && f->type == CW_FIELD_REF, NULL);
  key = g_strconcat (field, "__label", NULL);
  return cw_record_get (self, key);
}

/**
 * cw_record_dup_display:
 * @self: a record
 * @field: a field of its entity
 *
 * Returns: (transfer full): the field's value as a person reads it
 */
char *
cw_record_dup_display (CwRecord   *self,
                       const char *field)
{
  const CwField *f;

  g_return_val_if_fail (CW_IS_RECORD (self), NULL);

  f = cw_entity_find_field (self->entity, field);
  if (f == NULL)
    return g_strdup (cw_record_get (self, field) ?: "");
  if (f->type == CW_FIELD_REF && cw_record_get_ref_label (self, field) != NULL)
    return g_strdup (cw_record_get_ref_label (self, field));
  return cw_field_format (f, cw_record_get (self, field));
}

static guint
find_by_id (GListModel *model,
            gint64      id,
            guint       start)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = start; i < n; i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (model, i);
      if (record->id == id)
        return i;
    }
  return G_MAXUINT;
}

/**
 * cw_record_list_sync:
 * @target: a list of #CwRecord shown in the UI
 * @fresh: the same list read again
 *
 * Makes @target equal to @fresh while keeping the objects of rows that are
 * still there, so selections and bindings survive a refresh.
 */
void
cw_record_list_sync (GListStore *target,
                     GListModel *fresh)
{
  guint n_fresh;

  g_return_if_fail (G_IS_LIST_STORE (target));
  g_return_if_fail (G_IS_LIST_MODEL (fresh));

  n_fresh = g_list_model_get_n_items (fresh);
  for (guint i = 0; i < n_fresh; i++)
    {
      g_autoptr (CwRecord) want = g_list_model_get_item (fresh, i);
      guint at = find_by_id (G_LIST_MODEL (target), want->id, i);

      if (at == G_MAXUINT)
        {
          g_list_store_insert (target, i, want);
          continue;
        }
      if (at > i)
        g_list_store_splice (target, i, at - i, NULL, 0);
      {
        g_autoptr (CwRecord) have = g_list_model_get_item (G_LIST_MODEL (target), i);
        cw_record_update_from (have, want);
      }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (target)) > n_fresh)
    g_list_store_splice (target, n_fresh,
                         g_list_model_get_n_items (G_LIST_MODEL (target)) - n_fresh, NULL, 0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-store"

#include "config.h"

#include "cw-store-private.h"

/* A transaction as a scope: what is not committed when it ends is rolled
 * back, once, whatever path left the scope.
 *
 *   g_autoptr (CwTransaction) tx = cw_transaction_begin (store, error);
 *
 *   if (tx == NULL || !change_one (store, error) || !change_two (store, error))
 *     return FALSE;
 *   return cw_transaction_commit (tx, error);
 *
 * Transactions nest (as savepoints), so core functions that each keep
 * their own changes whole can be composed into a larger one. */

struct _CwTransaction
{
  CwStore *store;
  guint    depth; /* the store's depth with this transaction open */
  gboolean open;
};

static CwTransaction *
transaction_new (CwStore *store)
{
  CwTransaction *self = g_new0 (CwTransaction, 1);

  self->store = g_object_ref (store);
  self->depth = store->depth;
  self->open = TRUE;
  return self;
}

/**
 * cw_transaction_begin:
 *
 * Begins a transaction, or a savepoint inside an open one.
 *
 * Returns: (transfer full) (nullable): the transaction, which
 *   cw_transaction_commit() makes lasting and cw_transaction_free() rolls
 *   back if it is still open; %NULL with @error set when it could not begin
 */
CwTransaction *
cw_transaction_begin (CwStore  *store,
                      GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (!cw_store_begin (store, error))
    return NULL;
  return transaction_new (store);
}

/**
 * cw_transaction_begin_bulk:
 *
 * As cw_transaction_begin(), for a transaction that writes many rows at
 * once (see cw_store_begin_bulk()).
 */
CwTransaction *
cw_transaction_begin_bulk (CwStore  *store,
                           GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  if (!cw_store_begin_bulk (store, error))
    return NULL;
  return transaction_new (store);
}

/**
 * cw_transaction_commit:
 *
 * Makes the transaction's changes lasting (inside another transaction,
 * part of it). A commit that fails has rolled the changes back already.
 *
 * Returns: whether the changes were committed
 */
gboolean
cw_transaction_commit (CwTransaction  *self,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open, FALSE);
  g_return_val_if_fail (self->store->depth == self->depth, FALSE);

  self->open = FALSE;
  return cw_store_commit (self->store, error);
}

/**
 * cw_transaction_free:
 *
 * Ends the transaction: rolls it back unless it was committed.
 */
void
cw_transaction_free (CwTransaction *self)
{
  if (self == NULL)
    return;
  if (self->open)
    {
      /* A savepoint inside this one left open would be rolled back with it. */
      g_warn_if_fail (self->store->depth == self->depth);
      while (self->store->depth >= self->depth && self->store->depth > 0)
        cw_store_rollback (self->store);
    }
  g_object_unref (self->store);
  g_free (self);
}

/* What changes wrote: each write notes its table (and row), and listeners
 * of CwStore::changed hear of it once it is committed: at once outside a
 * transaction, at the end of the outermost one inside, once per table
 * (with the row when one row of it changed), and never for what a
 * rollback undid. Each write of an entity also wrote its audit rows, by
 * trigger: "audit" is noted with it. */

static void
add_change (GArray     *changes,
            const char *table,
            gint64      id)
{
  CwStoreChange change = { g_intern_string (table), id };

  g_array_append_val (changes, change);
}

/* One change per table, in the order first written. */
static GArray *
collapse (const GArray *changes)
{
  GArray *tables = g_array_new (FALSE, FALSE, sizeof (CwStoreChange));

  for (guint i = 0; i < changes->len; i++)
    {
      const CwStoreChange *change = &g_array_index (changes, CwStoreChange, i);
      guint j = 0;

      while (j < tables->len && g_array_index (tables, CwStoreChange, j).table != change->table)
        j++;
      if (j == tables->len)
        g_array_append_val (tables, *change);
      else if (g_array_index (tables, CwStoreChange, j).id != change->id)
        g_array_index (tables, CwStoreChange, j).id = 0;
    }
  return tables;
}

static void
emit (CwStore      *self,
      const GArray *changes)
{
  g_autoptr (GArray) tables = collapse (changes);

  if (self->kept != NULL)
    g_array_append_vals (self->kept, tables->data, tables->len);
  for (guint i = 0; i < tables->len; i++)
    {
      const CwStoreChange *change = &g_array_index (tables, CwStoreChange, i);
      cw_store_signal_changed (self, change->table, change->id);
    }
}

/**
 * cw_store_note_change:
 * @table: the table a statement of the store wrote
 * @id: the row, or 0 for several
 *
 * Called by every function that writes, once it has: the generic records
 * do, and so must any domain's own SQL.
 */
void
cw_store_note_change (CwStore    *self,
                      const char *table,
                      gint64      id)
{
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (CwStoreChange));
  GArray *into = self->depth > 0 ? self->changes : changes;

  g_return_if_fail (CW_IS_STORE (self));
  g_return_if_fail (table != NULL);

  add_change (into, table, id);
  if (!g_str_equal (table, "audit") && cw_entity_lookup (table) != NULL)
    add_change (into, "audit", 0);
  if (self->depth == 0)
    emit (self, changes);
}

/* A transaction or savepoint began (cw_store_begin()). */
void
cw_store_changes_begin (CwStore *self)
{
  guint mark;

  if (self->changes == NULL)
    {
      self->changes = g_array_new (FALSE, FALSE, sizeof (CwStoreChange));
      self->savepoints = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  mark = self->changes->len;
  g_array_append_val (self->savepoints, mark);
}

/* One ended, committed or rolled back: the outermost's changes are told. */
void
cw_store_changes_end (CwStore  *self,
                      gboolean  committed)
{
  guint mark = g_array_index (self->savepoints, guint, self->savepoints->len - 1);
  g_autoptr (GArray) changes = NULL;

  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  if (!committed)
    g_array_set_size (self->changes, mark);
  if (self->depth > 0 || self->changes->len == 0)
    return;
  /* Taken first: a listener may write again. */
  changes = g_array_copy (self->changes);
  g_array_set_size (self->changes, 0);
  emit (self, changes);
}

/**
 * cw_store_connect_tables:
 * @tables: (array zero-terminated=1): the tables the listener shows
 * @callback: called as (data, table, id), see #CwStore::changed
 *
 * Connects @callback, swapped, to the changes of @tables, and to a
 * restored backup ("*"). cw_store_disconnect_tables() undoes it.
 */
void
cw_store_connect_tables (CwStore            *self,
                         const char *const  *tables,
                         GCallback           callback,
                         gpointer            data)
{
  g_return_if_fail (CW_IS_STORE (self));
  g_return_if_fail (tables != NULL && callback != NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_swapped (self, signal, callback, data);
    }
  g_signal_connect_swapped (self, "changed::" CW_STORE_EVERYTHING, callback, data);
}

void
cw_store_disconnect_tables (CwStore   *self,
                            GCallback  callback,
                            gpointer   data)
{
  g_return_if_fail (CW_IS_STORE (self));

  g_signal_handlers_disconnect_by_func (self, callback, data);
}

/**
 * cw_store_keep_changes:
 *
 * From now on, keeps what the store's commits changed for
 * cw_store_take_changes(): a job's connection does, so that the app's
 * connection can tell its listeners (cw_store_announce_changes()).
 */
void
cw_store_keep_changes (CwStore *self)
{
  g_return_if_fail (CW_IS_STORE (self));

  if (self->kept == NULL)
    self->kept = g_array_new (FALSE, FALSE, sizeof (CwStoreChange));
}

/**
 * cw_store_take_changes:
 *
 * Returns: (transfer full) (element-type CwStoreChange): what was
 *   committed since cw_store_keep_changes() or the last call, one change
 *   per table
 */
GArray *
cw_store_take_changes (CwStore *self)
{
  g_autoptr (GArray) kept = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (self->kept != NULL, NULL);

  kept = g_steal_pointer (&self->kept);
  self->kept = g_array_new (FALSE, FALSE, sizeof (CwStoreChange));
  return collapse (kept);
}

/**
 * cw_store_announce_changes:
 * @changes: (element-type CwStoreChange): what another connection to the
 *   same file committed (cw_store_take_changes())
 *
 * Tells this store's listeners, as if the changes had been made through it.
 */
void
cw_store_announce_changes (CwStore      *self,
                           const GArray *changes)
{
  g_return_if_fail (CW_IS_STORE (self));
  g_return_if_fail (changes != NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const CwStoreChange *change = &g_array_index (changes, CwStoreChange, i);
      cw_store_signal_changed (self, change->table, change->id);
    }
}

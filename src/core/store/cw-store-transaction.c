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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include "cw-store-watch.h"

/* Widgets that show data keep a reference to the store and listen to its
 * "changed" signal (table, id); these two keep that bookkeeping in one place. */

/**
 * cw_store_watch:
 * @slot: the widget's store pointer
 * @store: (nullable): the store to watch from now on
 * @handler_id: the widget's handler id
 * @on_changed: called swapped, as (data, table, id)
 *
 * Points @slot at @store, moving the handler with it. Nothing happens when
 * @slot already holds @store.
 */
void
cw_store_watch (CwStore  **slot,
                CwStore   *store,
                gulong    *handler_id,
                GCallback  on_changed,
                gpointer   data)
{
  g_return_if_fail (slot != NULL && handler_id != NULL);

  if (*slot == store)
    return;
  cw_store_unwatch (slot, handler_id);
  if (store == NULL)
    return;
  *slot = g_object_ref (store);
  *handler_id = g_signal_connect_swapped (store, "changed", on_changed, data);
}

void
cw_store_unwatch (CwStore **slot,
                  gulong   *handler_id)
{
  g_return_if_fail (slot != NULL && handler_id != NULL);

  if (*slot != NULL)
    g_clear_signal_handler (handler_id, *slot);
  g_clear_object (slot);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include "cw-store-watch.h"

/* Widgets that show data keep a reference to the store and listen to the
 * changes of the tables they show (CwStore::changed, table by table), and
 * the rows of their lists listen to their record's; these keep that
 * bookkeeping in one place. */

/**
 * cw_store_watch:
 * @slot: the widget's store pointer
 * @store: (nullable): the store to watch from now on
 * @tables: (array zero-terminated=1): the tables the widget shows
 * @on_changed: called swapped, as (data, table, id), for changes to
 *   @tables and for a restored backup (table "*")
 *
 * Points @slot at @store, moving the handlers with it. Nothing happens when
 * @slot already holds @store.
 */
void
cw_store_watch (CwStore            **slot,
                CwStore             *store,
                const char *const   *tables,
                GCallback            on_changed,
                gpointer             data)
{
  g_return_if_fail (slot != NULL && tables != NULL);

  if (*slot == store)
    return;
  cw_store_unwatch (slot, on_changed, data);
  if (store == NULL)
    return;
  *slot = g_object_ref (store);
  cw_store_connect_tables (store, tables, on_changed, data);
}

void
cw_store_unwatch (CwStore   **slot,
                  GCallback   on_changed,
                  gpointer    data)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    cw_store_disconnect_tables (*slot, on_changed, data);
  g_clear_object (slot);
}

/**
 * cw_list_item_follow_record:
 * @item: a list item bound to a #CwRecord
 * @update: shows the record in @item
 *
 * For a list factory's "bind": calls @update now and whenever the record
 * changes. A refresh (cw_record_list_sync()) keeps the objects of the rows
 * still there and changes their values, so a row shown must follow them.
 */
void
cw_list_item_follow_record (GtkListItem      *item,
                            CwListItemUpdate  update)
{
  CwRecord *record;
  gulong id;

  g_return_if_fail (GTK_IS_LIST_ITEM (item) && update != NULL);

  record = gtk_list_item_get_item (item);
  id = g_signal_connect_swapped (record, "changed", G_CALLBACK (update), item);
  g_object_set_data (G_OBJECT (item), "cw-record-handler", GSIZE_TO_POINTER (id));
  update (item);
}

/* For the factory's "unbind". */
void
cw_list_item_unfollow_record (GtkListItem *item)
{
  CwRecord *record;
  gulong id;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  record = gtk_list_item_get_item (item);
  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "cw-record-handler"));
  if (record != NULL && id != 0)
    g_signal_handler_disconnect (record, id);
}

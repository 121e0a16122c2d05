/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

void cw_store_watch   (CwStore            **slot,
                       CwStore             *store,
                       const char *const   *tables,
                       GCallback            on_changed,
                       gpointer             data);
void cw_store_unwatch (CwStore            **slot,
                       GCallback            on_changed,
                       gpointer             data);

typedef void (*CwListItemUpdate) (GtkListItem *item);

void cw_list_item_follow_record   (GtkListItem      *item,
                                   CwListItemUpdate  update);
void cw_list_item_unfollow_record (GtkListItem      *item);

G_END_DECLS

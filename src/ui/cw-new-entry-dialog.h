/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_NEW_ENTRY_DIALOG (cw_new_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwNewEntryDialog, cw_new_entry_dialog, CW, NEW_ENTRY_DIALOG, GtkWindow)

GtkWidget *cw_new_entry_dialog_new (GtkWindow *parent,
                                    CwStore   *store,
                                    gint64     review_id);

G_END_DECLS

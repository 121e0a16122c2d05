/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_IMPORT_DIALOG (cw_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwImportDialog, cw_import_dialog, CW, IMPORT_DIALOG, GtkWindow)

GtkWidget *cw_import_dialog_new          (GtkWindow      *parent,
                                          CwStore        *store,
                                          gint64          review_id,
                                          GFile          *file);
gboolean   cw_import_dialog_is_busy      (CwImportDialog *self);
const char *cw_import_dialog_get_summary (CwImportDialog *self);

G_END_DECLS

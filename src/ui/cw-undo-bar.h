/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_UNDO_BAR (cw_undo_bar_get_type ())
G_DECLARE_FINAL_TYPE (CwUndoBar, cw_undo_bar, CW, UNDO_BAR, GtkWidget)

void     cw_undo_bar_set_store       (CwUndoBar      *self,
                                      CwStore        *store);
void     cw_undo_bar_offer           (CwUndoBar      *self,
                                      const char     *table,
                                      gint64          id,
                                      const char     *message);
void     cw_undo_bar_offer_many      (CwUndoBar      *self,
                                      const char     *table,
                                      const GArray   *ids,
                                      const char     *message);
void     cw_undo_bar_show_message    (CwUndoBar      *self,
                                      const char     *message);
void     cw_undo_bar_undo            (CwUndoBar      *self);
gboolean cw_undo_bar_finish          (CwUndoBar      *self,
                                      GError        **error);
gboolean cw_undo_bar_get_shown       (CwUndoBar      *self);
void     cw_undo_bar_install_actions (GtkWidgetClass *window_class);

G_END_DECLS

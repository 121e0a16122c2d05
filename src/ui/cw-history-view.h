/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_HISTORY_VIEW (cw_history_view_get_type ())
G_DECLARE_FINAL_TYPE (CwHistoryView, cw_history_view, CW, HISTORY_VIEW, GtkWidget)

void        cw_history_view_set_review (CwHistoryView *self,
                                        CwStore       *store,
                                        gint64         id);
GListModel *cw_history_view_get_model  (CwHistoryView *self);

G_END_DECLS

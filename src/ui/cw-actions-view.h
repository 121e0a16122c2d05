/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-actions.h"

G_BEGIN_DECLS

#define CW_TYPE_ACTIONS_VIEW (cw_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (CwActionsView, cw_actions_view, CW, ACTIONS_VIEW, GtkWidget)

void        cw_actions_view_set_store     (CwActionsView *self,
                                           CwStore       *store);
void        cw_actions_view_refresh       (CwActionsView *self);
void        cw_actions_view_set_due_soon  (CwActionsView *self,
                                           gboolean       due_soon);
GListModel *cw_actions_view_get_model     (CwActionsView *self);
const CwAction *cw_actions_view_get_action (CwActionsView *self,
                                           guint          position);
GtkWidget  *cw_actions_view_get_part      (CwActionsView *self,
                                           const char    *name);

G_END_DECLS

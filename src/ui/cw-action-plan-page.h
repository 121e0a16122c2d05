/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_ACTION_PLAN_PAGE (cw_action_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (CwActionPlanPage, cw_action_plan_page, CW, ACTION_PLAN_PAGE, GtkWidget)

GtkColumnViewColumn *cw_action_rag_column_new          (void);
void                 cw_action_plan_page_select_action (CwActionPlanPage *self,
                                                        gint64            action_id);

G_END_DECLS

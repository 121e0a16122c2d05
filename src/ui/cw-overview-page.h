/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_OVERVIEW_PAGE (cw_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CwOverviewPage, cw_overview_page, CW, OVERVIEW_PAGE, GtkWidget)

void cw_overview_page_set_review         (CwOverviewPage *self,
                                          CwStore        *store,
                                          gint64          id);
void cw_overview_page_flush              (CwOverviewPage *self);
void cw_overview_page_move_phase_step    (CwOverviewPage *self,
                                          gboolean        forward);
gboolean cw_overview_page_move_phase     (CwOverviewPage *self,
                                          const char     *phase);
const char *cw_overview_page_get_message (CwOverviewPage *self);
const char *cw_overview_page_get_plan_progress (CwOverviewPage *self);
GtkWidget *cw_overview_page_get_form     (CwOverviewPage *self,
                                          const char     *name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_REPORTS_PAGE (cw_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (CwReportsPage, cw_reports_page, CW, REPORTS_PAGE, GtkWidget)

void     cw_reports_page_set_review       (CwReportsPage *self,
                                           CwStore       *store,
                                           gint64         id);
void     cw_reports_page_generate         (CwReportsPage *self,
                                           const char    *document,
                                           gboolean       anonymised,
                                           gboolean       final);
gboolean cw_reports_page_is_busy          (CwReportsPage *self);
gint64   cw_reports_page_get_shown        (CwReportsPage *self);
void     cw_reports_page_show_document    (CwReportsPage *self,
                                           gint64         document_id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_FINDINGS_PAGE (cw_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (CwFindingsPage, cw_findings_page, CW, FINDINGS_PAGE, GtkWidget)

gint64 cw_findings_page_new_finding_from_episode (CwFindingsPage *self,
                                                  gint64          episode_id);
void   cw_findings_page_select_finding           (CwFindingsPage *self,
                                                  gint64          id);
void   cw_findings_page_select_recommendation    (CwFindingsPage *self,
                                                  gint64          id);
gint64 cw_findings_page_get_finding_id           (CwFindingsPage *self);
gint64 cw_findings_page_get_recommendation_id    (CwFindingsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_ANALYSIS_PAGE (cw_analysis_page_get_type ())
G_DECLARE_FINAL_TYPE (CwAnalysisPage, cw_analysis_page, CW, ANALYSIS_PAGE, GtkWidget)

void        cw_analysis_page_select_episode (CwAnalysisPage *self,
                                             gint64          episode_id);
gint64      cw_analysis_page_get_episode    (CwAnalysisPage *self);
GListModel *cw_analysis_page_get_episodes   (CwAnalysisPage *self);
gint64      cw_analysis_page_episode_id_at  (CwAnalysisPage *self,
                                             guint           position);

G_END_DECLS

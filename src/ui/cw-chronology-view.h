/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-chronology.h"
#include "cw-timeline-view.h"

G_BEGIN_DECLS

#define CW_TYPE_CHRONOLOGY_VIEW (cw_chronology_view_get_type ())
G_DECLARE_FINAL_TYPE (CwChronologyView, cw_chronology_view, CW, CHRONOLOGY_VIEW, GtkWidget)

void               cw_chronology_view_set_review   (CwChronologyView *self,
                                                    CwStore          *store,
                                                    gint64            id);
void               cw_chronology_view_flush        (CwChronologyView *self);
CwChronologyModel *cw_chronology_view_get_model    (CwChronologyView *self);
void               cw_chronology_view_select_entry (CwChronologyView *self,
                                                    gint64            entry_id);
CwTimelineView    *cw_chronology_view_get_timeline (CwChronologyView *self);
gboolean           cw_chronology_view_export       (CwChronologyView *self,
                                                    const char       *path,
                                                    gboolean          json,
                                                    gboolean          anonymised,
                                                    GError          **error);
void               cw_chronology_view_export_timeline (CwChronologyView    *self,
                                                       const char          *path,
                                                       const char          *size,
                                                       gboolean             whole,
                                                       gboolean             anonymised,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           cw_chronology_view_export_timeline_finish (CwChronologyView  *self,
                                                              GAsyncResult      *result,
                                                              GError           **error);
guint              cw_chronology_view_get_n_refreshes (CwChronologyView *self);
void               cw_chronology_view_show_episode    (CwChronologyView *self,
                                                       gint64            episode_id);
gboolean           cw_chronology_view_is_highlighted  (CwChronologyView *self,
                                                       gint64            entry_id);

G_END_DECLS

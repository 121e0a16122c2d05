/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-chronology.h"
#include "cw-timeline.h"

G_BEGIN_DECLS

#define CW_TYPE_TIMELINE_VIEW (cw_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CwTimelineView, cw_timeline_view, CW, TIMELINE_VIEW, GtkWidget)

GtkWidget             *cw_timeline_view_new                (void);
void                   cw_timeline_view_set_chronology     (CwTimelineView    *self,
                                                            CwStore           *store,
                                                            gint64             review_id,
                                                            CwChronologyModel *model,
                                                            GtkSelectionModel *selection);
CwTimeline            *cw_timeline_view_get_timeline       (CwTimelineView    *self);
gboolean               cw_timeline_view_is_loaded          (CwTimelineView    *self);
void                   cw_timeline_view_select             (CwTimelineView    *self,
                                                            gint64             id);
gint64                 cw_timeline_view_get_selected       (CwTimelineView    *self);
void                   cw_timeline_view_zoom               (CwTimelineView    *self,
                                                            double             factor,
                                                            double             x);
void                   cw_timeline_view_pan                (CwTimelineView    *self,
                                                            double             pixels);
void                   cw_timeline_view_zoom_to_fit        (CwTimelineView    *self);
void                   cw_timeline_view_zoom_to_selection  (CwTimelineView    *self);
const CwTimelineScale *cw_timeline_view_get_scale          (CwTimelineView    *self);
gint64                 cw_timeline_view_get_frame_time     (CwTimelineView    *self);
void                   cw_timeline_view_set_bands          (CwTimelineView    *self,
                                                            const CwTimelineBand *bands,
                                                            guint              n_bands);
void                   cw_timeline_view_choose_span        (CwTimelineView    *self,
                                                            double             x_from,
                                                            double             x_to);
gint64                 cw_timeline_view_click              (CwTimelineView    *self,
                                                            double             x,
                                                            double             y,
                                                            int                n_press);
gint64                 cw_timeline_view_click_with         (CwTimelineView    *self,
                                                            double             x,
                                                            double             y,
                                                            int                n_press,
                                                            GdkModifierType    modifiers);
void                   cw_timeline_view_toggle             (CwTimelineView    *self,
                                                            gint64             id);

G_END_DECLS

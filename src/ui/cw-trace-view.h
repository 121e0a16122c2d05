/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-analysis.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_TRACE_VIEW (cw_trace_view_get_type ())
G_DECLARE_FINAL_TYPE (CwTraceView, cw_trace_view, CW, TRACE_VIEW, GtkWidget)

void        cw_trace_view_set_review   (CwTraceView *self,
                                        CwStore     *store,
                                        gint64       review_id);
void        cw_trace_view_refresh      (CwTraceView *self);
void        cw_trace_view_show_entry   (CwTraceView *self,
                                        gint64       entry_id);
guint       cw_trace_view_get_n_flags  (CwTraceView *self);
guint       cw_trace_view_get_n_nodes  (CwTraceView *self);
const char *cw_trace_view_get_flag_of  (CwTraceView *self,
                                        CwTraceKind  kind,
                                        gint64       id);

G_END_DECLS

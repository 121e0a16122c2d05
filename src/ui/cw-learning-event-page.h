/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_LEARNING_EVENT_PAGE (cw_learning_event_page_get_type ())
G_DECLARE_FINAL_TYPE (CwLearningEventPage, cw_learning_event_page, CW, LEARNING_EVENT_PAGE,
                      GtkWidget)

gint64       cw_learning_event_page_get_event_id  (CwLearningEventPage *self);
GtkTextView *cw_learning_event_page_get_note_view (CwLearningEventPage *self,
                                                   gint64               participant_id,
                                                   const char          *prompt);

G_END_DECLS

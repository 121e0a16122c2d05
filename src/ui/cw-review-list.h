/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_REVIEW_LIST (cw_review_list_get_type ())
G_DECLARE_FINAL_TYPE (CwReviewList, cw_review_list, CW, REVIEW_LIST, GtkWidget)

void        cw_review_list_set_store       (CwReviewList *self,
                                            CwStore      *store);
gint64      cw_review_list_get_selected_id (CwReviewList *self);
void        cw_review_list_select_id       (CwReviewList *self,
                                            gint64        id);
guint       cw_review_list_get_n_reviews   (CwReviewList *self);
guint       cw_review_list_get_n_shown     (CwReviewList *self);
void        cw_review_list_focus_search    (CwReviewList *self);
void        cw_review_list_set_search      (CwReviewList *self,
                                            const char   *text);
const char *cw_review_list_find_sample     (CwReviewList *self);

G_END_DECLS

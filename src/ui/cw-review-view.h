/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-review-section.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_REVIEW_VIEW (cw_review_view_get_type ())
G_DECLARE_FINAL_TYPE (CwReviewView, cw_review_view, CW, REVIEW_VIEW, GtkWidget)

GtkWidget  *cw_review_view_new                 (const CwReviewSectionInfo *sections);
void        cw_review_view_set_review          (CwReviewView *self,
                                                CwStore      *store,
                                                gint64        id);
void        cw_review_view_activate_chronology (CwReviewView *self,
                                                const char   *action);
void        cw_review_view_show_section        (CwReviewView *self,
                                                const char   *name);
const char *cw_review_view_get_section         (CwReviewView *self);
void        cw_review_view_focus_sections      (CwReviewView *self);
void        cw_review_view_step_section        (CwReviewView *self,
                                                int           step);
void        cw_review_view_flush               (CwReviewView *self);
void        cw_review_view_move_phase_step     (CwReviewView *self,
                                                gboolean      forward);
GtkWidget  *cw_review_view_get_part            (CwReviewView *self,
                                                const char   *name);

G_END_DECLS

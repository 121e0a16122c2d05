/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_NEW_REVIEW_DIALOG (cw_new_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwNewReviewDialog, cw_new_review_dialog, CW, NEW_REVIEW_DIALOG, GtkWindow)

GtkWidget *cw_new_review_dialog_new (CwStore *store);

G_END_DECLS

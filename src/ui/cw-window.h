/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-application.h"

G_BEGIN_DECLS

#define CW_TYPE_WINDOW (cw_window_get_type ())
G_DECLARE_FINAL_TYPE (CwWindow, cw_window, CW, WINDOW, GtkApplicationWindow)

GtkWidget *cw_window_new             (CwApplication *application);
void       cw_window_select_review   (CwWindow      *self,
                                      const char    *reference);

G_END_DECLS

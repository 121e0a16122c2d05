/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_ONE_TAB_STOP "cw-one-tab-stop"

void cw_widget_set_one_tab_stop (GtkWidget *list);
void cw_accessible_names_install (void);
void cw_accessible_name_control (GtkWidget *widget);

G_END_DECLS

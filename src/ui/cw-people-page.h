/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_PEOPLE_PAGE (cw_people_page_get_type ())
G_DECLARE_FINAL_TYPE (CwPeoplePage, cw_people_page, CW, PEOPLE_PAGE, GtkWidget)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_RETURNS_PAGE (cw_returns_page_get_type ())
G_DECLARE_FINAL_TYPE (CwReturnsPage, cw_returns_page, CW, RETURNS_PAGE, GtkWidget)

G_END_DECLS

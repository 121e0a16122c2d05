/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_TERMS_PAGE (cw_terms_page_get_type ())
G_DECLARE_FINAL_TYPE (CwTermsPage, cw_terms_page, CW, TERMS_PAGE, GtkWidget)

G_END_DECLS

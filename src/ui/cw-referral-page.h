/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CW_TYPE_REFERRAL_PAGE (cw_referral_page_get_type ())
G_DECLARE_FINAL_TYPE (CwReferralPage, cw_referral_page, CW, REFERRAL_PAGE, GtkWidget)

G_END_DECLS

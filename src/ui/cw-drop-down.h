/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-record.h"

G_BEGIN_DECLS

void  cw_drop_down_ellipsize   (GtkDropDown *drop_down);
char *cw_drop_down_entry_label (CwRecord    *entry);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_APPLICATION (cw_application_get_type ())
G_DECLARE_FINAL_TYPE (CwApplication, cw_application, CW, APPLICATION, GtkApplication)

CwApplication *cw_application_new        (void);
CwStore       *cw_application_get_store  (CwApplication *self);
void           cw_application_set_database_path (CwApplication *self,
                                                 const char    *path);
GSettings     *cw_application_get_settings (CwApplication *self);
void           cw_application_load_style (void);

G_END_DECLS

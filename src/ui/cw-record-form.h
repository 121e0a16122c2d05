/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_RECORD_FORM (cw_record_form_get_type ())
G_DECLARE_FINAL_TYPE (CwRecordForm, cw_record_form, CW, RECORD_FORM, GtkWidget)

void       cw_record_form_set_part    (CwRecordForm      *self,
                                       const CwEntity    *entity,
                                       const char        *part);
void       cw_record_form_set_record  (CwRecordForm      *self,
                                       CwStore           *store,
                                       gint64             id);
gint64     cw_record_form_get_id      (CwRecordForm      *self);
void       cw_record_form_flush       (CwRecordForm      *self);
GtkWidget *cw_record_form_get_editor  (CwRecordForm      *self,
                                       const char        *field);
const char *cw_record_form_get_warning (CwRecordForm     *self,
                                        const char       *field);
const char *cw_record_form_get_error  (CwRecordForm      *self,
                                       const char        *field);
void        cw_record_form_set_field_shown  (CwRecordForm *self,
                                             const char   *field,
                                             gboolean      shown);
void        cw_record_form_set_choice_shown (CwRecordForm *self,
                                             const char   *field,
                                             const char   *choice,
                                             gboolean      shown);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_RECORD_TABLE (cw_record_table_get_type ())
G_DECLARE_FINAL_TYPE (CwRecordTable, cw_record_table, CW, RECORD_TABLE, GtkWidget)

void        cw_record_table_setup       (CwRecordTable     *self,
                                         const CwEntity    *entity,
                                         const char        *title,
                                         const char        *empty_text,
                                         const char *const *new_values);
void        cw_record_table_set_filter  (CwRecordTable     *self,
                                         const char        *field,
                                         const char        *value);
void        cw_record_table_set_review  (CwRecordTable     *self,
                                         CwStore           *store,
                                         gint64             review_id);
GListModel *cw_record_table_get_model   (CwRecordTable     *self);
void        cw_record_table_select_id   (CwRecordTable     *self,
                                         gint64             id);
GtkWidget  *cw_record_table_get_form    (CwRecordTable     *self);
GtkSelectionModel *cw_record_table_get_selection (CwRecordTable *self);
void        cw_record_table_set_form_below (CwRecordTable     *self,
                                           gboolean           below);
GListModel *cw_record_table_get_columns   (CwRecordTable     *self);
void        cw_record_table_append_column (CwRecordTable       *self,
                                           GtkColumnViewColumn *column);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-entity.h"

G_BEGIN_DECLS

#define CW_TYPE_RECORD (cw_record_get_type ())
G_DECLARE_FINAL_TYPE (CwRecord, cw_record, CW, RECORD, GObject)

CwRecord       *cw_record_new            (const CwEntity *entity,
                                          gint64          id,
                                          gint64          review_id);
const CwEntity *cw_record_get_entity     (CwRecord       *self);
gint64          cw_record_get_id         (CwRecord       *self);
gint64          cw_record_get_review_id  (CwRecord       *self);
const char     *cw_record_get            (CwRecord       *self,
                                          const char     *key);
gint64          cw_record_get_int        (CwRecord       *self,
                                          const char     *key);
void            cw_record_take           (CwRecord       *self,
                                          const char     *key,
                                          char           *value);
void            cw_record_set            (CwRecord       *self,
                                          const char     *key,
                                          const char     *value);
gboolean        cw_record_update_from    (CwRecord       *self,
                                          CwRecord       *fresh);
char           *cw_record_dup_display    (CwRecord       *self,
                                          const char     *field);
const char     *cw_record_get_ref_label  (CwRecord       *self,
                                          const char     *field);
void            cw_record_list_sync      (GListStore     *target,
                                          GListModel     *fresh);

G_END_DECLS

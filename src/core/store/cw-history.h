/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-audit.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* A review's history as people read it, in the same words in the app, the
 * command line and reports: one line per change of a field, one per item
 * added, deleted or restored (listing its values), one per import. */

#define CW_TYPE_HISTORY_LINE (cw_history_line_get_type ())
G_DECLARE_FINAL_TYPE (CwHistoryLine, cw_history_line, CW, HISTORY_LINE, GObject)

CwAuditEntry *cw_history_line_get_entry  (CwHistoryLine *self);
const char   *cw_history_line_get_when   (CwHistoryLine *self);
const char   *cw_history_line_get_actor  (CwHistoryLine *self);
const char   *cw_history_line_get_what   (CwHistoryLine *self);
const char   *cw_history_line_get_before (CwHistoryLine *self);
const char   *cw_history_line_get_after  (CwHistoryLine *self);
gboolean      cw_history_line_equal      (CwHistoryLine *self,
                                          CwHistoryLine *other);

GListModel   *cw_history_list            (CwStore       *store,
                                          gint64         review_id,
                                          GError       **error);
char         *cw_history_format_when     (const char    *at);

G_END_DECLS

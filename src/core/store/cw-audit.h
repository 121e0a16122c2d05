/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-entity.h"

G_BEGIN_DECLS

/* One row of the append-only audit trail, as the database holds it: who
 * did what to which row, when, and for a change of a field its value
 * before and after (private values as "(private)"). A change that touches
 * several fields at once (an insert, a delete) is a row without a field
 * followed by one row per field, all with the same time. */

#define CW_TYPE_AUDIT_ENTRY (cw_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (CwAuditEntry, cw_audit_entry, CW, AUDIT_ENTRY, GObject)

typedef enum
{
  CW_AUDIT_OTHER,   /* an action this version does not know */
  CW_AUDIT_INSERT,
  CW_AUDIT_UPDATE,
  CW_AUDIT_DELETE,
  CW_AUDIT_RESTORE, /* a delete undone */
  CW_AUDIT_IMPORT,  /* rows written in bulk: one row for the batch */
} CwAuditAction;

gint64          cw_audit_entry_get_id          (CwAuditEntry *self);
const char     *cw_audit_entry_get_at          (CwAuditEntry *self);
const char     *cw_audit_entry_get_actor       (CwAuditEntry *self);
const char     *cw_audit_entry_get_table       (CwAuditEntry *self);
const CwEntity *cw_audit_entry_get_entity      (CwAuditEntry *self);
gint64          cw_audit_entry_get_row_id      (CwAuditEntry *self);
gint64          cw_audit_entry_get_review_id   (CwAuditEntry *self);
const char     *cw_audit_entry_get_action_name (CwAuditEntry *self);
CwAuditAction   cw_audit_entry_get_action      (CwAuditEntry *self);
const char     *cw_audit_entry_get_field_name  (CwAuditEntry *self);
const CwField  *cw_audit_entry_get_field       (CwAuditEntry *self);
const char     *cw_audit_entry_get_old_value   (CwAuditEntry *self);
const char     *cw_audit_entry_get_new_value   (CwAuditEntry *self);
gboolean        cw_audit_entry_same_event      (CwAuditEntry *self,
                                                CwAuditEntry *other);

G_END_DECLS

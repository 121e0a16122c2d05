/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-redactor.h"
#include "cw-register-entities.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The privacy rules of a review, read from its people register: a
 * redactor for what leaves the machine, and the fields that must never
 * hold a real name (a review's title and subject, the decision's
 * rationale), which the app warns about and the command line refuses. */

#define CW_PRIVACY_ERROR (cw_privacy_error_quark ())

typedef enum
{
  CW_PRIVACY_ERROR_REAL_NAME, /* a field meant for pseudonyms holds a real name */
} CwPrivacyError;

GQuark      cw_privacy_error_quark        (void);
CwRedactor *cw_redactor_new_for_review    (CwStore        *store,
                                           gint64          review_id,
                                           GError        **error);
gboolean    cw_privacy_is_name_free       (const CwEntity *entity,
                                           const char     *field);
gboolean    cw_privacy_check_name_free    (CwStore        *store,
                                           gint64          review_id,
                                           const CwEntity *entity,
                                           const char     *field,
                                           const char     *what,
                                           const char     *value,
                                           GError        **error);
char       *cw_privacy_record_warning     (CwStore        *store,
                                           const CwEntity *entity,
                                           gint64          record_id,
                                           const char     *field,
                                           const char     *value);

G_END_DECLS

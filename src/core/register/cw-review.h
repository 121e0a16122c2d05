/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-clock.h"
#include "cw-deadline.h"
#include "cw-register-entities.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* The profile of new reviews until the preference "default-profile" says
 * otherwise; also the column default in migration 2. */
#define CW_DEFAULT_PROFILE "england-current"

typedef struct
{
  char           *name;
  char           *due;    /* YYYY-MM-DD */
  char           *met_on; /* YYYY-MM-DD or NULL */
  CwDeadlineState state;
  int             days_remaining;
  char           *text;   /* "12 days left", "overdue by 3 days", ... */
} CwDeadlineInfo;

void        cw_deadline_info_free          (CwDeadlineInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwDeadlineInfo, cw_deadline_info_free)

/* The next open deadline of a review of cw_store_list_reviews(): its
 * strings belong to the review's record. */
typedef struct
{
  const char     *name;
  const char     *due;  /* YYYY-MM-DD */
  const char     *text; /* "12 days left", "overdue by 3 days", ... */
  CwDeadlineState state; /* PENDING or OVERDUE */
  int             days_remaining;
} CwReviewNext;

gboolean    cw_review_get_next_deadline    (CwRecord       *review,
                                            CwReviewNext   *next);
const char *cw_review_get_phase_label      (CwRecord       *review);

char       *cw_store_create_review         (CwStore      *self,
                                            const char   *kind,
                                            const char   *title,
                                            const char   *subject,
                                            const GDate  *today,
                                            gint64       *out_id,
                                            GError      **error);
char       *cw_store_usual_review_kind     (CwStore      *self);
char       *cw_store_get_review_nation     (CwStore      *self,
                                            gint64        review_id);
CwRecord   *cw_store_find_review           (CwStore      *self,
                                            const char   *reference,
                                            GError      **error);
CwRecord   *cw_store_get_referral          (CwStore      *self,
                                            gint64        review_id,
                                            GError      **error);
gboolean    cw_store_set_key_date          (CwStore      *self,
                                            gint64        review_id,
                                            const char   *key_date,
                                            const char   *value,
                                            GError      **error);
gboolean    cw_store_check_decision_open   (CwStore      *self,
                                            gint64        review_id,
                                            GError      **error);
gboolean    cw_store_record_decision       (CwStore      *self,
                                            gint64        review_id,
                                            const char   *decision,
                                            const char   *rationale,
                                            const GDate  *date,
                                            GError      **error);
gboolean    cw_store_move_phase            (CwStore      *self,
                                            gint64        review_id,
                                            const char   *phase,
                                            GError      **error);
GStrv       cw_phase_moves                 (const char   *from,
                                            const char   *previous);
gboolean    cw_phase_is_forward            (const char   *from,
                                            const char   *to);
gboolean    cw_phase_is_ended              (const char   *phase);
gboolean    cw_phase_check_move            (const char   *reference,
                                            const char   *from,
                                            const char   *to,
                                            const char   *previous,
                                            CwRecord     *referral,
                                            GError      **error);
char       *cw_store_get_previous_phase    (CwStore      *self,
                                            gint64        review_id);
GPtrArray  *cw_store_list_deadlines        (CwStore      *self,
                                            gint64        review_id,
                                            const GDate  *today,
                                            GError      **error);
GListModel *cw_store_list_reviews          (CwStore      *self,
                                            const GDate  *today,
                                            GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-timeline.h"

G_BEGIN_DECLS

struct _CwTimeline
{
  CwStore          *store;
  gint64            review_id;
  GPtrArray        *lanes;  /* CwTimelineLane */
  GArray           *gaps;   /* double pairs */
  CwTimelineLayout *layout;
  GArray           *periods; /* CwTimelinePeriod: the child's context lane */
  GArray           *bands;   /* CwTimelineBand: episodes, kept across loads */
};

typedef struct
{
  double first;
  double last;  /* exclusive; for a period still going on, today */
  char  *label;
} CwTimelinePeriod;

gboolean cw_timeline_has_context (CwTimeline *self);

G_END_DECLS

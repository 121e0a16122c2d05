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
  gboolean          anonymised;
  GPtrArray        *names;  /* GRegex of each real name or part of one, when anonymised */
  GStrv             replacements; /* what each is drawn as */
  GArray           *periods; /* CwTimelinePeriod: the child's context lane */
};

typedef struct
{
  double first;
  double last;  /* exclusive; for a period still going on, today */
  char  *label;
} CwTimelinePeriod;

gboolean cw_timeline_has_context (CwTimeline *self);

char *cw_timeline_text (CwTimeline *self,
                        const char *text);

G_END_DECLS

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

typedef enum /*< skip >*/
{
  CW_TIMELINE_LEGEND_HEADING,
  CW_TIMELINE_LEGEND_AGENCY,
  CW_TIMELINE_LEGEND_ROUTINE,
  CW_TIMELINE_LEGEND_SIGNIFICANT,
  CW_TIMELINE_LEGEND_KEY,
  CW_TIMELINE_LEGEND_CLUSTER,
  CW_TIMELINE_LEGEND_UNCERTAIN,
  CW_TIMELINE_LEGEND_GAP,
  CW_TIMELINE_LEGEND_BAND,
  CW_TIMELINE_LEGEND_PERIOD,
  CW_TIMELINE_LEGEND_LINK,
  CW_TIMELINE_LEGEND_CONFLICT,
} CwTimelineLegendKind;

typedef struct
{
  CwTimelineLegendKind kind;
  guint                lane;  /* of an agency */
  char                *text;
} CwTimelineLegendEntry;

GArray  *cw_timeline_legend_entries (CwTimeline *self,
                                     CwRedactor *redactor);
char    *cw_timeline_legend_text    (CwTimeline *self,
                                     CwRedactor *redactor);

G_END_DECLS

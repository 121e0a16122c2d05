/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cw-chronology-columns.h"

G_BEGIN_DECLS

/* Where things go on the timeline, in pixels, for any zoom: the app's
 * widget, the CLI's renderer and reports share it. Time is in days: the
 * Julian day number of GDate, with the time of day as a fraction. */

typedef struct
{
  double start;      /* the day at x = 0 */
  double px_per_day; /* the zoom */
} CwTimelineScale;

#define CW_TIMELINE_MIN_PX_PER_DAY (6.0 / 365.25)      /* six pixels a year: 160 years across */
#define CW_TIMELINE_MAX_PX_PER_DAY (24.0 * 240.0)      /* 240 pixels an hour */

double   cw_timeline_scale_x      (const CwTimelineScale *scale,
                                   double                 day);
double   cw_timeline_scale_day    (const CwTimelineScale *scale,
                                   double                 x);
void     cw_timeline_scale_zoom   (CwTimelineScale       *scale,
                                   double                 factor,
                                   double                 anchor_x);
void     cw_timeline_scale_fit    (CwTimelineScale       *scale,
                                   double                 first_day,
                                   double                 last_day,
                                   double                 width);

typedef enum
{
  CW_TICK_DECADE,
  CW_TICK_YEAR,
  CW_TICK_QUARTER,
  CW_TICK_MONTH,
  CW_TICK_WEEK,
  CW_TICK_DAY,
  CW_TICK_SIX_HOURS,
  CW_TICK_HOUR,
  CW_TICK_N_UNITS /*< skip >*/
} CwTickUnit;

typedef struct
{
  double x;
  double day;
  char  *label;
  double label_width;
} CwTimelineTick;

/* Measures @text as it will be drawn, in pixels. */
typedef double (*CwTimelineMeasure) (const char *text,
                                     gpointer    user_data);

GArray  *cw_timeline_ticks        (const CwTimelineScale *scale,
                                   double                 width,
                                   CwTimelineMeasure      measure,
                                   gpointer               user_data,
                                   CwTickUnit            *unit);
void     cw_timeline_ticks_free   (GArray                *ticks);

/* One entry as the timeline needs it. */
typedef struct
{
  gint64               id;
  guint                lane;        /* index into the lanes */
  double               first;       /* the range the date may cover, in days */
  double               last;        /* exclusive: first + 1 for a day */
  gboolean             uncertain;   /* approximate, or a month or year only */
  CwChronoSignificance significance;
  gint64               link_group;
  gboolean             conflict;
} CwTimelineEvent;

typedef enum
{
  CW_TIMELINE_ITEM_EVENT,
  CW_TIMELINE_ITEM_CLUSTER,
} CwTimelineItemKind;

/* Something to draw in a lane: an event, or events too close to tell
 * apart at this zoom, counted. */
typedef struct
{
  CwTimelineItemKind kind;
  guint              lane;
  guint              row;    /* stacked rows inside the lane, from 0 */
  double             x0;     /* the range's pixels; a point is x0 == x1 */
  double             x1;
  guint              event;  /* index of the (first) event */
  guint              count;  /* events in a cluster; 1 for an event */
  CwChronoSignificance significance; /* the highest in a cluster */
} CwTimelineItem;

#define CW_TIMELINE_MARKER 10.0  /* pixels an event's mark needs */
#define CW_TIMELINE_MARK_RADIUS 7.0 /* a point's mark reaches this far either side of its day */
#define CW_TIMELINE_CLUSTER 26.0 /* pixels a counted cluster's box needs */
#define CW_TIMELINE_ROWS   3    /* rows a lane stacks before it counts */

typedef struct _CwTimelineLayout CwTimelineLayout;

CwTimelineLayout *cw_timeline_layout_new         (guint                  n_lanes);
void              cw_timeline_layout_free        (CwTimelineLayout      *self);
void              cw_timeline_layout_set_events  (CwTimelineLayout      *self,
                                                  GArray                *events);
const CwTimelineEvent *cw_timeline_layout_get_event (CwTimelineLayout   *self,
                                                  guint                  index);
guint             cw_timeline_layout_get_n_events (CwTimelineLayout     *self);
gboolean          cw_timeline_layout_get_extent  (CwTimelineLayout      *self,
                                                  double                *first,
                                                  double                *last);
GArray           *cw_timeline_layout_place       (CwTimelineLayout      *self,
                                                  const CwTimelineScale *scale,
                                                  double                 width,
                                                  const gboolean        *visible_lanes,
                                                  guint                  rows);
guint             cw_timeline_layout_find_event  (CwTimelineLayout      *self,
                                                  gint64                 id);
guint             cw_timeline_layout_step        (CwTimelineLayout      *self,
                                                  guint                  from,
                                                  int                    direction);

double            cw_timeline_day_of_date        (const GDate           *date);

/* A span of time drawn across every lane, behind the marks: a key practice
 * episode. */
typedef struct
{
  gint64  id;
  double  first;  /* in days */
  double  last;   /* exclusive: first + 1 for one day */
  char   *label;  /* nullable */
} CwTimelineBand;

/* Where a band goes at this zoom. */
typedef struct
{
  guint    band;     /* index of the band */
  double   x0;       /* its pixels, cut to the view: 0 to the width */
  double   x1;
  gboolean cut_start; /* it starts before the view (no edge drawn there) */
  gboolean cut_end;
  guint    row;      /* for its label: bands that overlap stack their labels */
} CwTimelineBandPlace;

#define CW_TIMELINE_BAND_MIN   4.0   /* pixels a band of a day needs, zoomed out */
#define CW_TIMELINE_BAND_LABEL 240.0 /* pixels a band's label has, however narrow the band */

GArray           *cw_timeline_place_bands        (const CwTimelineScale *scale,
                                                  double                 width,
                                                  const CwTimelineBand  *bands,
                                                  guint                  n_bands);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTimelineLayout, cw_timeline_layout_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "cw-chronology.h"
#include "cw-job.h"
#include "cw-redactor.h"
#include "cw-timeline-layout.h"

G_BEGIN_DECLS

/* The timeline of a review: its lanes (one per agency, in the order and
 * with the visibility the user chose, remembered per review), its events
 * from the chronology as listed, and drawing it with cairo, for the app's
 * widget and for files (PNG, SVG, PDF) alike. */

#define CW_TIMELINE_ERROR (cw_timeline_error_quark ())

typedef enum
{
  CW_TIMELINE_ERROR_FORMAT, /* not .png, .svg or .pdf */
  CW_TIMELINE_ERROR_EMPTY,  /* nothing in the chronology to draw */
  CW_TIMELINE_ERROR_WRITE,
} CwTimelineError;

typedef struct
{
  gint64   agency_id;
  char    *name;
  gboolean visible;
  char    *short_name; /* nullable: the register's, for where the name does not fit */
} CwTimelineLane;

/* The shape of a lane's marks: each visible lane has its own, and its own
 * colour, so that lanes are told apart without colour too. */
typedef enum /*< skip >*/
{
  CW_TIMELINE_MARK_CIRCLE,
  CW_TIMELINE_MARK_SQUARE,
  CW_TIMELINE_MARK_TRIANGLE,
  CW_TIMELINE_MARK_DIAMOND,
  CW_TIMELINE_MARK_TRIANGLE_DOWN,
  CW_TIMELINE_MARK_PENTAGON,
  CW_TIMELINE_MARK_STAR,
  CW_TIMELINE_MARK_HEXAGON,
  CW_TIMELINE_MARK_PLUS,
  CW_TIMELINE_MARK_CROSS,
  CW_TIMELINE_MARK_TRIANGLE_RIGHT,
  CW_TIMELINE_MARK_TRIANGLE_LEFT,
  CW_TIMELINE_MARK_HOURGLASS,
  CW_TIMELINE_N_MARKS /*< skip >*/
} CwTimelineMark;

typedef struct
{
  double         red, green, blue; /* 0 to 1 */
  guint          colour;           /* its index in the palette */
  CwTimelineMark mark;
} CwTimelineLaneStyle;

typedef struct _CwTimeline CwTimeline;

GQuark             cw_timeline_error_quark      (void);

CwTimeline        *cw_timeline_new              (CwStore           *store,
                                                 gint64             review_id);
void               cw_timeline_free             (CwTimeline        *self);
gboolean           cw_timeline_load             (CwTimeline        *self,
                                                 CwChronologyModel *model,
                                                 GError           **error);
GPtrArray         *cw_timeline_get_lanes        (CwTimeline        *self);
gboolean           cw_timeline_move_lane        (CwTimeline        *self,
                                                 guint              lane,
                                                 int                offset,
                                                 GError           **error);
gboolean           cw_timeline_set_lane_visible (CwTimeline        *self,
                                                 guint              lane,
                                                 gboolean           visible,
                                                 GError           **error);
CwTimelineLayout  *cw_timeline_get_layout       (CwTimeline        *self);
GArray            *cw_timeline_get_gaps         (CwTimeline        *self);
char              *cw_timeline_title            (CwRecord          *review,
                                                 gboolean           anonymised);
void               cw_timeline_set_bands        (CwTimeline        *self,
                                                 const CwTimelineBand *bands,
                                                 guint              n_bands);
guint              cw_timeline_get_n_bands      (CwTimeline        *self);
const CwTimelineBand *cw_timeline_get_band      (CwTimeline        *self,
                                                 guint              index);

gboolean           cw_timeline_lane_style       (CwTimeline        *self,
                                                 guint              lane,
                                                 CwTimelineLaneStyle *style);
char              *cw_timeline_fit_label        (const char        *name,
                                                 const char        *short_name,
                                                 double             width,
                                                 guint              lines,
                                                 CwTimelineMeasure  measure,
                                                 gpointer           user_data);

/* Drawing (cw-timeline-render.c) */
typedef struct
{
  CwTimelineScale scale;
  double          width;      /* the whole drawing, lane names included */
  double          height;
  gint64          selected;   /* an entry's id, or 0 */
  double          span_from;  /* a span being chosen, in days; 0 for none */
  double          span_to;
  gboolean        dark;
  const char     *title;      /* nullable: drawn above, for files */
  CwRedactor     *redactor;   /* nullable: every text drawn goes through it (anonymised);
                               * kept alive by the caller while drawing */
  double          legend;     /* the height of the legend drawn at the foot, for files;
                               * 0 for none (cw_timeline_legend_height()) */
  const gint64   *also_selected;   /* nullable: entries selected with @selected, */
  guint           n_also_selected; /* sorted; kept alive by the caller while drawing */
} CwTimelineFrame;

#define CW_TIMELINE_LANE_LABELS 170.0 /* the names at the left */
#define CW_TIMELINE_AXIS        44.0  /* the ticks at the top */
#define CW_TIMELINE_MIN_LANE_HEIGHT 18.0 /* a lane's name and one row of marks */

double             cw_timeline_legend_height    (CwTimeline           *self,
                                                 const CwTimelineFrame *view);
void               cw_timeline_render           (CwTimeline           *self,
                                                 const CwTimelineFrame *view,
                                                 cairo_t              *cr);
GArray            *cw_timeline_place            (CwTimeline           *self,
                                                 const CwTimelineFrame *view);
double             cw_timeline_lane_y           (CwTimeline           *self,
                                                 const CwTimelineFrame *view,
                                                 guint                 lane);
guint              cw_timeline_rows             (CwTimeline           *self,
                                                 const CwTimelineFrame *view);
double             cw_timeline_item_x           (const CwTimelineItem *item);
double             cw_timeline_item_y           (CwTimeline           *self,
                                                 const CwTimelineFrame *view,
                                                 const CwTimelineItem *item);
gboolean           cw_timeline_get_extent       (CwTimeline           *self,
                                                 double               *first,
                                                 double               *last);
double             cw_timeline_lane_height      (CwTimeline           *self,
                                                 const CwTimelineFrame *view);
guint              cw_timeline_n_lanes_shown    (CwTimeline           *self);
gint64             cw_timeline_hit              (CwTimeline           *self,
                                                 const CwTimelineFrame *view,
                                                 double                x,
                                                 double                y,
                                                 guint                *event);
gboolean           cw_timeline_export           (CwTimeline           *self,
                                                 const CwTimelineFrame *view,
                                                 const char           *path,
                                                 GError              **error);
CwJob             *cw_timeline_export_job_new   (CwStore              *store,
                                                 gint64                review_id,
                                                 CwChronologyFilter   *filter,
                                                 const CwTimelineFrame *frame,
                                                 gboolean              whole,
                                                 gboolean              anonymised,
                                                 const char           *path);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cw-date.h"
#include "cw-timeline-layout.h"

/* The geometry of the timeline. Placing works on what is visible: events
 * are kept sorted per lane, so the first visible one is found by bisection
 * and a crowd of events is counted by bisection too, never walked. A frame
 * of a case of 100,000 entries costs about what one of 1,000 costs. */

/* Scale */

double
cw_timeline_scale_x (const CwTimelineScale *scale,
                     double                 day)
{
  return (day - scale->start) * scale->px_per_day;
}

double
cw_timeline_scale_day (const CwTimelineScale *scale,
                       double                 x)
{
  return scale->start + x / scale->px_per_day;
}

/**
 * cw_timeline_scale_zoom:
 * @factor: above 1 to zoom in
 * @anchor_x: the pixel that keeps its day (the pointer's)
 */
void
cw_timeline_scale_zoom (CwTimelineScale *scale,
                        double           factor,
                        double           anchor_x)
{
  double anchor = cw_timeline_scale_day (scale, anchor_x);

  if (!isfinite (factor) || !isfinite (anchor_x) || factor <= 0)
    return;
  scale->px_per_day = CLAMP (scale->px_per_day * factor, CW_TIMELINE_MIN_PX_PER_DAY,
                             CW_TIMELINE_MAX_PX_PER_DAY);
  scale->start = anchor - anchor_x / scale->px_per_day;
}

/**
 * cw_timeline_scale_fit:
 *
 * Shows the days from @first_day to @last_day across @width pixels, with
 * a little room either side.
 */
void
cw_timeline_scale_fit (CwTimelineScale *scale,
                       double           first_day,
                       double           last_day,
                       double           width)
{
  double span = MAX (last_day - first_day, 1.0);
  double margin = span * 0.03;

  if (!isfinite (first_day) || !isfinite (last_day) || !isfinite (width) || width < 1)
    return;
  scale->px_per_day = CLAMP (width / (span + 2 * margin), CW_TIMELINE_MIN_PX_PER_DAY,
                             CW_TIMELINE_MAX_PX_PER_DAY);
  scale->start = first_day - margin;
  /* Centred when the span is shorter than the widest zoom shows. */
  scale->start -= (width / scale->px_per_day - (span + 2 * margin)) / 2;
}

double
cw_timeline_day_of_date (const GDate *date)
{
  return g_date_get_julian (date);
}

/* Ticks */

static const double unit_days[CW_TICK_N_UNITS] = {
  3652.5, 365.25, 91.3, 30.44, 7.0, 1.0, 0.25, 1.0 / 24.0,
};

/* The first tick at or before @day. */
static double
align (double     day,
       CwTickUnit unit)
{
  GDate date;
  guint32 julian = (guint32) MAX (1.0, floor (day));
  int year, month;

  if (unit >= CW_TICK_DAY)
    return unit == CW_TICK_DAY ? julian : floor (day / unit_days[unit]) * unit_days[unit];
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (unit == CW_TICK_WEEK)
    return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  if (unit == CW_TICK_DECADE)
    year -= year % 10;
  if (unit <= CW_TICK_YEAR)
    month = 1;
  else if (unit == CW_TICK_QUARTER)
    month -= (month - 1) % 3;
  g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static double
next_tick (double     day,
           CwTickUnit unit)
{
  GDate date;
  static const int months[] = { 120, 12, 3, 1 };

  if (unit >= CW_TICK_WEEK)
    return day + unit_days[unit];
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_date_add_months (&date, (guint) months[unit]);
  return g_date_get_julian (&date);
}

static char *
tick_label (double     day,
            CwTickUnit unit)
{
  GDate date;
  double fraction = day - floor (day);
  int minutes = (int) lround (fraction * 24 * 60);
  guint year, month, mday;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) floor (day));
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  mday = g_date_get_day (&date);
  switch (unit)
    {
    case CW_TICK_DECADE:
      /* TRANSLATORS: a decade on the timeline's axis: 2020s */
      return g_strdup_printf (_("%us"), year);
    case CW_TICK_YEAR:
      return g_strdup_printf ("%u", year);
    case CW_TICK_QUARTER:
      /* TRANSLATORS: a quarter of a year on the timeline's axis: Q2 2025 */
      return g_strdup_printf (_("Q%u %u"), (month - 1) / 3 + 1, year);
    case CW_TICK_MONTH:
      return month == 1 ? g_strdup_printf ("%s %u", cw_date_month_abbreviation (month), year)
                        : g_strdup (cw_date_month_abbreviation (month));
    case CW_TICK_WEEK:
    case CW_TICK_DAY:
      return g_strdup_printf ("%u %s", mday, cw_date_month_abbreviation (month));
    case CW_TICK_SIX_HOURS:
    case CW_TICK_HOUR:
    default:
      if (minutes == 0 || minutes == 24 * 60)
        return g_strdup_printf ("%u %s", mday, cw_date_month_abbreviation (month));
      return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
    }
}

static void
tick_clear (gpointer data)
{
  CwTimelineTick *tick = data;

  g_free (tick->label);
}

#define LABEL_GAP 8.0   /* pixels between one label and the next */
#define MIN_TICK_GAP 24 /* no unit whose ticks come closer than this */
#define MAX_TICKS 4096

/* The unit's ticks across the view, or NULL when their labels overlap. */
static GArray *
ticks_for (const CwTimelineScale *scale,
           double                 width,
           CwTickUnit             unit,
           CwTimelineMeasure      measure,
           gpointer               user_data)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (CwTimelineTick));
  double last_day = cw_timeline_scale_day (scale, width);
  double day = align (cw_timeline_scale_day (scale, 0), unit);
  double previous_end = -G_MAXDOUBLE;

  g_array_set_clear_func (ticks, tick_clear);
  for (; day <= last_day && ticks->len < MAX_TICKS; day = next_tick (day, unit))
    {
      CwTimelineTick tick = { cw_timeline_scale_x (scale, day), day, tick_label (day, unit), 0 };

      tick.label_width = measure (tick.label, user_data);
      g_array_append_val (ticks, tick);
      if (tick.x < previous_end + LABEL_GAP)
        {
          g_array_unref (ticks);
          return NULL;
        }
      previous_end = tick.x + tick.label_width;
    }
  return ticks;
}

/**
 * cw_timeline_ticks:
 * @measure: (scope call): how wide a label is drawn
 * @unit: (out) (optional): the unit chosen
 *
 * The finest ticks whose labels, drawn from their tick to the right, do
 * not overlap: decades, years, quarters, months, weeks, days, six hours or
 * hours.
 *
 * Returns: (transfer full) (element-type CwTimelineTick): the ticks
 */
GArray *
cw_timeline_ticks (const CwTimelineScale *scale,
                   double                 width,
                   CwTimelineMeasure      measure,
                   gpointer               user_data,
                   CwTickUnit            *unit)
{
  g_return_val_if_fail (scale != NULL && measure != NULL, NULL);

  for (int u = CW_TICK_HOUR; u >= CW_TICK_DECADE; u--)
    {
      GArray *ticks;

      if (unit_days[u] * scale->px_per_day < MIN_TICK_GAP)
        continue;
      if ((ticks = ticks_for (scale, width, (CwTickUnit) u, measure, user_data)) != NULL)
        {
          if (unit != NULL)
            *unit = (CwTickUnit) u;
          return ticks;
        }
    }
  if (unit != NULL)
    *unit = CW_TICK_DECADE;
  return g_array_new (FALSE, FALSE, sizeof (CwTimelineTick));
}

void
cw_timeline_ticks_free (GArray *ticks)
{
  if (ticks != NULL)
    g_array_unref (ticks);
}

/* Layout */

typedef struct
{
  guint   start;     /* of the lane's events in self->events */
  guint   count;
  double  max_span;  /* the longest range, to find ranges that reach into view */
  double  max_last;  /* where the lane's last range ends */
  guint  *important; /* prefix counts: [i] = significant or key events before i */
  guint  *key;       /* prefix counts of key events */
} Lane;

struct _CwTimelineLayout
{
  guint       n_lanes;
  Lane       *lanes;
  GArray     *events;   /* CwTimelineEvent, by lane then first day */
  guint      *in_time;  /* event indices by first day, then lane */
  guint      *position; /* event index -> place in in_time */
  GHashTable *by_id;    /* id -> index + 1 */
};

CwTimelineLayout *
cw_timeline_layout_new (guint n_lanes)
{
  CwTimelineLayout *self = g_new0 (CwTimelineLayout, 1);

  self->n_lanes = n_lanes;
  self->lanes = g_new0 (Lane, MAX (n_lanes, 1));
  self->events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  return self;
}

static void
clear_index (CwTimelineLayout *self)
{
  for (guint l = 0; l < self->n_lanes; l++)
    {
      g_clear_pointer (&self->lanes[l].important, g_free);
      g_clear_pointer (&self->lanes[l].key, g_free);
      memset (&self->lanes[l], 0, sizeof (Lane));
    }
  g_clear_pointer (&self->in_time, g_free);
  g_clear_pointer (&self->position, g_free);
  g_hash_table_remove_all (self->by_id);
}

void
cw_timeline_layout_free (CwTimelineLayout *self)
{
  if (self == NULL)
    return;
  clear_index (self);
  g_free (self->lanes);
  g_array_unref (self->events);
  g_hash_table_unref (self->by_id);
  g_free (self);
}

static int
by_lane_and_day (gconstpointer a,
                 gconstpointer b)
{
  const CwTimelineEvent *ea = a, *eb = b;

  if (ea->lane != eb->lane)
    return ea->lane < eb->lane ? -1 : 1;
  if (ea->first != eb->first)
    return ea->first < eb->first ? -1 : 1;
  return (ea->id > eb->id) - (ea->id < eb->id);
}

static int
by_day_and_lane (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  GArray *events = data;
  const CwTimelineEvent *ea = &g_array_index (events, CwTimelineEvent, *(const guint *) a);
  const CwTimelineEvent *eb = &g_array_index (events, CwTimelineEvent, *(const guint *) b);

  if (ea->first != eb->first)
    return ea->first < eb->first ? -1 : 1;
  return (ea->lane > eb->lane) - (ea->lane < eb->lane);
}

static void
index_lane (CwTimelineLayout *self,
            Lane             *lane)
{
  lane->important = g_new0 (guint, lane->count + 1);
  lane->key = g_new0 (guint, lane->count + 1);
  for (guint i = 0; i < lane->count; i++)
    {
      const CwTimelineEvent *event = &g_array_index (self->events, CwTimelineEvent,
                                                     lane->start + i);
      lane->important[i + 1] = lane->important[i]
                               + (event->significance != CW_CHRONO_SIGNIFICANCE_ROUTINE);
      lane->key[i + 1] = lane->key[i] + (event->significance == CW_CHRONO_SIGNIFICANCE_KEY);
      lane->max_span = MAX (lane->max_span, event->last - event->first);
      lane->max_last = i == 0 ? event->last : MAX (lane->max_last, event->last);
    }
}

/**
 * cw_timeline_layout_set_events:
 * @events: (transfer none) (element-type CwTimelineEvent): every entry
 *
 * Takes a copy of @events and indexes it. Events of lanes beyond the
 * layout's are left out.
 */
void
cw_timeline_layout_set_events (CwTimelineLayout *self,
                               GArray           *events)
{
  g_return_if_fail (self != NULL && events != NULL);

  clear_index (self);
  g_array_set_size (self->events, 0);
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, CwTimelineEvent, i).lane < self->n_lanes)
      g_array_append_val (self->events, g_array_index (events, CwTimelineEvent, i));
  g_array_sort (self->events, by_lane_and_day);
  self->in_time = g_new (guint, MAX (self->events->len, 1));
  self->position = g_new (guint, MAX (self->events->len, 1));
  for (guint i = 0; i < self->events->len; i++)
    {
      CwTimelineEvent *event = &g_array_index (self->events, CwTimelineEvent, i);
      Lane *lane = &self->lanes[event->lane];

      if (lane->count++ == 0)
        lane->start = i;
      self->in_time[i] = i;
      g_hash_table_insert (self->by_id, &event->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint l = 0; l < self->n_lanes; l++)
    index_lane (self, &self->lanes[l]);
  g_qsort_with_data (self->in_time, (int) self->events->len, sizeof (guint), by_day_and_lane,
                     self->events);
  for (guint i = 0; i < self->events->len; i++)
    self->position[self->in_time[i]] = i;
}

const CwTimelineEvent *
cw_timeline_layout_get_event (CwTimelineLayout *self,
                              guint             index)
{
  g_return_val_if_fail (self != NULL && index < self->events->len, NULL);
  return &g_array_index (self->events, CwTimelineEvent, index);
}

guint
cw_timeline_layout_get_n_events (CwTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

/**
 * cw_timeline_layout_get_extent:
 *
 * Returns: whether there are events; the days from the first to the last
 */
gboolean
cw_timeline_layout_get_extent (CwTimelineLayout *self,
                               double           *first,
                               double           *last)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->events->len == 0)
    return FALSE;
  *first = G_MAXDOUBLE;
  *last = -G_MAXDOUBLE;
  for (guint l = 0; l < self->n_lanes; l++)
    {
      Lane *lane = &self->lanes[l];

      if (lane->count == 0)
        continue;
      *first = MIN (*first, g_array_index (self->events, CwTimelineEvent, lane->start).first);
      *last = MAX (*last, lane->max_last);
    }
  return TRUE;
}

/* The first event of the lane whose first day is at or after @day. */
static guint
lower_bound (CwTimelineLayout *self,
             const Lane       *lane,
             double            day)
{
  guint low = 0, high = lane->count;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->events, CwTimelineEvent, lane->start + middle).first < day)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

typedef struct
{
  CwTimelineLayout      *self;
  const CwTimelineScale *scale;
  GArray                *items;
  double                 rows[CW_TIMELINE_ROWS]; /* right edge of each row */
  guint                  n_rows;                 /* rows the lanes have room for */
  guint                  lane_items;             /* the lane's first item */
} Placing;

/* Where a point's mark is drawn: centred on its day, to either side. */
static gboolean
is_point (const CwTimelineItem *item)
{
  return item->kind == CW_TIMELINE_ITEM_EVENT && item->x1 - item->x0 <= 12;
}

static void
count_cluster (Placing        *p,
               CwTimelineItem *item,
               guint           from,
               guint           to)
{
  const Lane *lane = &p->self->lanes[item->lane];

  item->event = lane->start + from;
  item->count = to - from;
  item->significance = CW_CHRONO_SIGNIFICANCE_ROUTINE;
  if (lane->key[to] > lane->key[from])
    item->significance = CW_CHRONO_SIGNIFICANCE_KEY;
  else if (lane->important[to] > lane->important[from])
    item->significance = CW_CHRONO_SIGNIFICANCE_SIGNIFICANT;
}

/* A counted box never covers a mark: it starts right of the marks drawn
 * before it, and takes in the events whose marks would reach into it.
 * Returns the event after the cluster. */
static guint
add_cluster (Placing    *p,
             guint       lane_index,
             guint       from,
             guint       to,
             double      x0)
{
  const Lane *lane = &p->self->lanes[lane_index];
  CwTimelineItem item = { CW_TIMELINE_ITEM_CLUSTER, lane_index, 0, x0, 0, 0, 0,
                          CW_CHRONO_SIGNIFICANCE_ROUTINE };

  for (guint k = p->lane_items; k < p->items->len; k++)
    {
      const CwTimelineItem *before = &g_array_index (p->items, CwTimelineItem, k);
      if (is_point (before))
        item.x0 = MAX (item.x0, before->x0 + CW_TIMELINE_MARK_RADIUS + 2);
    }
  item.x1 = item.x0 + CW_TIMELINE_CLUSTER;
  while (to < lane->count
         && cw_timeline_scale_x (p->scale, g_array_index (p->self->events, CwTimelineEvent,
                                                          lane->start + to).first)
              - CW_TIMELINE_MARK_RADIUS < item.x1 + 2)
    to++;
  count_cluster (p, &item, from, to);
  g_array_append_val (p->items, item);
  /* What follows starts clear of the box, its mark included. */
  for (guint r = 0; r < p->n_rows; r++)
    p->rows[r] = MAX (p->rows[r], item.x1 + 2 + CW_TIMELINE_MARK_RADIUS);
  return to;
}

/* Places the events of one lane from @from on, until past @right. */
static void
place_lane (Placing *p,
            guint    lane_index,
            guint    from,
            double   right)
{
  const Lane *lane = &p->self->lanes[lane_index];
  guint i = from;

  for (guint r = 0; r < p->n_rows; r++)
    p->rows[r] = -G_MAXDOUBLE;
  p->lane_items = p->items->len;
  while (i < lane->count)
    {
      const CwTimelineEvent *event = &g_array_index (p->self->events, CwTimelineEvent,
                                                     lane->start + i);
      double x0 = cw_timeline_scale_x (p->scale, event->first);
      double x1 = MAX (x0, cw_timeline_scale_x (p->scale, event->last));
      double span_end = MAX (x1, x0 + CW_TIMELINE_MARKER);
      /* The events starting within one mark of this one: counted, not walked. */
      guint crowd = MAX (lower_bound (p->self, lane,
                                      cw_timeline_scale_day (p->scale, x0 + CW_TIMELINE_MARKER)),
                         i + 1) - i;
      guint row = 0;

      if (x0 > right)
        break;
      /* Entirely left of the view: nothing to draw. */
      if (MAX (x1, x0 + CW_TIMELINE_MARKER) < 0)
        {
          i++;
          continue;
        }
      while (row < p->n_rows && p->rows[row] > x0)
        row++;
      if (crowd > p->n_rows)
        {
          i = add_cluster (p, lane_index, i, i + crowd, x0);
          continue;
        }
      /* No row free but no crowd either: the row that frees first. */
      if (row == p->n_rows)
        for (guint r = row = 0; r < p->n_rows; r++)
          if (p->rows[r] < p->rows[row])
            row = r;
      {
        CwTimelineItem item = { CW_TIMELINE_ITEM_EVENT, lane_index, row, x0, x1,
                                lane->start + i, 1, event->significance };
        g_array_append_val (p->items, item);
      }
      p->rows[row] = span_end + 2;
      i++;
    }
}

/**
 * cw_timeline_layout_place:
 * @width: the visible pixels, from 0
 * @visible_lanes: (nullable) (array): which lanes to place; %NULL for all
 * @rows: the rows a lane has room for, 1 to %CW_TIMELINE_ROWS
 *
 * Places what is visible: events in stacked rows inside their lane, and
 * where more crowd into one mark than the rows hold, a counted cluster.
 *
 * Returns: (transfer full) (element-type CwTimelineItem): the items, lane
 *   by lane, left to right
 */
GArray *
cw_timeline_layout_place (CwTimelineLayout      *self,
                          const CwTimelineScale *scale,
                          double                 width,
                          const gboolean        *visible_lanes,
                          guint                  rows)
{
  Placing p = { self, scale, g_array_new (FALSE, FALSE, sizeof (CwTimelineItem)), { 0 },
                CLAMP (rows, 1, CW_TIMELINE_ROWS) };

  g_return_val_if_fail (self != NULL && scale != NULL, p.items);

  if (!isfinite (scale->start) || !isfinite (scale->px_per_day) || scale->px_per_day <= 0)
    return p.items;

  for (guint l = 0; l < self->n_lanes; l++)
    {
      const Lane *lane = &self->lanes[l];
      double left_day = cw_timeline_scale_day (scale, -CW_TIMELINE_MARKER);

      if (lane->count == 0 || (visible_lanes != NULL && !visible_lanes[l]))
        continue;
      /* A range that began before the view may reach into it. */
      place_lane (&p, l, lower_bound (self, lane, left_day - lane->max_span), width);
    }
  return p.items;
}

/**
 * cw_timeline_layout_find_event:
 *
 * Returns: the index of the event with @id, or %G_MAXUINT
 */
guint
cw_timeline_layout_find_event (CwTimelineLayout *self,
                               gint64            id)
{
  gpointer found;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  found = g_hash_table_lookup (self->by_id, &id);
  return found ? GPOINTER_TO_UINT (found) - 1 : G_MAXUINT;
}

/**
 * cw_timeline_layout_step:
 * @from: an event's index, or %G_MAXUINT for none
 * @direction: 1 for the next in time, -1 for the one before; 0 for the
 *   first, 2 for the last
 *
 * Returns: the event's index, or %G_MAXUINT when there is none that way
 */
guint
cw_timeline_layout_step (CwTimelineLayout *self,
                         guint             from,
                         int               direction)
{
  guint n, place;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  n = self->events->len;
  if (n == 0)
    return G_MAXUINT;
  if (direction == 2 || (from >= n && direction < 0))
    return self->in_time[n - 1];
  if (direction == 0 || from >= n)
    return self->in_time[0];
  place = self->position[from];
  if (direction > 0)
    return place + 1 < n ? self->in_time[place + 1] : G_MAXUINT;
  return place > 0 ? self->in_time[place - 1] : G_MAXUINT;
}

/* Bands */

/**
 * cw_timeline_place_bands:
 * @width: the pixels of time shown
 *
 * Places the bands that show at @scale, in the order given: each cut to
 * the view, and at least CW_TIMELINE_BAND_MIN wide so that a band of a
 * day stays visible zoomed out. A band whose label (CW_TIMELINE_BAND_LABEL
 * wide at least) would run into an earlier one's takes the next row.
 *
 * Returns: (transfer full) (element-type CwTimelineBandPlace): the bands
 *   in view
 */
GArray *
cw_timeline_place_bands (const CwTimelineScale *scale,
                         double                 width,
                         const CwTimelineBand  *bands,
                         guint                  n_bands)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (CwTimelineBandPlace));
  g_autoptr (GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (scale != NULL, places);
  g_return_val_if_fail (bands != NULL || n_bands == 0, places);

  for (guint i = 0; i < n_bands; i++)
    {
      double x0 = cw_timeline_scale_x (scale, bands[i].first);
      double x1 = cw_timeline_scale_x (scale, MAX (bands[i].last, bands[i].first));
      CwTimelineBandPlace place = { i };
      guint row = 0;

      if (!isfinite (x0) || !isfinite (x1))
        continue;
      if (x1 - x0 < CW_TIMELINE_BAND_MIN)
        {
          double middle = (x0 + x1) / 2;
          x0 = middle - CW_TIMELINE_BAND_MIN / 2;
          x1 = middle + CW_TIMELINE_BAND_MIN / 2;
        }
      if (x1 < 0 || x0 > width)
        continue;
      place.cut_start = x0 < 0;
      place.cut_end = x1 > width;
      place.x0 = MAX (x0, 0);
      place.x1 = MIN (x1, width);
      while (row < row_ends->len && g_array_index (row_ends, double, row) > place.x0)
        row++;
      if (row == row_ends->len)
        g_array_set_size (row_ends, row + 1);
      g_array_index (row_ends, double, row) = MAX (place.x1, place.x0 + CW_TIMELINE_BAND_LABEL);
      place.row = row;
      g_array_append_val (places, place);
    }
  return places;
}

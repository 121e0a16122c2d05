/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cw-timeline-layout.h"

/* The timeline's geometry without a display: mapping, zoom about a point,
 * ticks at every scale with labels that never overlap, stacking in lanes,
 * counted clusters, and ranges for uncertain dates. */

/* Labels as a monospace font would draw them: 7 pixels a character. */
static double
measure (const char *text,
         gpointer    data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

static double
day_of (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return cw_timeline_day_of_date (&date);
}

static void
test_mapping_and_zoom (void)
{
  CwTimelineScale scale = { day_of (2025, 1, 1), 10.0 };
  double before;

  g_assert_cmpfloat_with_epsilon (cw_timeline_scale_x (&scale, day_of (2025, 1, 11)), 100.0,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (cw_timeline_scale_day (&scale, 100.0), day_of (2025, 1, 11),
                                  1e-9);
  /* Zooming keeps the day under the pointer where it was. */
  before = cw_timeline_scale_day (&scale, 333.0);
  cw_timeline_scale_zoom (&scale, 2.5, 333.0);
  g_assert_cmpfloat_with_epsilon (scale.px_per_day, 25.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cw_timeline_scale_day (&scale, 333.0), before, 1e-9);
  cw_timeline_scale_zoom (&scale, 1e9, 10.0);
  g_assert_cmpfloat (scale.px_per_day, ==, CW_TIMELINE_MAX_PX_PER_DAY);
  cw_timeline_scale_zoom (&scale, 1e-12, 10.0);
  g_assert_cmpfloat (scale.px_per_day, ==, CW_TIMELINE_MIN_PX_PER_DAY);
  /* Fitting shows both ends inside the width. */
  cw_timeline_scale_fit (&scale, day_of (2024, 1, 1), day_of (2026, 2, 16), 1000.0);
  g_assert_cmpfloat (cw_timeline_scale_x (&scale, day_of (2024, 1, 1)), >, 0.0);
  g_assert_cmpfloat (cw_timeline_scale_x (&scale, day_of (2026, 2, 16)), <, 1000.0);
}

/* From a century to an afternoon: each zoom gets the unit it should, and
 * no label runs into the next. */
static void
test_ticks_every_scale (void)
{
  static const struct { double px_per_day; CwTickUnit unit; const char *first; } cases[] = {
    { 0.0165, CW_TICK_DECADE, "1990s" },
    { 0.3, CW_TICK_YEAR, "2025" },
    { 1.2, CW_TICK_QUARTER, "Q1 2025" },
    { 4.0, CW_TICK_MONTH, "Jan 2025" },
    { 12.0, CW_TICK_WEEK, NULL },
    { 80.0, CW_TICK_DAY, "1 Jan" },
    { 600.0, CW_TICK_SIX_HOURS, "1 Jan" },
    { 2400.0, CW_TICK_HOUR, "1 Jan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwTimelineScale scale = { day_of (2025, 1, 1), cases[i].px_per_day };
      CwTickUnit unit;
      GArray *ticks;

      if (cases[i].unit == CW_TICK_DECADE)
        scale.start = day_of (1990, 1, 1);
      ticks = cw_timeline_ticks (&scale, 1200.0, measure, NULL, &unit);
      g_test_message ("%g px a day: unit %d, %u ticks", cases[i].px_per_day, unit, ticks->len);
      g_assert_cmpint (unit, ==, cases[i].unit);
      g_assert_cmpuint (ticks->len, >=, 2);
      if (cases[i].first != NULL)
        g_assert_cmpstr (g_array_index (ticks, CwTimelineTick, 0).label, ==, cases[i].first);
      for (guint t = 0; t + 1 < ticks->len; t++)
        {
          const CwTimelineTick *a = &g_array_index (ticks, CwTimelineTick, t);
          const CwTimelineTick *b = &g_array_index (ticks, CwTimelineTick, t + 1);

          g_assert_cmpfloat (a->x + a->label_width, <, b->x);
          g_assert_cmpfloat (a->day, <, b->day);
        }
      cw_timeline_ticks_free (ticks);
    }
}

/* Every zoom the widget can reach, in small steps: never an overlap. */
static void
test_ticks_never_overlap (void)
{
  CwTimelineScale scale = { day_of (2024, 6, 14), CW_TIMELINE_MIN_PX_PER_DAY };

  for (; scale.px_per_day < CW_TIMELINE_MAX_PX_PER_DAY; scale.px_per_day *= 1.1)
    {
      GArray *ticks = cw_timeline_ticks (&scale, 900.0, measure, NULL, NULL);

      for (guint t = 0; t + 1 < ticks->len; t++)
        {
          const CwTimelineTick *a = &g_array_index (ticks, CwTimelineTick, t);
          const CwTimelineTick *b = &g_array_index (ticks, CwTimelineTick, t + 1);
          g_assert_cmpfloat (a->x + a->label_width, <, b->x);
        }
      cw_timeline_ticks_free (ticks);
    }
}

static CwTimelineEvent
event_on (gint64 id,
          guint  lane,
          double first,
          double days)
{
  CwTimelineEvent event = { id, lane, first, first + days, FALSE,
                            CW_CHRONO_SIGNIFICANCE_ROUTINE, 0, FALSE };
  return event;
}

static void
test_lanes_and_stacking (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (2);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  double d = day_of (2025, 3, 1);
  CwTimelineScale scale = { d - 1, 2.0 }; /* 2 px a day: a mark spans 5 days */
  gboolean only_second[] = { FALSE, TRUE };
  guint rows[3] = { 0 };

  /* Three events within one mark in lane 0 stack in three rows; one far
   * away sits in row 0; lane 1 has its own. */
  g_array_append_vals (events, (CwTimelineEvent[]) {
    event_on (1, 0, d, 1), event_on (2, 0, d + 1, 1), event_on (3, 0, d + 4, 1),
    event_on (4, 0, d + 100, 1), event_on (5, 1, d + 2, 1) }, 5);
  cw_timeline_layout_set_events (layout, events);
  items = cw_timeline_layout_place (layout, &scale, 800.0, NULL, CW_TIMELINE_ROWS);
  g_assert_cmpuint (items->len, ==, 5);
  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      const CwTimelineEvent *event = cw_timeline_layout_get_event (layout, item->event);

      g_assert_cmpint (item->kind, ==, CW_TIMELINE_ITEM_EVENT);
      g_assert_cmpuint (item->lane, ==, event->lane);
      if (item->lane == 0 && event->id <= 3)
        rows[item->row]++;
      if (event->id == 4 || event->id == 5)
        g_assert_cmpuint (item->row, ==, 0);
    }
  g_assert_cmpuint (rows[0], ==, 1);
  g_assert_cmpuint (rows[1], ==, 1);
  g_assert_cmpuint (rows[2], ==, 1);
  g_clear_pointer (&items, g_array_unref);
  /* A hidden lane places nothing. */
  items = cw_timeline_layout_place (layout, &scale, 800.0, only_second, CW_TIMELINE_ROWS);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (cw_timeline_layout_get_event (
                     layout, g_array_index (items, CwTimelineItem, 0).event)->id, ==, 5);
}

/* 1,000 events in one day, seen from a year away: one cluster of 1,000,
 * flagged key because one of them is. */
static void
test_clusters_count (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  double d = day_of (2025, 3, 1);
  CwTimelineScale scale = { d - 200, 1.0 };
  guint total = 0;

  for (guint i = 0; i < 1000; i++)
    {
      CwTimelineEvent event = event_on (i + 1, 0, d + i / 1000.0, 0);
      if (i == 500)
        event.significance = CW_CHRONO_SIGNIFICANCE_KEY;
      g_array_append_val (events, event);
    }
  cw_timeline_layout_set_events (layout, events);
  items = cw_timeline_layout_place (layout, &scale, 800.0, NULL, CW_TIMELINE_ROWS);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (g_array_index (items, CwTimelineItem, 0).kind, ==, CW_TIMELINE_ITEM_CLUSTER);
  g_assert_cmpuint (g_array_index (items, CwTimelineItem, 0).count, ==, 1000);
  g_assert_cmpint (g_array_index (items, CwTimelineItem, 0).significance, ==,
                   CW_CHRONO_SIGNIFICANCE_KEY);
  g_clear_pointer (&items, g_array_unref);
  /* Zoomed to minutes, they come apart: every event is counted once. */
  scale.start = d;
  scale.px_per_day = 24 * 60 * 12.0; /* 12 px a minute */
  items = cw_timeline_layout_place (layout, &scale, 100000.0, NULL, CW_TIMELINE_ROWS);
  for (guint i = 0; i < items->len; i++)
    total += g_array_index (items, CwTimelineItem, i).count;
  g_assert_cmpuint (total, ==, 1000);
}

/* Events bunched and spread at random, at every zoom: a counted box never
 * covers a mark of its lane, and every event is drawn or counted once. */
static void
test_clusters_clear_of_marks (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (2);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  double d = day_of (2024, 1, 1);
  guint clusters = 0;

  for (guint i = 0; i < 600; i++)
    {
      /* bursts of a few days with quiet weeks between */
      double day = d + (i / 12) * g_rand_double_range (rand, 3, 40) + g_rand_double_range (rand, 0, 4);
      CwTimelineEvent event = event_on (i + 1, i % 2, floor (day), 0);
      g_array_append_val (events, event);
    }
  cw_timeline_layout_set_events (layout, events);
  for (double px = 0.05; px < 200; px *= 1.7)
    for (guint rows = 1; rows <= CW_TIMELINE_ROWS; rows++)
      {
        CwTimelineScale scale = { d - 5, px };
        g_autoptr (GArray) items = cw_timeline_layout_place (layout, &scale, 1e7, NULL, rows);
        guint total = 0;

        for (guint i = 0; i < items->len; i++)
          {
            const CwTimelineItem *box = &g_array_index (items, CwTimelineItem, i);

            total += box->count;
            if (box->kind != CW_TIMELINE_ITEM_CLUSTER)
              continue;
            clusters++;
            for (guint j = 0; j < items->len; j++)
              {
                const CwTimelineItem *mark = &g_array_index (items, CwTimelineItem, j);

                if (mark->kind != CW_TIMELINE_ITEM_EVENT || mark->lane != box->lane
                    || mark->x1 - mark->x0 > 12)
                  continue;
                if (mark->x0 + CW_TIMELINE_MARK_RADIUS > box->x0
                    && mark->x0 - CW_TIMELINE_MARK_RADIUS < box->x1)
                  g_error ("at %g px a day, %u rows: the box at %g-%g covers the mark at %g",
                           px, rows, box->x0, box->x1, mark->x0);
              }
          }
        g_assert_cmpuint (total, ==, 600);
      }
  g_assert_cmpuint (clusters, >, 0);
}

/* "May 2025" is the month, drawn as the month; "c. 3/5/2025" its fortnight. */
static void
test_uncertain_ranges (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  CwTimelineScale scale = { day_of (2025, 4, 1), 10.0 };
  CwTimelineEvent month = event_on (1, 0, day_of (2025, 5, 1), 31);
  const CwTimelineItem *item;

  month.uncertain = TRUE;
  g_array_append_val (events, month);
  cw_timeline_layout_set_events (layout, events);
  items = cw_timeline_layout_place (layout, &scale, 2000.0, NULL, CW_TIMELINE_ROWS);
  item = &g_array_index (items, CwTimelineItem, 0);
  g_assert_cmpfloat_with_epsilon (item->x0, 300.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (item->x1, 610.0, 1e-6);
  g_assert_true (cw_timeline_layout_get_event (layout, item->event)->uncertain);
}

/* Ranges that began before the view reach into it. */
static void
test_range_reaching_into_view (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  CwTimelineScale scale = { day_of (2025, 6, 1), 10.0 };

  g_array_append_val (events, ((CwTimelineEvent) { 1, 0, day_of (2025, 1, 1),
                                                   day_of (2026, 1, 1), TRUE,
                                                   CW_CHRONO_SIGNIFICANCE_ROUTINE, 0, FALSE }));
  cw_timeline_layout_set_events (layout, events);
  items = cw_timeline_layout_place (layout, &scale, 500.0, NULL, CW_TIMELINE_ROWS);
  g_assert_cmpuint (items->len, ==, 1);
}

static void
test_step_in_time (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (2);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  double d = day_of (2025, 1, 1);
  guint at;

  g_array_append_vals (events, (CwTimelineEvent[]) {
    event_on (10, 1, d + 5, 1), event_on (20, 0, d, 1), event_on (30, 0, d + 9, 1) }, 3);
  cw_timeline_layout_set_events (layout, events);
  /* End with nothing selected: the last (this once went to the first). */
  at = cw_timeline_layout_step (layout, G_MAXUINT, 2);
  g_assert_cmpint (cw_timeline_layout_get_event (layout, at)->id, ==, 30);
  at = cw_timeline_layout_step (layout, G_MAXUINT, 0);
  g_assert_cmpint (cw_timeline_layout_get_event (layout, at)->id, ==, 20);
  at = cw_timeline_layout_step (layout, at, 1);
  g_assert_cmpint (cw_timeline_layout_get_event (layout, at)->id, ==, 10);
  at = cw_timeline_layout_step (layout, at, 1);
  g_assert_cmpint (cw_timeline_layout_get_event (layout, at)->id, ==, 30);
  g_assert_cmpuint (cw_timeline_layout_step (layout, at, 1), ==, G_MAXUINT);
  g_assert_cmpint (cw_timeline_layout_get_event (
                     layout, cw_timeline_layout_step (layout, at, -1))->id, ==, 10);
  g_assert_cmpuint (cw_timeline_layout_find_event (layout, 30), ==, at);
  g_assert_cmpuint (cw_timeline_layout_find_event (layout, 99), ==, G_MAXUINT);
}

/* The extent ends where the last range ends, not the longest one's span
 * after the last start; and a scale that is not a number places nothing. */
static void
test_extent_and_nan (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  CwTimelineScale scale = { NAN, 1.0 };
  double first, last, d = day_of (2010, 1, 1);

  g_array_append_vals (events, (CwTimelineEvent[]) {
    event_on (1, 0, d, 3650), event_on (2, 0, d + 4000, 1) }, 2);
  cw_timeline_layout_set_events (layout, events);
  g_assert_true (cw_timeline_layout_get_extent (layout, &first, &last));
  g_assert_cmpfloat (first, ==, d);
  g_assert_cmpfloat (last, ==, d + 4001);
  items = cw_timeline_layout_place (layout, &scale, 800.0, NULL, CW_TIMELINE_ROWS);
  g_assert_cmpuint (items->len, ==, 0);
  scale.start = d;
  cw_timeline_scale_zoom (&scale, NAN, 10);
  cw_timeline_scale_zoom (&scale, 2.0, NAN);
  g_assert_cmpfloat (scale.px_per_day, ==, 1.0);
}

/* With room for one row only, two marks on one spot are counted. */
static void
test_one_row_counts (void)
{
  g_autoptr (CwTimelineLayout) layout = cw_timeline_layout_new (1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (CwTimelineEvent));
  g_autoptr (GArray) items = NULL;
  double d = day_of (2025, 3, 1);
  CwTimelineScale scale = { d - 10, 1.0 };

  g_array_append_vals (events, (CwTimelineEvent[]) {
    event_on (1, 0, d, 1), event_on (2, 0, d + 0.5, 1) }, 2);
  cw_timeline_layout_set_events (layout, events);
  items = cw_timeline_layout_place (layout, &scale, 800.0, NULL, 1);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (g_array_index (items, CwTimelineItem, 0).kind, ==, CW_TIMELINE_ITEM_CLUSTER);
  g_assert_cmpuint (g_array_index (items, CwTimelineItem, 0).count, ==, 2);
}

/* Episodes as bands: where they fall at a zoom, cut to the view, never
 * thinner than a few pixels, left out when out of view, and labels of
 * overlapping bands on rows of their own. */
static void
test_bands (void)
{
  CwTimelineScale scale = { day_of (2025, 1, 1), 10.0 };
  const CwTimelineBand bands[] = {
    { 1, day_of (2025, 1, 11), day_of (2025, 1, 21), (char *) "Discharge" },
    { 2, day_of (2025, 1, 15), day_of (2025, 1, 16), (char *) "Strategy meeting" },
    { 3, day_of (2024, 12, 1), day_of (2025, 1, 3), NULL },
    { 4, day_of (2025, 6, 1), day_of (2025, 7, 1), (char *) "Far away" },
    { 5, day_of (2025, 2, 26), day_of (2025, 2, 20), NULL },
  };
  g_autoptr (GArray) places = cw_timeline_place_bands (&scale, 600.0, bands,
                                                       G_N_ELEMENTS (bands));
  const CwTimelineBandPlace *place;

  /* The band in June is past the 60 days shown. */
  g_assert_cmpuint (places->len, ==, 4);
  place = &g_array_index (places, CwTimelineBandPlace, 0);
  g_assert_cmpuint (place->band, ==, 0);
  g_assert_cmpfloat_with_epsilon (place->x0, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (place->x1, 200.0, 1e-9);
  g_assert_false (place->cut_start);
  g_assert_false (place->cut_end);
  g_assert_cmpuint (place->row, ==, 0);
  /* Inside the first: its label goes on the next row. */
  place = &g_array_index (places, CwTimelineBandPlace, 1);
  g_assert_cmpfloat_with_epsilon (place->x0, 140.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (place->x1, 150.0, 1e-9);
  g_assert_cmpuint (place->row, ==, 1);
  /* Started before the view: cut at its left edge, which is said. */
  place = &g_array_index (places, CwTimelineBandPlace, 2);
  g_assert_cmpuint (place->band, ==, 2);
  g_assert_cmpfloat_with_epsilon (place->x0, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (place->x1, 20.0, 1e-9);
  g_assert_true (place->cut_start);
  g_assert_false (place->cut_end);
  /* Ending before it starts: drawn as a point, not a negative width. */
  place = &g_array_index (places, CwTimelineBandPlace, 3);
  g_assert_cmpuint (place->band, ==, 4);
  g_assert_cmpfloat (place->x1 - place->x0, >=, CW_TIMELINE_BAND_MIN - 1e-9);

  /* Zoomed out to years, a band of a day keeps a visible width. */
  scale = (CwTimelineScale) { day_of (2024, 1, 1), 0.05 };
  g_clear_pointer (&places, g_array_unref);
  places = cw_timeline_place_bands (&scale, 600.0, &bands[1], 1);
  g_assert_cmpuint (places->len, ==, 1);
  place = &g_array_index (places, CwTimelineBandPlace, 0);
  g_assert_cmpfloat_with_epsilon (place->x1 - place->x0, CW_TIMELINE_BAND_MIN, 1e-9);
  g_assert_cmpfloat_with_epsilon ((place->x0 + place->x1) / 2, (366 + 14.5) * 0.05, 1e-9);

  /* No bands, no places. */
  g_clear_pointer (&places, g_array_unref);
  places = cw_timeline_place_bands (&scale, 600.0, NULL, 0);
  g_assert_cmpuint (places->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/timeline/mapping-and-zoom", test_mapping_and_zoom);
  g_test_add_func ("/timeline/ticks-every-scale", test_ticks_every_scale);
  g_test_add_func ("/timeline/ticks-never-overlap", test_ticks_never_overlap);
  g_test_add_func ("/timeline/lanes-and-stacking", test_lanes_and_stacking);
  g_test_add_func ("/timeline/clusters-count", test_clusters_count);
  g_test_add_func ("/timeline/clusters-clear-of-marks", test_clusters_clear_of_marks);
  g_test_add_func ("/timeline/uncertain-ranges", test_uncertain_ranges);
  g_test_add_func ("/timeline/range-reaching-into-view", test_range_reaching_into_view);
  g_test_add_func ("/timeline/step-in-time", test_step_in_time);
  g_test_add_func ("/timeline/extent-and-nan", test_extent_and_nan);
  g_test_add_func ("/timeline/one-row-counts", test_one_row_counts);
  g_test_add_func ("/timeline/bands", test_bands);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's frames: what one frame of CwTimelineView costs for a review
 * of 1,000 entries and one of 100,000, the whole case fitted and one month
 * shown, built offscreen; then frames on screen while a script zooms and
 * pans the 100,000. The issue asks for a median under 8 ms, and a cost that
 * follows what is visible: at most 3 times the 1,000's at the same zoom.
 * Run under a display; bench/run-timeline starts Xvfb when there is none.
 *   bench-timeline [--frames N] [--steps N] [--rows N] [--small-rows N]
 *                  [SMALL.db LARGE.db] */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "bench-figures.h"
#include "cw-core.h"
#include "bench-frames.h"
#include "bench-review.h"
#include "cw-timeline-view.h"

#define FRAME_TARGET_MS 8.0
#define RATIO_TARGET    3.0
#define FRAME_BUDGET_MS (1000.0 / 60.0)
#define WIDTH           1240
#define HEIGHT          780
#define TIMELINE_HEIGHT 400
#define MONTH_DAYS      31.0
#define ZOOM_STEP       1.1
#define PAN_STEP        40.0 /* pixels: what a wheel click pans */
#define WARM_UP_FRAMES  5    /* built before the figures: fonts and glyphs cached */

static int frames = 50;
static int steps = 200;
static int rows = BENCH_REVIEW_ROWS;
static int small_rows = 1000;

/* One review, as the chronology view gives it to its timeline. */
typedef struct
{
  guint              rows;
  char              *path;
  CwStore           *store;
  gint64             review_id;
  CwChronologyModel *model;
  GtkSelectionModel *selection;
  double             month_start; /* the first day of its busiest month */
  guint              month_entries;
} Review;

typedef enum { SETTING_FIT, SETTING_MONTH, N_SETTINGS } Setting;
static const char *const setting_names[N_SETTINGS] = { "whole case fitted", "one month" };

/* Offscreen frames at one setting: milliseconds of each frame. */
typedef struct
{
  GArray *snapshot_ms;  /* the widget's snapshot into a GtkSnapshot, to a render node */
  GArray *own_ms;       /* what the widget reports: cw_timeline_view_get_frame_time () */
  GArray *draw_ms;      /* the node drawn to pixels, as the cairo renderer does */
  GArray *total_ms;     /* both */
  GArray *paintable_ms; /* gdk_paintable_snapshot () of gtk_widget_paintable_new () */
  guint   paintable_draws;
  guint   items;        /* marks and clusters drawn */
  guint   clusters;
} Frames;

typedef struct
{
  GtkWidget      *window;
  CwTimelineView *timeline;
  BenchFrames     frames;
  /* The script under way: a step a frame, from the tick callback */
  guint           step;
  double          anchor_x;
  double          deepest;    /* the most pixels a day the script reached */
  gboolean        stepped;
  gboolean        zoomed;
  guint           draws_before;
  gint64          last_step_paint;
  GArray         *work_ms[2]; /* [0] zooms, [1] pans */
  GArray         *own_ms[2];
  GArray         *interval_ms;
  guint           undrawn;    /* stepped frames in which the timeline was not drawn */
  double          worst_ms;   /* the slowest snapshot on screen, and its zoom */
  double          worst_px_per_day;
} Bench;

/* Every snapshot of the widget, counted: on screen, offscreen, or not at all. */
static void (*timeline_snapshot) (GtkWidget *, GtkSnapshot *);
static guint timeline_draws;

static void
counted_snapshot (GtkWidget   *widget,
                  GtkSnapshot *snapshot)
{
  timeline_draws++;
  timeline_snapshot (widget, snapshot);
}

static void
count_snapshots (void)
{
  GtkWidgetClass *klass = g_type_class_ref (CW_TYPE_TIMELINE_VIEW);

  timeline_snapshot = klass->snapshot;
  klass->snapshot = counted_snapshot;
}

/* Frames on screen */

static void
on_frame (gpointer data,
          double   work_ms,
          gint64   now)
{
  Bench *b = data;
  guint kind = b->zoomed ? 0 : 1;
  double ms;

  if (!b->stepped)
    return;
  b->stepped = FALSE;
  if (timeline_draws == b->draws_before)
    b->undrawn++;
  g_array_append_val (b->work_ms[kind], work_ms);
  ms = (double) cw_timeline_view_get_frame_time (b->timeline) / 1000.0;
  g_array_append_val (b->own_ms[kind], ms);
  if (ms > b->worst_ms)
    {
      b->worst_ms = ms;
      b->worst_px_per_day = cw_timeline_view_get_scale (b->timeline)->px_per_day;
    }
  if (b->last_step_paint != 0)
    {
      ms = (double) (now - b->last_step_paint) / 1000.0;
      g_array_append_val (b->interval_ms, ms);
    }
  b->last_step_paint = now;
}

/* Reviews */

/* The month with the most entries, where "one month" is shown. */
static void
find_busiest_month (Review     *r,
                    CwTimeline *timeline)
{
  CwTimelineLayout *layout = cw_timeline_get_layout (timeline);
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0;
  GDate date;

  g_date_clear (&date, 1);
  for (guint i = 0; i < cw_timeline_layout_get_n_events (layout); i++)
    {
      gpointer month;
      guint n;

      g_date_set_julian (&date, (guint32) cw_timeline_layout_get_event (layout, i)->first);
      g_date_set_day (&date, 1);
      month = GUINT_TO_POINTER (g_date_get_julian (&date));
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, month)) + 1;
      g_hash_table_insert (counts, month, GUINT_TO_POINTER (n));
      if (n > best || (n == best && GPOINTER_TO_UINT (month) < r->month_start))
        {
          best = n;
          r->month_start = GPOINTER_TO_UINT (month);
        }
    }
  r->month_entries = best;
}

static void
open_review (Review *r,
             guint   n_rows,
             char   *path)
{
  g_autoptr (GError) error = NULL;

  r->rows = n_rows;
  r->path = path ? path : bench_review_default_path (n_rows);
  if (!bench_review_ensure (r->path, n_rows, &r->review_id, NULL, &error))
    bench_fail ("Could not build the review", error);
  if ((r->store = cw_store_open (r->path, &error)) == NULL)
    bench_fail ("Could not open the database", error);
  r->model = cw_chronology_model_new (r->store, r->review_id);
  if (!cw_chronology_model_refresh (r->model, NULL, &error))
    bench_fail ("Could not read the chronology", error);
  r->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (
    G_LIST_MODEL (g_object_ref (r->model))));
}

static void
close_review (Review *r)
{
  g_clear_object (&r->selection);
  g_clear_object (&r->model);
  g_clear_object (&r->store);
  g_clear_pointer (&r->path, g_free);
}

/* Gives the widget @r, as the chronology view does, and says how long it took. */
static void
show_review (Bench  *b,
             Review *r)
{
  gint64 start = g_get_monotonic_time ();
  CwTimeline *timeline;

  /* The view reads the events once the table's first rows are painted;
   * asked for its timeline, it reads them at once. */
  cw_timeline_view_set_chronology (b->timeline, r->store, r->review_id, r->model, r->selection);
  timeline = cw_timeline_view_get_timeline (b->timeline);
  g_print ("\n%u entries: cw_timeline_view_set_chronology () and reading the events %.1f ms\n",
           r->rows, bench_elapsed_ms (start));
  find_busiest_month (r, timeline);
  bench_frames_redraw (&b->frames);
  bench_settle (100);
}

/* Zoom settings */

static double
lanes_width (Bench *b)
{
  return gtk_widget_get_width (GTK_WIDGET (b->timeline)) - CW_TIMELINE_LANE_LABELS;
}

/* From the whole case: zoom keeping the left edge of the lanes, then pan
 * the month's first day to it. */
static void
show_month (Bench  *b,
            Review *r)
{
  const CwTimelineScale *scale = cw_timeline_view_get_scale (b->timeline);
  double wanted = lanes_width (b) / MONTH_DAYS;

  cw_timeline_view_zoom_to_fit (b->timeline);
  bench_frames_redraw (&b->frames);
  cw_timeline_view_zoom (b->timeline, wanted / scale->px_per_day, CW_TIMELINE_LANE_LABELS);
  cw_timeline_view_pan (b->timeline, (r->month_start - scale->start) * scale->px_per_day);
}

static void
apply_setting (Bench   *b,
               Review  *r,
               Setting  setting)
{
  if (setting == SETTING_FIT)
    cw_timeline_view_zoom_to_fit (b->timeline);
  else
    show_month (b, r);
  bench_frames_redraw (&b->frames);
  bench_settle (100);
}

static void
describe_setting (Bench  *b,
                  Review *r,
                  Frames *f)
{
  const CwTimelineScale *scale = cw_timeline_view_get_scale (b->timeline);
  double shown = lanes_width (b) / scale->px_per_day;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_julian (&first, (guint32) MAX (scale->start, 1.0));
  g_print ("    %.4g px a day, %.0f days shown from %04u-%02u-%02u; %u marks and clusters "
           "drawn (%u clusters)\n", scale->px_per_day, shown, g_date_get_year (&first),
           g_date_get_month (&first), g_date_get_day (&first), f->items, f->clusters);
}

/* Offscreen frames */

/* What the widget draws, counted as the renderer sees it. */
static void
count_items (Bench  *b,
             Frames *f)
{
  CwTimeline *timeline = cw_timeline_view_get_timeline (b->timeline);
  CwTimelineFrame frame = { 0 };
  g_autoptr (GArray) items = NULL;

  frame.scale = *cw_timeline_view_get_scale (b->timeline);
  frame.width = gtk_widget_get_width (GTK_WIDGET (b->timeline));
  frame.height = TIMELINE_HEIGHT - 30; /* the overview strip below the lanes */
  items = cw_timeline_place (timeline, &frame);
  f->items = items->len;
  f->clusters = 0;
  for (guint i = 0; i < items->len; i++)
    f->clusters += g_array_index (items, CwTimelineItem, i).kind == CW_TIMELINE_ITEM_CLUSTER;
}

/* One frame as the widget builds it: its snapshot into a fresh GtkSnapshot,
 * the node then drawn to pixels as GskCairoRenderer does. */
static void
build_frame (Bench           *b,
             cairo_surface_t *pixels,
             double          *snapshot_ms,
             double          *draw_ms)
{
  GtkWidget *widget = GTK_WIDGET (b->timeline);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  *snapshot_ms = bench_elapsed_ms (start);
  start = g_get_monotonic_time ();
  cr = cairo_create (pixels);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (pixels);
  *draw_ms = bench_elapsed_ms (start);
  gsk_render_node_unref (node);
}

static void
record_frame (Bench           *b,
              Frames          *f,
              cairo_surface_t *pixels)
{
  double snapshot, draw, own, total;

  build_frame (b, pixels, &snapshot, &draw);
  own = (double) cw_timeline_view_get_frame_time (b->timeline) / 1000.0;
  total = snapshot + draw;
  g_array_append_val (f->snapshot_ms, snapshot);
  g_array_append_val (f->own_ms, own);
  g_array_append_val (f->draw_ms, draw);
  g_array_append_val (f->total_ms, total);
}

/* The way the issue names: a GtkWidgetPaintable of the widget. */
static void
snapshot_paintable (Bench        *b,
                    Frames       *f,
                    GdkPaintable *paintable)
{
  double width = gtk_widget_get_width (GTK_WIDGET (b->timeline));
  double height = gtk_widget_get_height (GTK_WIDGET (b->timeline));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 start = g_get_monotonic_time ();
  guint draws = timeline_draws;
  double ms;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  ms = bench_elapsed_ms (start);
  g_array_append_val (f->paintable_ms, ms);
  f->paintable_draws += timeline_draws - draws;
  if (node != NULL)
    gsk_render_node_unref (node);
}

static void
frames_init (Frames *f)
{
  memset (f, 0, sizeof *f);
  f->snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->own_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->paintable_ms = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
frames_clear (Frames *f)
{
  g_array_unref (f->snapshot_ms);
  g_array_unref (f->own_ms);
  g_array_unref (f->draw_ms);
  g_array_unref (f->total_ms);
  g_array_unref (f->paintable_ms);
}

static void
print_spread (const char *what,
              GArray     *ms)
{
  g_print ("    %-44s median %6.2f ms, 95th %6.2f, max %6.2f\n", what, bench_median (ms),
           bench_percentile (ms, 0.95), bench_max (ms));
}

static void
measure_offscreen (Bench   *b,
                   Review  *r,
                   Setting  setting,
                   Frames  *f)
{
  int width = gtk_widget_get_width (GTK_WIDGET (b->timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (b->timeline));
  cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (b->timeline));

  frames_init (f);
  apply_setting (b, r, setting);
  count_items (b, f);
  for (int i = 0; i < WARM_UP_FRAMES; i++)
    {
      double snapshot, draw;

      build_frame (b, pixels, &snapshot, &draw);
    }
  for (int i = 0; i < frames; i++)
    record_frame (b, f, pixels);
  for (int i = 0; i < frames; i++)
    snapshot_paintable (b, f, paintable);
  cairo_surface_destroy (pixels);
  g_print ("  %s, %dx%d, %d frames offscreen (after %d not counted)\n", setting_names[setting],
           width, height, frames, WARM_UP_FRAMES);
  describe_setting (b, r, f);
  print_spread ("snapshot, to a render node", f->snapshot_ms);
  print_spread ("  the widget's own frame time", f->own_ms);
  print_spread ("the node drawn to pixels (cairo)", f->draw_ms);
  print_spread ("both: the whole frame, offscreen", f->total_ms);
  print_spread ("GtkWidgetPaintable snapshot", f->paintable_ms);
  g_print ("      (the widget drew %u times for %d paintable snapshots: %s)\n",
           f->paintable_draws, frames,
           f->paintable_draws == 0 ? "it replays the node of the last frame on screen"
                                   : "it draws the widget");
  g_print ("    target, snapshot median under %.0f ms: %s\n", FRAME_TARGET_MS,
           bench_median (f->snapshot_ms) < FRAME_TARGET_MS ? "met" : "NOT met");
}

static void
print_ratio (const char *what,
             GArray     *small,
             GArray     *large)
{
  double ratio = bench_median (large) / MAX (bench_median (small), 0.001);

  g_print ("    %-36s %6.2f ms / %6.2f ms = %5.2fx  %s\n", what, bench_median (large),
           bench_median (small), ratio,
           ratio <= RATIO_TARGET ? "(within 3x: met)" : "(over 3x: NOT met)");
}

static void
compare (Review *small,
         Review *large,
         Frames  frames_of[2][N_SETTINGS])
{
  g_print ("\nCost against size: %u entries against %u, medians, same run\n", large->rows,
           small->rows);
  for (int s = 0; s < N_SETTINGS; s++)
    {
      Frames *a = &frames_of[0][s], *z = &frames_of[1][s];

      g_print ("  %s (%u against %u marks and clusters drawn)\n", setting_names[s], z->items,
               a->items);
      print_ratio ("snapshot", a->snapshot_ms, z->snapshot_ms);
      print_ratio ("snapshot + drawn to pixels", a->total_ms, z->total_ms);
    }
}

/* Every zoom the script passes through, offscreen: where a frame costs most. */
static void
measure_sweep (Bench  *b,
               Review *r)
{
  guint levels = (guint) steps * 3 / 10, worst_level = 0;
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  int width = gtk_widget_get_width (GTK_WIDGET (b->timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (b->timeline));
  cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double anchor, worst = 0, worst_px_per_day = 0;

  apply_setting (b, r, SETTING_FIT);
  anchor = CW_TIMELINE_LANE_LABELS + cw_timeline_scale_x (cw_timeline_view_get_scale (b->timeline),
                                                          r->month_start + MONTH_DAYS / 2);
  g_print ("\nEvery zoom of the script below, offscreen, %u entries: median of 5 whole "
           "frames (snapshot + pixels) at each\n", r->rows);
  for (guint level = 0; level <= levels; level++)
    {
      Frames f = { 0 };
      double median;

      if (level > 0)
        cw_timeline_view_zoom (b->timeline, ZOOM_STEP, anchor);
      g_array_set_size (ms, 0);
      for (int i = 0; i < 5; i++)
        {
          double snapshot, draw, total;

          build_frame (b, pixels, &snapshot, &draw);
          total = snapshot + draw;
          g_array_append_val (ms, total);
        }
      median = bench_median (ms);
      count_items (b, &f);
      if (median > worst)
        {
          worst = median;
          worst_level = level;
          worst_px_per_day = cw_timeline_view_get_scale (b->timeline)->px_per_day;
        }
      if (level % 6 == 0)
        g_print ("    %9.4g px a day: %4u marks and clusters, %6.2f ms\n",
                 cw_timeline_view_get_scale (b->timeline)->px_per_day, f.items, median);
    }
  cairo_surface_destroy (pixels);
  g_print ("  the slowest: %.2f ms, at %.4g px a day (zoom step %u)\n", worst,
           worst_px_per_day, worst_level);
}

/* Zooming and panning on screen */

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *b = data;
  guint zoom_in = (guint) steps * 3 / 10, pan = (guint) steps / 5;
  guint s = b->step;

  if (b->step >= (guint) steps)
    return G_SOURCE_REMOVE;
  /* Zoom in on the busiest month, pan along it, zoom out, pan back. */
  b->zoomed = s < zoom_in || (s >= zoom_in + pan && s < 2 * zoom_in + pan);
  if (s < zoom_in)
    cw_timeline_view_zoom (b->timeline, ZOOM_STEP, b->anchor_x);
  else if (s < zoom_in + pan)
    cw_timeline_view_pan (b->timeline, PAN_STEP);
  else if (s < 2 * zoom_in + pan)
    cw_timeline_view_zoom (b->timeline, 1.0 / ZOOM_STEP, b->anchor_x);
  else
    cw_timeline_view_pan (b->timeline, -PAN_STEP);
  b->deepest = MAX (b->deepest, cw_timeline_view_get_scale (b->timeline)->px_per_day);
  b->step++;
  b->stepped = TRUE;
  b->draws_before = timeline_draws;
  return G_SOURCE_CONTINUE;
}

static void
print_frames (const char *what,
              GArray     *work,
              GArray     *own)
{
  if (work->len == 0)
    return;
  g_print ("  %s (%u frames)\n", what, work->len);
  print_spread ("frame work (before- to after-paint)", work);
  print_spread ("  of which the timeline's snapshot", own);
}

static void
measure_script (Bench  *b,
                Review *r)
{
  const CwTimelineScale *scale;
  double fitted;
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) all_own = g_array_new (FALSE, FALSE, sizeof (double));

  apply_setting (b, r, SETTING_FIT);
  scale = cw_timeline_view_get_scale (b->timeline);
  fitted = b->deepest = scale->px_per_day;
  b->anchor_x = CW_TIMELINE_LANE_LABELS
                + cw_timeline_scale_x (scale, r->month_start + MONTH_DAYS / 2);
  for (int k = 0; k < 2; k++)
    {
      b->work_ms[k] = g_array_new (FALSE, FALSE, sizeof (double));
      b->own_ms[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  b->interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b->step = 0;
  b->undrawn = 0;
  b->worst_ms = 0;
  b->last_step_paint = 0;
  gtk_widget_add_tick_callback (b->window, on_tick, b, NULL);
  while (b->step < (guint) steps || b->stepped)
    g_main_context_iteration (NULL, TRUE);

  g_print ("\nOn screen, %u entries: %d steps, one a frame from a tick callback: "
           "zoom in x%.1f at the busiest month, pan %.0f px, zoom out, pan back\n", r->rows,
           steps, ZOOM_STEP, PAN_STEP);
  g_print ("  from %.4g px a day (the whole case) to %.4g and back to %.4g\n", fitted,
           b->deepest, scale->px_per_day);
  print_frames ("zooming", b->work_ms[0], b->own_ms[0]);
  print_frames ("panning", b->work_ms[1], b->own_ms[1]);
  for (int k = 0; k < 2; k++)
    {
      g_array_append_vals (all, b->work_ms[k]->data, b->work_ms[k]->len);
      g_array_append_vals (all_own, b->own_ms[k]->data, b->own_ms[k]->len);
      g_array_unref (b->work_ms[k]);
      g_array_unref (b->own_ms[k]);
    }
  print_frames ("every step", all, all_own);
  print_spread ("time between frames", b->interval_ms);
  g_print ("    the slowest snapshot: %.2f ms, at %.4g px a day\n", b->worst_ms,
           b->worst_px_per_day);
  g_print ("    frames in which the timeline was not drawn again: %u\n", b->undrawn);
  g_print ("    smooth (95th percentile of frame work within a 60 Hz frame, %.1f ms): %s\n",
           FRAME_BUDGET_MS, bench_percentile (all, 0.95) < FRAME_BUDGET_MS ? "yes" : "NO");
  g_array_unref (b->interval_ms);
}

/* Setting up */

static void
show_window (Bench *b)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *below = gtk_label_new ("(the chronology table would be here)");

  b->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b->window), WIDTH, HEIGHT);
  b->timeline = CW_TIMELINE_VIEW (cw_timeline_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (b->timeline), -1, TIMELINE_HEIGHT);
  gtk_widget_set_vexpand (below, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (b->timeline));
  gtk_box_append (GTK_BOX (box), below);
  gtk_window_set_child (GTK_WINDOW (b->window), box);
  bench_frames_show (&b->frames, "bench-timeline", b->window, on_frame, b);
}

static void
print_setting (Bench *b)
{
  bench_frames_print_display (&b->frames);
  g_print ("Window %dx%d, the timeline %dx%d (lanes %.0f px wide)\n",
           gtk_widget_get_width (b->window), gtk_widget_get_height (b->window),
           gtk_widget_get_width (GTK_WIDGET (b->timeline)),
           gtk_widget_get_height (GTK_WIDGET (b->timeline)), lanes_width (b));
}

static void
parse_options (int    *argc,
               char ***argv)
{
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Offscreen frames per setting (50)", "N" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &steps, "Zoom and pan steps on screen (200)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Entries in the large review (100000)", "N" },
    { "small-rows", 0, 0, G_OPTION_ARG_INT, &small_rows, "Entries in the small one (1000)",
      "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[SMALL.db LARGE.db]");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error) || frames < 1 || steps < 10
      || rows < 1 || small_rows < 1 || (*argc != 1 && *argc != 3))
    bench_fail ("bench-timeline", error);
}

int
main (int   argc,
      char *argv[])
{
  Review reviews[2] = { { 0 } };
  Frames frames_of[2][N_SETTINGS];
  Bench b = { 0 };

  parse_options (&argc, &argv);
  cw_core_init ();
  open_review (&reviews[0], (guint) small_rows, argc == 3 ? g_strdup (argv[1]) : NULL);
  open_review (&reviews[1], (guint) rows, argc == 3 ? g_strdup (argv[2]) : NULL);
  gtk_init ();
  count_snapshots ();
  show_window (&b);
  print_setting (&b);
  g_print ("Offscreen: the widget's snapshot called into a new GtkSnapshot (the frame's "
           "building), then the node drawn to an image as GskCairoRenderer draws it\n");
  for (int i = 0; i < 2; i++)
    {
      show_review (&b, &reviews[i]);
      g_print ("  busiest month: %u entries\n", reviews[i].month_entries);
      for (int s = 0; s < N_SETTINGS; s++)
        measure_offscreen (&b, &reviews[i], (Setting) s, &frames_of[i][s]);
    }
  compare (&reviews[0], &reviews[1], frames_of);
  measure_sweep (&b, &reviews[1]);
  measure_script (&b, &reviews[1]);
  show_review (&b, &reviews[0]);
  measure_script (&b, &reviews[0]);
  gtk_window_destroy (GTK_WINDOW (b.window));
  for (int i = 0; i < 2; i++)
    {
      for (int s = 0; s < N_SETTINGS; s++)
        frames_clear (&frames_of[i][s]);
      close_review (&reviews[i]);
    }
  return EXIT_SUCCESS;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chronology table of a 100,000-entry review on screen: how long the
 * first rows take to appear, how long each frame takes while the table
 * scrolls from the first entry to the last, and how many row widgets exist
 * meanwhile: the issue asks that scrolling stay smooth, rows recycled
 * rather than made per entry. Run under a display; bench/run-chronology
 * starts Xvfb when there is none.
 *   bench-chronology-scroll [--runs N] [--steps N] [--rows N] [DATABASE] */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>

#include "bench-figures.h"
#include "cw-application.h"
#include "cw-core.h"
#include "bench-frames.h"
#include "bench-review.h"
#include "cw-chronology-view.h"

#define FRAME_BUDGET_MS (1000.0 / 60.0)

static int runs = 5;
static int steps = 300;
static int rows = BENCH_REVIEW_ROWS;

typedef struct
{
  GtkWidget        *window;
  CwChronologyView *view;
  GtkWidget        *column_view;
  GtkAdjustment    *vadjustment;
  BenchFrames       frames;
  /* The pass under way: a step per frame, from the tick callback */
  guint             step;
  double            from;
  double            by;       /* pixels a step; 0 to spread the steps over the whole list */
  gboolean          stepped;  /* the frame being drawn moved the table */
  gint64            last_step_paint;
  GArray           *work_ms;
  GArray           *cpu_ms;   /* the same frames' processor time */
  GArray           *interval_ms;
} Bench;

/* Frames */

static void
on_frame (gpointer data,
          double   work_ms,
          gint64   now)
{
  Bench *b = data;
  double ms;

  if (!b->stepped)
    return;
  b->stepped = FALSE;
  g_array_append_val (b->work_ms, work_ms);
  if (b->frames.frame_cpu_ms >= 0)
    g_array_append_val (b->cpu_ms, b->frames.frame_cpu_ms);
  if (b->last_step_paint != 0)
    {
      ms = (double) (now - b->last_step_paint) / 1000.0;
      g_array_append_val (b->interval_ms, ms);
    }
  b->last_step_paint = now;
}

/* The cells: GtkInscriptions, one per shown column in each row kept. */
static guint
count_cells (GtkWidget *widget)
{
  guint n = GTK_IS_INSCRIPTION (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cells (child);
  return n;
}

static guint
count_labels (GtkWidget *widget)
{
  /* The cells are inscriptions; the column titles labels. */
  guint n = GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child);
  return n;
}

/* Opening */

static void
measure_open (Bench   *b,
              CwStore *store,
              gint64   review_id)
{
  g_autoptr (GArray) call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) timeline_ms = g_array_new (FALSE, FALSE, sizeof (double));
  CwTimelineView *timeline_view = cw_chronology_view_get_timeline (b->view);

  for (int i = 0; i < runs; i++)
    {
      CwTimeline *timeline;
      gint64 start;
      double ms;

      cw_chronology_view_set_review (b->view, NULL, 0);
      bench_frames_redraw (&b->frames);
      bench_settle (50);
      start = g_get_monotonic_time ();
      cw_chronology_view_set_review (b->view, store, review_id);
      ms = bench_elapsed_ms (start);
      g_array_append_val (call_ms, ms);
      bench_frames_wait (&b->frames);
      ms = bench_elapsed_ms (start);
      g_array_append_val (shown_ms, ms);
      /* The timeline above the table reads its events once the first rows
       * are painted (an idle of low priority), then is drawn: in the same
       * frame when it read them before that frame began. */
      if (!cw_timeline_view_is_loaded (timeline_view))
        {
          while (!cw_timeline_view_is_loaded (timeline_view))
            g_main_context_iteration (NULL, TRUE);
          bench_frames_wait (&b->frames);
        }
      timeline = cw_timeline_view_get_timeline (timeline_view);
      if (cw_timeline_layout_get_n_events (cw_timeline_get_layout (timeline)) == 0)
        bench_fail ("The timeline read no events", NULL);
      ms = bench_elapsed_ms (start);
      g_array_append_val (timeline_ms, ms);
    }
  g_print ("\nOpening the table (the view emptied, then given the review)\n");
  bench_print_runs ("cw_chronology_view_set_review ()", call_ms, NULL);
  bench_print_runs ("and until the first rows are painted", shown_ms, NULL);
  bench_print_runs ("and until the timeline is drawn too", timeline_ms, NULL);
  g_print ("  target: under 300 ms: %s\n",
           bench_median (shown_ms) < 300.0 ? "met" : "NOT met");
}

/* Scrolling */

static double
step_value (Bench *b)
{
  double end = gtk_adjustment_get_upper (b->vadjustment)
               - gtk_adjustment_get_page_size (b->vadjustment);

  /* The list's height is an estimate until rows are seen: read it again
   * at every step, so the last one lands on the last entry. */
  if (b->by == 0)
    return end * b->step / steps;
  return MIN (b->from + b->by * b->step, end);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *b = data;

  if (b->step >= (guint) steps)
    return G_SOURCE_REMOVE;
  b->step++;
  gtk_adjustment_set_value (b->vadjustment, step_value (b));
  b->stepped = TRUE;
  return G_SOURCE_CONTINUE;
}

static void
run_pass (Bench  *b,
          double  from,
          double  by)
{
  gtk_adjustment_set_value (b->vadjustment, from);
  bench_frames_redraw (&b->frames);
  bench_settle (50);
  g_array_set_size (b->work_ms, 0);
  g_array_set_size (b->cpu_ms, 0);
  g_array_set_size (b->interval_ms, 0);
  b->step = 0;
  b->from = from;
  b->by = by;
  b->last_step_paint = 0;
  gtk_widget_add_tick_callback (b->window, on_tick, b, NULL);
  while (b->step < (guint) steps || b->stepped)
    g_main_context_iteration (NULL, TRUE);
}

static void
print_frames (Bench      *b,
              const char *what)
{
  g_print ("  %s\n", what);
  g_print ("    frame work (before-paint to after-paint): median %.1f ms, 95th %.1f ms, "
           "max %.1f ms (%u frames)\n", bench_median (b->work_ms),
           bench_percentile (b->work_ms, 0.95), bench_max (b->work_ms), b->work_ms->len);
  if (b->cpu_ms->len > 0)
    g_print ("    its processor time (this thread):        median %.1f ms, 95th %.1f ms, "
             "max %.1f ms\n", bench_median (b->cpu_ms), bench_percentile (b->cpu_ms, 0.95),
             bench_max (b->cpu_ms));
  if (b->interval_ms->len > 0)
    g_print ("    between frames:                          median %.1f ms, 95th %.1f ms, "
             "max %.1f ms\n", bench_median (b->interval_ms),
             bench_percentile (b->interval_ms, 0.95), bench_max (b->interval_ms));
  g_print ("    smooth (95th percentile of frame work within a 60 Hz frame, %.1f ms): %s\n",
           FRAME_BUDGET_MS,
           bench_percentile (b->work_ms, 0.95) < FRAME_BUDGET_MS ? "yes" : "NO");
}

static void
print_end (Bench *b)
{
  double value = gtk_adjustment_get_value (b->vadjustment);
  double end = gtk_adjustment_get_upper (b->vadjustment)
               - gtk_adjustment_get_page_size (b->vadjustment);

  g_print ("    ended at %.0f of %.0f px: %s\n", value, end,
           value >= end - 0.5 ? "the last entry shown" : "NOT at the end");
}

static void
measure_scrolling (Bench *b,
                   guint  n_items)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (b->column_view));
  guint n_columns = g_list_model_get_n_items (columns);
  guint n_shown = 0;
  guint labels_start = count_labels (b->column_view), labels_end, labels_wheel;
  double page = gtk_adjustment_get_page_size (b->vadjustment);
  double wheel = pow (page, 2.0 / 3.0); /* what GtkScrolledWindow scrolls for a wheel click */
  g_autofree char *wheel_pass = g_strdup_printf ("wheel clicks from the middle, %.0f px each",
                                                 wheel);

  g_print ("\nScrolling (%.0f px shown; one step a frame, from a tick callback; %d steps "
           "a pass)\n", page, steps);
  run_pass (b, 0, 0);
  labels_end = count_labels (b->column_view);
  print_frames (b, "through the whole list, first entry to last");
  print_end (b);
  run_pass (b, (gtk_adjustment_get_upper (b->vadjustment) - page) / 2, wheel);
  labels_wheel = count_labels (b->column_view);
  print_frames (b, wheel_pass);
  g_print ("\nRow widgets (GtkInscription cells and GtkLabel titles in the column view, %u of "
           "them the column titles)\n",
           n_columns);
  g_print ("  %u at the start, %u after the whole list, %u after the wheel; for %u rows: %s\n",
           labels_start, labels_end, labels_wheel, n_items,
           MAX (labels_end, labels_wheel) <= 2 * labels_start ? "recycled" : "NOT recycled");
  /* A hidden column has no cells in GTK 4.8's rows. */
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      n_shown += gtk_column_view_column_get_visible (column) ? 1 : 0;
    }
  g_print ("  that is %u rows of cells (%u columns shown of %u) alive at the end, whatever the "
           "length of the list\n",
           count_cells (b->column_view) / MAX (n_shown, 1), n_shown, n_columns);
}

static void
print_memory (double before,
              double opened)
{
  double scrolled = bench_resident_mb ();

  g_print ("\nResident memory (resident set size from /proc/self/statm, Linux)\n");
  bench_print_rss ("window shown, no review", before, -1);
  bench_print_rss ("chronology open", opened, before);
  bench_print_rss ("after scrolling", scrolled, before);
  if (scrolled >= 0)
    g_print ("  target: under 150 MB for the chronology (%.1f MB): %s; the whole process, "
             "GTK included: %.1f MB\n", scrolled - before,
             scrolled - before < 150.0 ? "met" : "NOT met", scrolled);
}

/* Setting up */

static void
show_window (Bench *b)
{
  cw_application_load_style (); /* the table drawn as a person sees it */
  b->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b->window), 1240, 780);
  b->view = g_object_new (CW_TYPE_CHRONOLOGY_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (b->window), GTK_WIDGET (b->view));
  b->column_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (b->view),
                                                              CW_TYPE_CHRONOLOGY_VIEW,
                                                              "column_view"));
  b->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b->column_view));
  b->work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b->cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b->interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench_frames_show (&b->frames, "bench-chronology-scroll", b->window, on_frame, b);
}

static void
print_setting (Bench *b)
{
  bench_frames_print_display (&b->frames);
  g_print ("Window %dx%d; each figure: the median of %d runs, with the fastest and slowest\n",
           gtk_widget_get_width (b->window), gtk_widget_get_height (b->window), runs);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times the table is opened (5)", "N" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &steps, "Frames of each scroll pass (300)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Entries in the review (100000)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[DATABASE]");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CwStore) store = NULL;
  Bench b = { 0 };
  gint64 review_id = 0;
  double before, opened;

  cw_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || steps < 1
      || rows < 1)
    bench_fail ("bench-chronology-scroll", error);
  path = argc > 1 ? g_strdup (argv[1]) : bench_review_default_path ((guint) rows);
  if (!bench_review_ensure (path, (guint) rows, &review_id, NULL, &error))
    bench_fail ("Could not build the review", error);
  if ((store = cw_store_open (path, &error)) == NULL)
    bench_fail ("Could not open the database", error);
  gtk_init ();
  show_window (&b);
  print_setting (&b);
  before = bench_resident_mb ();
  measure_open (&b, store, review_id);
  opened = bench_resident_mb ();
  measure_scrolling (&b, g_list_model_get_n_items (G_LIST_MODEL (
                           cw_chronology_view_get_model (b.view))));
  print_memory (before, opened);
  gtk_window_destroy (GTK_WINDOW (b.window));
  g_array_unref (b.work_ms);
  g_array_unref (b.cpu_ms);
  g_array_unref (b.interval_ms);
  return EXIT_SUCCESS;
}

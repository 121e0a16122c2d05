/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the on-screen benchmarks share: a window presented, its frames
 * counted and timed, waiting for the next, and a stall that ends the run. */
#include "bench-frames.h"

#include <stdlib.h>
#include <time.h>

#define STALL_SECONDS 60

/* The processor time this thread has used, in ms; -1 where it cannot be
 * read. Beside the wall clock it says what a frame cost when other work
 * shares the processors. */
double
bench_thread_cpu_ms (void)
{
#ifdef CLOCK_THREAD_CPUTIME_ID
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
    return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
#endif
  return -1;
}

static void
on_before_paint (GdkFrameClock *clock,
                 BenchFrames   *f)
{
  f->frame_start = g_get_monotonic_time ();
  f->frame_cpu_start = bench_thread_cpu_ms ();
}

static void
on_after_paint (GdkFrameClock *clock,
                BenchFrames   *f)
{
  gint64 now = g_get_monotonic_time ();
  double cpu = bench_thread_cpu_ms ();

  f->frame_cpu_ms = cpu >= 0 && f->frame_cpu_start >= 0 ? cpu - f->frame_cpu_start : -1;
  f->paints++;
  f->last_paint = now;
  if (f->on_frame != NULL)
    f->on_frame (f->data, (double) (now - f->frame_start) / 1000.0, now);
}

/* A benchmark waiting for a frame that never comes would wait for ever. */
static gboolean
check_stalled (gpointer data)
{
  BenchFrames *f = data;

  if (f->last_paint != 0
      && g_get_monotonic_time () - f->last_paint > STALL_SECONDS * G_USEC_PER_SEC)
    {
      g_printerr ("%s: no frame for %d s, giving up\n", f->name, STALL_SECONDS);
      exit (EXIT_FAILURE);
    }
  return G_SOURCE_CONTINUE;
}

/* Presents @window, counts its frames from then on, and returns once the
 * first is painted and the window has settled. */
void
bench_frames_show (BenchFrames   *f,
                   const char    *name,
                   GtkWidget     *window,
                   BenchFrameFunc on_frame,
                   gpointer       data)
{
  GdkFrameClock *clock;

  f->name = name;
  f->window = window;
  f->on_frame = on_frame;
  f->data = data;
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), f);
  g_timeout_add_seconds (5, check_stalled, f);
  bench_frames_redraw (f);
  bench_settle (200);
}

/* Waits for the next frame to be painted. */
void
bench_frames_wait (BenchFrames *f)
{
  guint target = f->paints + 1;

  while (f->paints < target)
    g_main_context_iteration (NULL, TRUE);
}

/* The window drawn again, even when nothing in it changed. */
void
bench_frames_redraw (BenchFrames *f)
{
  gtk_widget_queue_draw (f->window);
  bench_frames_wait (f);
}

/* Lets the frame clock fall idle and pending work run, so the next frame
 * starts at once rather than at the next refresh: the time measured is then
 * the work. */
void
bench_settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The toolkit, display and renderer the figures were taken with. */
void
bench_frames_print_display (BenchFrames *f)
{
  GdkDisplay *display = gtk_widget_get_display (f->window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  const char *server = g_getenv ("CASEWISE_BENCH_DISPLAY");

  g_print ("%s: GTK %u.%u.%u, display %s (%s, %s), renderer %s\n", f->name,
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           gdk_display_get_name (display), G_OBJECT_TYPE_NAME (display),
           server ? server : "a display as given", G_OBJECT_TYPE_NAME (renderer));
}

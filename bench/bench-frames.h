/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A window's frames as the on-screen benchmarks count them. */
typedef struct _BenchFrames BenchFrames;

/* Called after each frame is painted with the time the frame took, from
 * the frame clock's before-paint to its after-paint, and when it ended. */
typedef void (*BenchFrameFunc) (gpointer data,
                                double   work_ms,
                                gint64   now);

struct _BenchFrames
{
  const char    *name;   /* the benchmark, for its messages */
  GtkWidget     *window;
  BenchFrameFunc on_frame;
  gpointer       data;
  guint          paints;
  gint64         last_paint;
  gint64         frame_start;
  double         frame_cpu_start; /* ms of this thread's processor time */
  double         frame_cpu_ms;    /* the last frame's, as on_frame is called */
};

void bench_frames_show          (BenchFrames   *f,
                                 const char    *name,
                                 GtkWidget     *window,
                                 BenchFrameFunc on_frame,
                                 gpointer       data);
void bench_frames_wait          (BenchFrames   *f);
void bench_frames_redraw        (BenchFrames   *f);
void bench_frames_print_display (BenchFrames   *f);
void bench_settle               (guint          ms);
double bench_thread_cpu_ms      (void);

G_END_DECLS

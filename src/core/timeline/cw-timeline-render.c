/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-timeline"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cw-timeline-private.h"

/* Drawing the timeline with cairo: the widget draws into its snapshot with
 * this, and files are drawn with this, so what is exported is what is
 * seen. Agencies are told apart by their lane, a colour from a
 * colour-blind-safe palette and a shape of their own (cw_timeline_lane_style());
 * significance by the mark's fill and size, not colour; an uncertain date by a hatched range, never a point. */

typedef struct
{
  double r, g, b;
} Colour;

typedef struct
{
  CwTimeline           *self;
  const CwTimelineFrame *view;
  cairo_t              *cr;
  PangoLayout          *text;
  Colour                fg, bg, grid, lane_bg;
  double                lane_height;
  double                top;  /* of the first lane */
  double                bottom; /* of the lanes: the legend is below */
  gboolean             *visible;
  guint                *row_of_lane; /* visible lanes' places */
  Colour               *colours;     /* of each lane */
  CwTimelineMark       *marks;
} Paint;

static void
set_colour (cairo_t      *cr,
            const Colour *colour,
            double        alpha)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, alpha);
}

/* Lanes */

static guint
n_visible (CwTimeline *self)
{
  guint n = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    n += ((CwTimelineLane *) self->lanes->pdata[i])->visible;
  return n;
}

/**
 * cw_timeline_n_lanes_shown:
 *
 * Returns: the lanes drawn: the agencies shown, and the child's context
 *   when there are periods
 */
guint
cw_timeline_n_lanes_shown (CwTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return n_visible (self) + cw_timeline_has_context (self);
}

double
cw_timeline_lane_height (CwTimeline           *self,
                         const CwTimelineFrame *view)
{
  double top = CW_TIMELINE_AXIS + (view->title ? 28.0 : 0.0);
  guint n = MAX (cw_timeline_n_lanes_shown (self), 1);

  /* Room for the stacked rows, but no more than the height allows: a
   * review of a dozen agencies still has every lane in sight, one row of
   * marks each, down to CW_TIMELINE_MIN_LANE_HEIGHT. */
  return CLAMP ((view->height - top - 8 - view->legend) / n, CW_TIMELINE_MIN_LANE_HEIGHT,
                12.0 + CW_TIMELINE_ROWS * 16.0);
}

/**
 * cw_timeline_rows:
 *
 * Returns: the rows of marks a lane has room for: where more crowd
 *   together, they are counted
 */
guint
cw_timeline_rows (CwTimeline            *self,
                  const CwTimelineFrame *view)
{
  return (guint) CLAMP ((cw_timeline_lane_height (self, view) - 8) / 16.0, 1, CW_TIMELINE_ROWS);
}

/* Where an item's mark is drawn, across and down. */
double
cw_timeline_item_y (CwTimeline            *self,
                    const CwTimelineFrame *view,
                    const CwTimelineItem  *item)
{
  double lane_height = cw_timeline_lane_height (self, view);
  double y = cw_timeline_lane_y (self, view, item->lane);
  guint rows = cw_timeline_rows (self, view);

  if (item->kind == CW_TIMELINE_ITEM_CLUSTER || rows == 1)
    return y + lane_height / 2;
  return y + 10 + (item->row % rows) * ((lane_height - 20) / (rows - 1));
}

double
cw_timeline_item_x (const CwTimelineItem *item)
{
  if (item->kind == CW_TIMELINE_ITEM_CLUSTER)
    return item->x0 + CW_TIMELINE_CLUSTER / 2;
  return item->x1 - item->x0 > 12 ? (item->x0 + item->x1) / 2 : item->x0;
}

/**
 * cw_timeline_lane_y:
 *
 * Returns: the top of the lane, or -1 when it is hidden
 */
double
cw_timeline_lane_y (CwTimeline           *self,
                    const CwTimelineFrame *view,
                    guint                 lane)
{
  double top = CW_TIMELINE_AXIS + (view->title ? 28.0 : 0.0);
  guint place = 0;

  g_return_val_if_fail (self != NULL && lane < self->lanes->len, -1);

  if (!((CwTimelineLane *) self->lanes->pdata[lane])->visible)
    return -1;
  place = cw_timeline_has_context (self);
  for (guint i = 0; i < lane; i++)
    place += ((CwTimelineLane *) self->lanes->pdata[i])->visible;
  return top + place * cw_timeline_lane_height (self, view);
}

static gboolean *
visible_lanes (CwTimeline *self)
{
  gboolean *visible = g_new0 (gboolean, MAX (self->lanes->len, 1));

  for (guint i = 0; i < self->lanes->len; i++)
    visible[i] = ((CwTimelineLane *) self->lanes->pdata[i])->visible;
  return visible;
}

/**
 * cw_timeline_place:
 *
 * Returns: (transfer full) (element-type CwTimelineItem): what the view
 *   shows, with x from the left of the drawing
 */
GArray *
cw_timeline_place (CwTimeline           *self,
                   const CwTimelineFrame *view)
{
  g_autofree gboolean *visible = visible_lanes (self);
  GArray *items = cw_timeline_layout_place (self->layout, &view->scale,
                                            view->width - CW_TIMELINE_LANE_LABELS, visible,
                                            cw_timeline_rows (self, view));

  for (guint i = 0; i < items->len; i++)
    {
      CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      item->x0 += CW_TIMELINE_LANE_LABELS;
      item->x1 += CW_TIMELINE_LANE_LABELS;
    }
  return items;
}

/* Text */

static double
measure (const char *text,
         gpointer    data)
{
  PangoLayout *layout = data;
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Text as it may be drawn: anonymised when the view says so. */
static char *
drawn_text (Paint      *p,
            const char *text)
{
  if (p->view->redactor != NULL)
    return cw_redactor_redact (p->view->redactor, text);
  return g_strdup (text ? text : "");
}

/* Text as it may be drawn, on one line of @width, in whole words. */
static char *
fitted_text (Paint      *p,
             const char *text,
             double      width)
{
  g_autofree char *drawn = drawn_text (p, text);

  return cw_timeline_fit_label (drawn, NULL, width, 1, measure, p->text);
}

static void
draw_text (Paint      *p,
           double      x,
           double      y,
           const char *text,
           double      max_width)
{
  pango_layout_set_text (p->text, text, -1);
  pango_layout_set_width (p->text, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (p->text, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->text);
  pango_layout_set_width (p->text, -1);
  pango_layout_set_ellipsize (p->text, PANGO_ELLIPSIZE_NONE);
}

/* The parts */

static void
draw_axis (Paint *p)
{
  cairo_t *cr = p->cr;
  double top = p->top - CW_TIMELINE_AXIS;
  double height = p->bottom;
  CwTimelineScale scale = p->view->scale;
  GArray *ticks;

  ticks = cw_timeline_ticks (&scale, p->view->width - CW_TIMELINE_LANE_LABELS, measure, p->text,
                             NULL);
  for (guint i = 0; i < ticks->len; i++)
    {
      const CwTimelineTick *tick = &g_array_index (ticks, CwTimelineTick, i);
      double x = floor (tick->x + CW_TIMELINE_LANE_LABELS) + 0.5;

      if (x < CW_TIMELINE_LANE_LABELS)
        continue;
      set_colour (cr, &p->grid, 1.0);
      cairo_move_to (cr, x, top + 22);
      cairo_line_to (cr, x, height);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      set_colour (cr, &p->fg, 0.85);
      draw_text (p, x + 3, top + 6, tick->label, -1);
    }
  cw_timeline_ticks_free (ticks);
}

/* A regular polygon of @n corners, the first at @angle (in degrees). */
static void
polygon (cairo_t *cr,
         double   x,
         double   y,
         double   r,
         guint    n,
         double   angle)
{
  for (guint i = 0; i < n; i++)
    {
      double a = (angle + 360.0 * i / n) * G_PI / 180.0;
      if (i == 0)
        cairo_move_to (cr, x + r * cos (a), y + r * sin (a));
      else
        cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

/* A plus of arms @r long and @r / 3 wide, turned by @angle. */
static void
plus (cairo_t *cr,
      double   x,
      double   y,
      double   r,
      double   angle)
{
  static const double corners[][2] = { { -1, -3 }, { 1, -3 }, { 1, -1 }, { 3, -1 }, { 3, 1 },
                                       { 1, 1 },   { 1, 3 },  { -1, 3 }, { -1, 1 }, { -3, 1 },
                                       { -3, -1 }, { -1, -1 } };
  double c = cos (angle * G_PI / 180), s = sin (angle * G_PI / 180);

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double px = corners[i][0] * r / 3, py = corners[i][1] * r / 3;
      cairo_line_to (cr, x + px * c - py * s, y + px * s + py * c);
    }
  cairo_close_path (cr);
}

/* A lane's mark, centred on (@x, @y), reaching @r from it (at most
 * CW_TIMELINE_MARK_RADIUS). */
static void
mark_path (cairo_t        *cr,
           double          x,
           double          y,
           double          r,
           CwTimelineMark  mark)
{
  cairo_new_sub_path (cr);
  switch (mark)
    {
    case CW_TIMELINE_MARK_SQUARE:
      polygon (cr, x, y, r * 1.2, 4, 45);
      break;
    case CW_TIMELINE_MARK_TRIANGLE:
      polygon (cr, x, y + r * 0.15, r * 1.15, 3, -90);
      break;
    case CW_TIMELINE_MARK_DIAMOND:
      polygon (cr, x, y, r * 1.25, 4, 0);
      break;
    case CW_TIMELINE_MARK_TRIANGLE_DOWN:
      polygon (cr, x, y - r * 0.15, r * 1.15, 3, 90);
      break;
    case CW_TIMELINE_MARK_PENTAGON:
      polygon (cr, x, y, r * 1.1, 5, -90);
      break;
    case CW_TIMELINE_MARK_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = (-90 + 36.0 * i) * G_PI / 180, l = i % 2 ? r * 0.55 : r * 1.25;
          cairo_line_to (cr, x + l * cos (a), y + l * sin (a));
        }
      cairo_close_path (cr);
      break;
    case CW_TIMELINE_MARK_HEXAGON:
      polygon (cr, x, y, r * 1.1, 6, 0);
      break;
    case CW_TIMELINE_MARK_PLUS:
      plus (cr, x, y, r * 1.2, 0);
      break;
    case CW_TIMELINE_MARK_CROSS:
      plus (cr, x, y, r * 1.25, 45);
      break;
    case CW_TIMELINE_MARK_TRIANGLE_RIGHT:
      polygon (cr, x - r * 0.15, y, r * 1.15, 3, 0);
      break;
    case CW_TIMELINE_MARK_TRIANGLE_LEFT:
      polygon (cr, x + r * 0.15, y, r * 1.15, 3, 180);
      break;
    case CW_TIMELINE_MARK_HOURGLASS:
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_line_to (cr, x + r, y + r);
      cairo_close_path (cr);
      break;
    case CW_TIMELINE_MARK_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A mark by significance: routine hollow, significant filled, key larger,
 * filled and ringed in the text's colour. */
static void
draw_styled_mark (Paint                *p,
                  double                x,
                  double                y,
                  const Colour         *colour,
                  CwTimelineMark        mark,
                  CwChronoSignificance  significance)
{
  cairo_t *cr = p->cr;
  double r = significance == CW_CHRONO_SIGNIFICANCE_KEY ? 5.6
             : significance == CW_CHRONO_SIGNIFICANCE_SIGNIFICANT ? 4.6 : 4.2;

  cairo_new_path (cr);
  mark_path (cr, x, y, r, mark);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (significance == CW_CHRONO_SIGNIFICANCE_ROUTINE)
    {
      set_colour (cr, &p->bg, 1.0);
      cairo_fill_preserve (cr);
      set_colour (cr, colour, 1.0);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
      return;
    }
  set_colour (cr, colour, 1.0);
  cairo_fill_preserve (cr);
  if (significance == CW_CHRONO_SIGNIFICANCE_KEY)
    {
      set_colour (cr, &p->fg, 1.0);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
draw_mark (Paint                *p,
           double                x,
           double                y,
           guint                 lane,
           CwChronoSignificance  significance)
{
  draw_styled_mark (p, x, y, &p->colours[lane], p->marks[lane], significance);
}

#define LINE_HEIGHT 14.0 /* of a label's line, Sans 9 */

/* A lane's name as it fits its room: the name (anonymised when drawn so),
 * else the short name, else wrapped, shortened by words, or initials. */
static char *
lane_label (Paint                *p,
            const CwTimelineLane *lane)
{
  g_autofree char *name = drawn_text (p, lane->name);
  g_autofree char *short_name = lane->short_name ? drawn_text (p, lane->short_name) : NULL;
  guint lines = (guint) CLAMP ((p->lane_height - 4) / LINE_HEIGHT, 1, 3);

  return cw_timeline_fit_label (name, short_name, CW_TIMELINE_LANE_LABELS - 26, lines, measure,
                                p->text);
}

/* Lines of text, centred down a lane from @y, @height high */
static void
draw_label (Paint      *p,
            double      x,
            double      y,
            double      height,
            const char *text)
{
  int lines_height;

  pango_layout_set_text (p->text, text, -1);
  pango_layout_get_pixel_size (p->text, NULL, &lines_height);
  cairo_move_to (p->cr, x, y + (height - lines_height) / 2);
  pango_cairo_show_layout (p->cr, p->text);
}

static void
draw_lanes (Paint *p)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < p->self->lanes->len; i++)
    {
      CwTimelineLane *lane = p->self->lanes->pdata[i];
      double y = cw_timeline_lane_y (p->self, p->view, i);
      g_autofree char *name = NULL;

      if (y < 0)
        continue;
      if (p->row_of_lane[i] % 2 == 0)
        {
          set_colour (cr, &p->lane_bg, 1.0);
          cairo_rectangle (cr, 0, y, p->view->width, p->lane_height);
          cairo_fill (cr);
        }
      draw_mark (p, 11, y + p->lane_height / 2, i, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
      set_colour (cr, &p->fg, 1.0);
      name = lane_label (p, lane);
      draw_label (p, 20, y, p->lane_height, name);
    }
}

/* The child's context: each period a labelled bar in the top lane. */
static void
draw_context (Paint *p)
{
  cairo_t *cr = p->cr;
  GArray *periods = p->self->periods;
  double y = p->top;

  /* Two rows of bars, their labels on them, where the lane is tall
   * enough for two lines; else one. */
  guint rows = p->lane_height >= 2 * LINE_HEIGHT + 10 ? 2 : 1;
  double row_height = (p->lane_height - 8) / rows;

  if (periods->len == 0)
    return;
  {
    g_autofree char *name = cw_timeline_fit_label (_("Child’s context"), NULL,
                                                   CW_TIMELINE_LANE_LABELS - 26, 1, measure,
                                                   p->text);
    set_colour (cr, &p->fg, 1.0);
    draw_label (p, 20, y, p->lane_height, name);
  }
  /* Each period in the first row free where it starts (periods come in
   * the order they start), else in the row that frees soonest: periods
   * that overlap go in different rows where there are two. */
  g_autofree guint *row_of = g_new0 (guint, periods->len);
  double row_free[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < periods->len; i++)
    {
      const CwTimelinePeriod *period = &g_array_index (periods, CwTimelinePeriod, i);
      double x0 = cw_timeline_scale_x (&p->view->scale, period->first);
      double x1 = cw_timeline_scale_x (&p->view->scale, period->last);
      guint r = 0;

      for (guint k = 0; k < rows; k++)
        if (row_free[k] <= x0 || row_free[k] < row_free[r])
          {
            r = k;
            if (row_free[k] <= x0)
              break;
          }
      row_of[i] = r;
      row_free[r] = MAX (row_free[r], MAX (x1, x0 + CW_TIMELINE_BAND_LABEL));
    }
  for (guint i = 0; i < periods->len; i++)
    {
      const CwTimelinePeriod *period = &g_array_index (periods, CwTimelinePeriod, i);
      double x0 = MAX (CW_TIMELINE_LANE_LABELS,
                       cw_timeline_scale_x (&p->view->scale, period->first)
                         + CW_TIMELINE_LANE_LABELS);
      double x1 = cw_timeline_scale_x (&p->view->scale, period->last) + CW_TIMELINE_LANE_LABELS;
      double row = y + 4 + row_of[i] * row_height;
      double room = p->view->width, next = p->view->width;
      g_autofree char *label = NULL;

      if (x1 <= x0 || x0 > p->view->width)
        continue;
      cairo_rectangle (cr, x0, row, x1 - x0, row_height - 2);
      cairo_set_source_rgba (cr, 0.45, 0.35, 0.7, p->view->dark ? 0.55 : 0.3);
      cairo_fill (cr);
      /* The label may go on past a short bar, and never past where the
       * next period in its row starts (its own label begins there). */
      for (guint j = i + 1; j < periods->len; j++)
        if (row_of[j] == row_of[i])
          {
            next = cw_timeline_scale_x (&p->view->scale,
                                        g_array_index (periods, CwTimelinePeriod, j).first)
                   + CW_TIMELINE_LANE_LABELS;
            break;
          }
      room = MIN (next, MAX (x1, x0 + CW_TIMELINE_BAND_LABEL)) - x0 - 8;
      if (room < 22)
        continue;
      label = fitted_text (p, period->label, room);
      set_colour (cr, &p->fg, 1.0);
      draw_text (p, x0 + 4, row + (row_height - 2 - LINE_HEIGHT) / 2 - 1, label, -1);
    }
}

/* No agency contact: a tinted band across every lane, said in words. */
static void
draw_gaps (Paint *p)
{
  cairo_t *cr = p->cr;
  GArray *gaps = p->self->gaps;

  for (guint i = 0; i + 1 < gaps->len; i += 2)
    {
      double x0 = cw_timeline_scale_x (&p->view->scale, g_array_index (gaps, double, i))
                  + CW_TIMELINE_LANE_LABELS;
      double x1 = cw_timeline_scale_x (&p->view->scale, g_array_index (gaps, double, i + 1))
                  + CW_TIMELINE_LANE_LABELS;
      g_autofree char *text = NULL;

      x0 = MAX (x0, CW_TIMELINE_LANE_LABELS);
      if (x1 <= x0 || x0 > p->view->width)
        continue;
      cairo_set_source_rgba (cr, 0.9, 0.6, 0.1, p->view->dark ? 0.16 : 0.12);
      cairo_rectangle (cr, x0, p->top, x1 - x0, p->bottom - p->top);
      cairo_fill (cr);
      if (x1 - x0 < 60)
        continue;
      {
        guint days = (guint) (g_array_index (gaps, double, i + 1)
                              - g_array_index (gaps, double, i));
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No contact: %u day",
                                             "No contact: %u days", days), days);
      }
      {
        g_autofree char *fitted = cw_timeline_fit_label (text, NULL, x1 - x0 - 8, 1, measure,
                                                         p->text);
        cairo_set_source_rgba (cr, 0.7, 0.4, 0.0, 1.0);
        draw_text (p, x0 + 4, p->top + 2, fitted, -1);
      }
    }
}

#define mark_x(item) cw_timeline_item_x (item)
#define item_y(p, item) cw_timeline_item_y ((p)->self, (p)->view, (item))

/* An uncertain date: the range it may fall in, hatched, with no point. */
static void
draw_range (Paint                *p,
            const CwTimelineItem *item,
            const Colour         *colour,
            double                y)
{
  cairo_t *cr = p->cr;
  double x0 = MAX (item->x0, CW_TIMELINE_LANE_LABELS - 2), x1 = MAX (item->x1, x0 + 4);

  cairo_save (cr);
  cairo_rectangle (cr, x0, y - 5, x1 - x0, 10);
  set_colour (cr, colour, 0.18);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  for (double h = x0 - 10; h < x1; h += 5)
    {
      cairo_move_to (cr, h, y + 5);
      cairo_line_to (cr, h + 10, y - 5);
    }
  set_colour (cr, colour, 0.55);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_reset_clip (cr);
  cairo_rectangle (cr, x0 + 0.5, y - 4.5, x1 - x0 - 1, 9);
  cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
  set_colour (cr, colour, item->significance == CW_CHRONO_SIGNIFICANCE_ROUTINE ? 0.7 : 1.0);
  cairo_set_line_width (cr, item->significance == CW_CHRONO_SIGNIFICANCE_KEY ? 2.5 : 1.2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
also_selected (const CwTimelineFrame *view,
               gint64                 id)
{
  return view->n_also_selected > 0
         && bsearch (&id, view->also_selected, view->n_also_selected, sizeof (gint64),
                     compare_ids) != NULL;
}

static void
draw_event (Paint                *p,
            const CwTimelineItem *item)
{
  cairo_t *cr = p->cr;
  const CwTimelineEvent *event = cw_timeline_layout_get_event (p->self->layout, item->event);
  const Colour *colour = &p->colours[item->lane];
  double y = item_y (p, item);

  double x = item->x0;

  if (item->x1 < CW_TIMELINE_LANE_LABELS)
    return;
  if (event->uncertain)
    draw_range (p, item, colour, y);
  else
    {
      /* A day seen by the hour: the day, plainly, and the mark in it. */
      if (item->x1 - item->x0 > 12)
        {
          cairo_rectangle (cr, item->x0, y - 3, item->x1 - item->x0, 6);
          set_colour (cr, colour, 0.25);
          cairo_fill (cr);
          x = (item->x0 + item->x1) / 2;
        }
      draw_mark (p, x, y, item->lane, event->significance);
    }
  if (event->id == p->view->selected || also_selected (p->view, event->id))
    {
      cairo_new_path (cr);
      cairo_arc (cr, event->uncertain ? MAX (item->x0, CW_TIMELINE_LANE_LABELS) + 2 : x, y, 10, 0,
                 2 * G_PI);
      set_colour (cr, &p->fg, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
draw_cluster (Paint                *p,
              const CwTimelineItem *item)
{
  cairo_t *cr = p->cr;
  const Colour *colour = &p->colours[item->lane];
  double y = cw_timeline_lane_y (p->self, p->view, item->lane) + p->lane_height / 2;
  g_autofree char *count = g_strdup_printf ("%u", item->count);
  double width = MAX (measure (count, p->text) + 8, 18);

  width = MIN (width, CW_TIMELINE_CLUSTER);
  cairo_new_path (cr);
  cairo_rectangle (cr, item->x0, y - 9, width, 18);
  set_colour (cr, colour, item->significance == CW_CHRONO_SIGNIFICANCE_ROUTINE ? 0.3 : 0.5);
  cairo_fill_preserve (cr);
  set_colour (cr, &p->fg, item->significance == CW_CHRONO_SIGNIFICANCE_KEY ? 1.0 : 0.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  set_colour (cr, &p->fg, 1.0);
  draw_text (p, item->x0 + 4, y - 9, count, -1);
}

/* Reports of one happening joined by a line; dashed, with ≠, when their
 * dates cannot be the same day. */
static void
draw_links (Paint  *p,
            GArray *items)
{
  g_autoptr (GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
  cairo_t *cr = p->cr;

  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      const CwTimelineEvent *event = cw_timeline_layout_get_event (p->self->layout, item->event);
      const CwTimelineItem *other;

      if (item->kind != CW_TIMELINE_ITEM_EVENT || event->link_group == 0)
        continue;
      other = g_hash_table_lookup (first, &event->link_group);
      if (other == NULL)
        {
          g_hash_table_insert (first, (gpointer) &event->link_group, (gpointer) item);
          continue;
        }
      cairo_move_to (cr, mark_x (other), item_y (p, other));
      cairo_line_to (cr, mark_x (item), item_y (p, item));
      cairo_set_source_rgba (cr, event->conflict ? 0.8 : p->fg.r, event->conflict ? 0.1 : p->fg.g,
                             event->conflict ? 0.1 : p->fg.b, 0.8);
      cairo_set_dash (cr, (double[]) { 4, 3 }, event->conflict ? 2 : 0, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (event->conflict)
        draw_text (p, (mark_x (other) + mark_x (item)) / 2 + 4,
                   (item_y (p, other) + item_y (p, item)) / 2 - 9, "≠", -1);
    }
}

static void
draw_span (Paint *p)
{
  const CwTimelineFrame *view = p->view;
  double x0, x1;

  if (view->span_from == view->span_to)
    return;
  x0 = cw_timeline_scale_x (&view->scale, MIN (view->span_from, view->span_to))
       + CW_TIMELINE_LANE_LABELS;
  x1 = cw_timeline_scale_x (&view->scale, MAX (view->span_from, view->span_to))
       + CW_TIMELINE_LANE_LABELS;
  cairo_rectangle (p->cr, x0, p->top, x1 - x0, p->bottom - p->top);
  cairo_set_source_rgba (p->cr, 0.2, 0.5, 0.9, 0.2);
  cairo_fill (p->cr);
}

/* Key practice episodes: a tinted band across every lane, edged where it
 * starts and ends in view, named at the foot of the axis. */
static void
draw_bands (Paint *p)
{
  const CwTimelineFrame *view = p->view;
  GArray *bands = p->self->bands;
  g_autoptr (GArray) places = NULL;
  const Colour tint = view->dark ? (Colour) { 0.72, 0.6, 0.95 } : (Colour) { 0.42, 0.25, 0.7 };
  cairo_t *cr = p->cr;
  double top = p->top - CW_TIMELINE_AXIS + 22;

  places = cw_timeline_place_bands (&view->scale, view->width - CW_TIMELINE_LANE_LABELS,
                                    (const CwTimelineBand *) bands->data, bands->len);
  for (guint i = 0; i < places->len; i++)
    {
      const CwTimelineBandPlace *place = &g_array_index (places, CwTimelineBandPlace, i);
      const CwTimelineBand *band = &g_array_index (bands, CwTimelineBand, place->band);
      double x0 = place->x0 + CW_TIMELINE_LANE_LABELS, x1 = place->x1 + CW_TIMELINE_LANE_LABELS;
      g_autofree char *label = NULL;

      cairo_rectangle (cr, x0, top, x1 - x0, p->bottom - top);
      set_colour (cr, &tint, view->dark ? 0.22 : 0.14);
      cairo_fill (cr);
      set_colour (cr, &tint, 0.8);
      cairo_set_line_width (cr, 1.5);
      if (!place->cut_start)
        {
          cairo_move_to (cr, x0 + 0.75, top);
          cairo_line_to (cr, x0 + 0.75, p->bottom);
        }
      if (!place->cut_end)
        {
          cairo_move_to (cr, x1 - 0.75, top);
          cairo_line_to (cr, x1 - 0.75, p->bottom);
        }
      cairo_stroke (cr);
      if (band->label == NULL)
        continue;
      label = fitted_text (p, band->label, MAX (x1 - x0 - 6, CW_TIMELINE_BAND_LABEL - 6));
      set_colour (cr, &tint, 1.0);
      draw_text (p, x0 + 4, top + 2 + place->row * 14, label, -1);
    }
}

static void
paint_init (Paint                *p,
            CwTimeline           *self,
            const CwTimelineFrame *view,
            cairo_t              *cr)
{
  static const Colour light_fg = { 0.13, 0.13, 0.13 }, dark_fg = { 0.93, 0.93, 0.93 };
  static const Colour light_bg = { 1, 1, 1 }, dark_bg = { 0.14, 0.14, 0.15 };
  guint place = 0;

  p->self = self;
  p->view = view;
  p->cr = cr;
  p->fg = view->dark ? dark_fg : light_fg;
  p->bg = view->dark ? dark_bg : light_bg;
  p->grid = view->dark ? (Colour) { 0.3, 0.3, 0.32 } : (Colour) { 0.86, 0.86, 0.86 };
  p->lane_bg = view->dark ? (Colour) { 0.18, 0.18, 0.2 } : (Colour) { 0.965, 0.965, 0.97 };
  p->text = pango_cairo_create_layout (cr);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
    pango_layout_set_font_description (p->text, font);
    pango_font_description_free (font);
  }
  p->lane_height = cw_timeline_lane_height (self, view);
  p->top = CW_TIMELINE_AXIS + (view->title ? 28.0 : 0.0);
  p->bottom = view->height - view->legend;
  p->visible = visible_lanes (self);
  p->row_of_lane = g_new0 (guint, MAX (self->lanes->len, 1));
  p->colours = g_new0 (Colour, MAX (self->lanes->len, 1));
  p->marks = g_new0 (CwTimelineMark, MAX (self->lanes->len, 1));
  for (guint i = 0; i < self->lanes->len; i++)
    {
      CwTimelineLaneStyle style;

      cw_timeline_lane_style (self, i, &style);
      p->colours[i] = (Colour) { style.red, style.green, style.blue };
      p->marks[i] = style.mark;
      if (p->visible[i])
        p->row_of_lane[i] = place++;
    }
}


static void
paint_clear (Paint *p)
{
  g_object_unref (p->text);
  g_free (p->visible);
  g_free (p->row_of_lane);
  g_free (p->colours);
  g_free (p->marks);
}

/* The legend */

#define LEGEND_SWATCH 22.0 /* the sample drawn before an entry's words */
#define LEGEND_GAP    18.0 /* between entries */

static void
hatch (cairo_t      *cr,
       double        x,
       double        y,
       double        width,
       double        height,
       const Colour *colour)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  set_colour (cr, colour, 0.18);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  for (double h = x - height; h < x + width; h += 5)
    {
      cairo_move_to (cr, h, y + height);
      cairo_line_to (cr, h + height, y);
    }
  set_colour (cr, colour, 0.7);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* An entry's sample, centred down on @y, from @x. */
static void
draw_swatch (Paint                       *p,
             const CwTimelineLegendEntry *entry,
             double                       x,
             double                       y)
{
  static const Colour grey = { 0.45, 0.45, 0.45 };
  cairo_t *cr = p->cr;

  switch (entry->kind)
    {
    case CW_TIMELINE_LEGEND_AGENCY:
      draw_mark (p, x + 8, y, entry->lane, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
      break;
    case CW_TIMELINE_LEGEND_ROUTINE:
      draw_styled_mark (p, x + 8, y, &grey, CW_TIMELINE_MARK_CIRCLE,
                        CW_CHRONO_SIGNIFICANCE_ROUTINE);
      break;
    case CW_TIMELINE_LEGEND_SIGNIFICANT:
      draw_styled_mark (p, x + 8, y, &grey, CW_TIMELINE_MARK_CIRCLE,
                        CW_CHRONO_SIGNIFICANCE_SIGNIFICANT);
      break;
    case CW_TIMELINE_LEGEND_KEY:
      draw_styled_mark (p, x + 8, y, &grey, CW_TIMELINE_MARK_CIRCLE,
                        CW_CHRONO_SIGNIFICANCE_KEY);
      break;
    case CW_TIMELINE_LEGEND_CLUSTER:
      cairo_rectangle (cr, x, y - 8, 18, 16);
      set_colour (cr, &grey, 0.35);
      cairo_fill (cr);
      set_colour (cr, &p->fg, 1.0);
      draw_text (p, x + 5, y - 8, "3", -1);
      break;
    case CW_TIMELINE_LEGEND_UNCERTAIN:
      hatch (cr, x, y - 5, 18, 10, &grey);
      break;
    case CW_TIMELINE_LEGEND_GAP:
      cairo_rectangle (cr, x, y - 8, 18, 16);
      cairo_set_source_rgba (cr, 0.9, 0.6, 0.1, p->view->dark ? 0.3 : 0.25);
      cairo_fill (cr);
      break;
    case CW_TIMELINE_LEGEND_BAND:
      cairo_rectangle (cr, x, y - 8, 18, 16);
      cairo_set_source_rgba (cr, 0.42, 0.25, 0.7, 0.22);
      cairo_fill (cr);
      break;
    case CW_TIMELINE_LEGEND_PERIOD:
      cairo_rectangle (cr, x, y - 4, 18, 8);
      cairo_set_source_rgba (cr, 0.45, 0.35, 0.7, p->view->dark ? 0.55 : 0.3);
      cairo_fill (cr);
      break;
    case CW_TIMELINE_LEGEND_LINK:
    case CW_TIMELINE_LEGEND_CONFLICT:
      {
        gboolean conflict = entry->kind == CW_TIMELINE_LEGEND_CONFLICT;

        cairo_move_to (cr, x, y + 4);
        cairo_line_to (cr, x + 18, y - 4);
        if (conflict)
          cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.8);
        else
          set_colour (cr, &p->fg, 0.8);
        cairo_set_dash (cr, (double[]) { 4, 3 }, conflict ? 2 : 0, 0);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case CW_TIMELINE_LEGEND_HEADING:
    default:
      break;
    }
}

/* Lays out (and when @draw, draws) the legend from @top: each group a
 * heading and its entries, wrapped at the width in whole entries.
 * Returns its height. */
static double
legend (Paint   *p,
        double   top,
        gboolean draw)
{
  g_autoptr (GArray) entries = cw_timeline_legend_entries (p->self, p->view->redactor);
  double left = 12, right = p->view->width - 12, heading_width = 0;
  double x = left, y = top + 10;
  PangoFontDescription *bold = pango_font_description_from_string ("Sans Bold 9");
  PangoFontDescription *plain = pango_font_description_copy (
    pango_layout_get_font_description (p->text));

  /* The headings in a column of their own */
  pango_layout_set_font_description (p->text, bold);
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, CwTimelineLegendEntry, i).kind == CW_TIMELINE_LEGEND_HEADING)
      heading_width = MAX (heading_width,
                           measure (g_array_index (entries, CwTimelineLegendEntry, i).text,
                                    p->text));
  if (draw)
    {
      set_colour (p->cr, &p->grid, 1.0);
      cairo_set_line_width (p->cr, 1);
      cairo_move_to (p->cr, 0, floor (top) + 0.5);
      cairo_line_to (p->cr, p->view->width, floor (top) + 0.5);
      cairo_stroke (p->cr);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const CwTimelineLegendEntry *entry = &g_array_index (entries, CwTimelineLegendEntry, i);
      double width;

      if (entry->kind == CW_TIMELINE_LEGEND_HEADING)
        {
          if (i > 0)
            y += LINE_HEIGHT + 8;
          pango_layout_set_font_description (p->text, bold);
          if (draw)
            {
              set_colour (p->cr, &p->fg, 1.0);
              draw_text (p, left, y, entry->text, -1);
            }
          pango_layout_set_font_description (p->text, plain);
          x = left + heading_width + LEGEND_GAP;
          continue;
        }
      width = LEGEND_SWATCH + measure (entry->text, p->text);
      if (x + width > right && x > left + heading_width + LEGEND_GAP)
        {
          x = left + heading_width + LEGEND_GAP;
          y += LINE_HEIGHT + 6;
        }
      if (draw)
        {
          draw_swatch (p, entry, x, y + LINE_HEIGHT / 2 + 1);
          set_colour (p->cr, &p->fg, 1.0);
          draw_text (p, x + LEGEND_SWATCH, y, entry->text, -1);
        }
      x += width + LEGEND_GAP;
    }
  pango_layout_set_font_description (p->text, plain);
  pango_font_description_free (bold);
  pango_font_description_free (plain);
  return y + LINE_HEIGHT + 12 - top;
}

/**
 * cw_timeline_legend_height:
 *
 * Returns: the height the legend needs at the foot of @view, at its
 *   width: set it as the frame's legend to draw one
 */
double
cw_timeline_legend_height (CwTimeline            *self,
                           const CwTimelineFrame *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Paint p;
  double height;

  g_return_val_if_fail (self != NULL && view != NULL, 0);

  paint_init (&p, self, view, cr);
  height = legend (&p, 0, FALSE);
  paint_clear (&p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/**
 * cw_timeline_render:
 * @cr: where to draw, from (0, 0) to the view's width and height
 *
 * Draws what @view shows: lanes, axis, gaps, the bands of episodes,
 * events, links, the span being chosen, and the selection.
 */
void
cw_timeline_render (CwTimeline           *self,
                    const CwTimelineFrame *view,
                    cairo_t              *cr)
{
  Paint p;
  g_autoptr (GArray) items = NULL;

  g_return_if_fail (self != NULL && view != NULL && cr != NULL);

  paint_init (&p, self, view, cr);
  cairo_save (cr);
  set_colour (cr, &p.bg, 1.0);
  cairo_paint (cr);
  if (view->title != NULL)
    {
      g_autofree char *title = drawn_text (&p, view->title);
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 11");
      PangoFontDescription *plain = pango_font_description_copy (
        pango_layout_get_font_description (p.text));

      g_autofree char *fitted = NULL;

      pango_layout_set_font_description (p.text, font);
      fitted = cw_timeline_fit_label (title, NULL, view->width - 24, 1, measure, p.text);
      set_colour (cr, &p.fg, 1.0);
      draw_text (&p, 12, 5, fitted, -1);
      pango_layout_set_font_description (p.text, plain);
      pango_font_description_free (font);
      pango_font_description_free (plain);
    }
  draw_lanes (&p);
  draw_axis (&p);
  draw_context (&p);
  draw_gaps (&p);
  draw_bands (&p);
  draw_span (&p);
  cairo_rectangle (cr, CW_TIMELINE_LANE_LABELS - 12, 0, view->width, p.bottom);
  cairo_clip (cr);
  items = cw_timeline_place (self, view);
  draw_links (&p, items);
  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      if (item->kind == CW_TIMELINE_ITEM_CLUSTER)
        draw_cluster (&p, item);
      else
        draw_event (&p, item);
    }
  cairo_restore (cr);
  if (view->legend > 0)
    legend (&p, p.bottom, TRUE);
  paint_clear (&p);
}

/**
 * cw_timeline_hit:
 * @event: (out) (optional): the event's index in the layout
 *
 * Returns: the id of the entry drawn at (@x, @y), or 0
 */
gint64
cw_timeline_hit (CwTimeline            *self,
                 const CwTimelineFrame *view,
                 double                 x,
                 double                 y,
                 guint                 *event)
{
  g_autoptr (GArray) items = cw_timeline_place (self, view);
  double best = 12.0;
  gint64 found = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const CwTimelineItem *item = &g_array_index (items, CwTimelineItem, i);
      double x0 = item->kind == CW_TIMELINE_ITEM_CLUSTER ? item->x0 : MIN (item->x0, mark_x (item));
      double x1 = item->kind == CW_TIMELINE_ITEM_CLUSTER ? item->x1 : MAX (item->x1, mark_x (item));
      double dx = x < x0 - 4 ? x0 - 4 - x : x > x1 + 4 ? x - x1 - 4 : 0;
      double dy = fabs (y - cw_timeline_item_y (self, view, item));
      double distance = dx + dy;

      /* Only what is drawn there: the lane's names are not the lane. */
      if (x < CW_TIMELINE_LANE_LABELS || dy > 9 || distance >= best)
        continue;
      best = distance;
      found = cw_timeline_layout_get_event (self->layout, item->event)->id;
      if (event != NULL)
        *event = item->event;
    }
  return found;
}

/* Where cairo writes, and the first failure, which says why (a full disk). */
typedef struct
{
  GOutputStream *out;
  GError        *error;
} Writer;

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error == NULL
      && g_output_stream_write_all (writer->out, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

static cairo_surface_t *
surface_for (const char           *lower,
             const CwTimelineFrame *view,
             Writer               *out)
{
  if (g_str_has_suffix (lower, ".png"))
    return cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) view->width, (int) view->height);
  if (g_str_has_suffix (lower, ".svg"))
    return cairo_svg_surface_create_for_stream (write_stream, out, view->width, view->height);
  if (g_str_has_suffix (lower, ".pdf"))
    return cairo_pdf_surface_create_for_stream (write_stream, out, view->width, view->height);
  return NULL;
}

/* Writes the SVG drawn in @drawn to @to with a <title> (the frame's) and a
 * <desc> (the legend in words) after its opening tag, for readers and
 * searches: anonymised as the drawing is. */
static gboolean
write_svg (CwTimeline            *self,
           const CwTimelineFrame *view,
           GMemoryOutputStream   *drawn,
           GOutputStream         *to,
           GError               **error)
{
  gsize size = g_memory_output_stream_get_data_size (drawn);
  const char *data = g_memory_output_stream_get_data (drawn);
  const char *root = g_strstr_len (data, (gssize) size, "<svg");
  const char *after = root ? memchr (root, '>', size - (gsize) (root - data)) : NULL;
  g_autoptr (GString) words = g_string_new (NULL);

  if (after == NULL)
    return g_output_stream_write_all (to, data, size, NULL, NULL, error);
  after++;
  if (view->title != NULL)
    {
      g_autofree char *title = view->redactor ? cw_redactor_redact (view->redactor, view->title)
                                              : g_strdup (view->title);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (words, "\n<title>%s</title>", escaped);
    }
  if (view->legend > 0)
    {
      g_autofree char *legend = cw_timeline_legend_text (self, view->redactor);
      g_autofree char *escaped = g_markup_escape_text (legend, -1);
      g_string_append_printf (words, "\n<desc>%s</desc>", escaped);
    }
  return g_output_stream_write_all (to, data, (gsize) (after - data), NULL, NULL, error)
         && g_output_stream_write_all (to, words->str, words->len, NULL, NULL, error)
         && g_output_stream_write_all (to, after, size - (gsize) (after - data), NULL, NULL,
                                       error);
}

/**
 * cw_timeline_export:
 * @path: ends in .png, .svg or .pdf
 *
 * Draws @view to a file of its size (for PDF, in points: cw-page-size.h
 * has the paper sizes) through cw_store_output_new(): readable by its owner alone,
 * never over the database or a backup, and renamed into place only when
 * complete, so a failure leaves the file that was there as it was.
 *
 * Returns: whether the file was written
 */
gboolean
cw_timeline_export (CwTimeline           *self,
                    const CwTimelineFrame *view,
                    const char           *path,
                    GError              **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr (CwStoreOutput) output = NULL;
  Writer out = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean svg;

  g_return_val_if_fail (self != NULL && view != NULL && path != NULL, FALSE);

  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg")
      && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, CW_TIMELINE_ERROR, CW_TIMELINE_ERROR_FORMAT,
                   _("“%s”: the timeline can be written as .png, .svg or .pdf"), path);
      return FALSE;
    }
  if ((output = cw_store_output_new (self->store, path, error)) == NULL)
    return FALSE;
  /* An SVG is drawn into memory first, to be given its title and legend
   * in words: cairo draws its text as shapes. */
  svg = g_str_has_suffix (lower, ".svg");
  out.out = svg ? g_memory_output_stream_new_resizable ()
                : g_object_ref (cw_store_output_get_stream (output));
  surface = surface_for (lower, view, &out);
  cr = cairo_create (surface);
  cw_timeline_render (self, view, cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  status = g_str_has_suffix (lower, ".png")
             ? cairo_surface_write_to_png_stream (surface, write_stream, &out)
             : CAIRO_STATUS_SUCCESS;
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS && svg
      && !write_svg (self, view, G_MEMORY_OUTPUT_STREAM (out.out),
                     cw_store_output_get_stream (output), &out.error))
    status = CAIRO_STATUS_WRITE_ERROR;
  g_clear_object (&out.out);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CW_TIMELINE_ERROR, CW_TIMELINE_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path,
                   out.error ? out.error->message : cairo_status_to_string (status));
      g_clear_error (&out.error);
      return FALSE;
    }
  return cw_store_output_commit (output, NULL, error);
}

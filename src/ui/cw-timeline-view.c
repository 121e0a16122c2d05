/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cw-store-watch.h"
#include "cw-timeline-view.h"

/* The visual timeline: the core lays it out and draws it (the very drawing
 * of exported files); this widget zooms, pans, selects and reports. It
 * shares the chronology table's list and selection, so choosing in one
 * chooses in the other. Keyboard: Left/Right move in time, Up/Down between
 * lanes, Enter opens, Home/End go to the ends, + and - zoom, 0 fits. */

#define OVERVIEW_HEIGHT 30.0
#define ZOOM_STEP 1.25

struct _CwTimelineView
{
  GtkWidget          parent_instance;
  CwTimeline        *timeline;
  CwStore           *store;    /* watched for the periods of the child's context */
  CwChronologyModel *model;
  GtkSelectionModel *selection;
  gulong             items_changed_id;
  gulong             selection_changed_id;
  CwTimelineScale    scale;
  gboolean           fitted;   /* no zoom chosen yet: the whole case fits */
  gint64             selected; /* an entry's id, 0 for none */
  guint              selected_event;
  double             span_from;
  double             span_to;
  double             drag_day;
  gboolean           panning;
  gboolean           spanning;
  double             pinch_px_per_day;
  gint64             frame_us; /* how long the last snapshot took */
  gboolean           stale;    /* the list changed while the timeline was hidden */
  guint              load_idle;
  double             pointer_x; /* where the pointer is, for zooming at it */
  GArray            *bands;    /* CwTimelineBand: the episode shown, kept across reviews' loads */
  GArray            *chosen;   /* gint64, sorted: every entry selected in the table */
};

G_DEFINE_FINAL_TYPE (CwTimelineView, cw_timeline_view, GTK_TYPE_WIDGET)

enum { ACTIVATE_ENTRY, SPAN_CHOSEN, ENTRY_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Geometry */

static double
lanes_width (CwTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - CW_TIMELINE_LANE_LABELS, 1);
}

static double
lanes_height (CwTimelineView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - OVERVIEW_HEIGHT, 1);
}

static gboolean
is_dark (CwTimelineView *self)
{
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* Light text means a dark theme. */
  return 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue > 0.5;
}

static void
frame_of (CwTimelineView  *self,
          CwTimelineFrame *frame)
{
  memset (frame, 0, sizeof *frame);
  frame->scale = self->scale;
  frame->width = gtk_widget_get_width (GTK_WIDGET (self));
  frame->height = lanes_height (self);
  frame->selected = self->selected;
  frame->also_selected = (const gint64 *) self->chosen->data;
  frame->n_also_selected = self->chosen->len;
  frame->span_from = self->span_from;
  frame->span_to = self->span_to;
  frame->dark = is_dark (self);
}

static gboolean
extent (CwTimelineView *self,
        double         *first,
        double         *last)
{
  return self->timeline != NULL && cw_timeline_get_extent (self->timeline, first, last);
}

/**
 * cw_timeline_view_zoom_to_fit:
 *
 * Shows the whole case.
 */
void
cw_timeline_view_zoom_to_fit (CwTimelineView *self)
{
  double first, last;

  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  self->fitted = TRUE;
  if (extent (self, &first, &last))
    cw_timeline_scale_fit (&self->scale, first, last, lanes_width (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cw_timeline_view_zoom:
 * @factor: above 1 zooms in
 * @x: the pixel that keeps its day, or a negative number for the middle
 */
void
cw_timeline_view_zoom (CwTimelineView *self,
                       double          factor,
                       double          x)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  self->fitted = FALSE;
  x = !isfinite (x) || x < 0 ? lanes_width (self) / 2 : MAX (x - CW_TIMELINE_LANE_LABELS, 0);
  cw_timeline_scale_zoom (&self->scale, factor, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cw_timeline_view_pan:
 * @pixels: positive to move later in time
 */
void
cw_timeline_view_pan (CwTimelineView *self,
                      double          pixels)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  self->fitted = FALSE;
  self->scale.start += pixels / self->scale.px_per_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the day of the selected event, zooming in when it is too far out
 * to tell apart. */
static void
reveal_selected (CwTimelineView *self,
                 gboolean        zoom)
{
  const CwTimelineEvent *event;
  double x;

  if (self->selected == 0 || self->timeline == NULL
      || self->selected_event >= cw_timeline_layout_get_n_events (
           cw_timeline_get_layout (self->timeline)))
    return;
  event = cw_timeline_layout_get_event (cw_timeline_get_layout (self->timeline),
                                        self->selected_event);
  if (zoom && self->scale.px_per_day < 2.0)
    {
      self->fitted = FALSE;
      self->scale.px_per_day = 4.0; /* about a season across */
    }
  x = cw_timeline_scale_x (&self->scale, event->first);
  if (zoom || x < 20 || x > lanes_width (self) - 20)
    {
      self->fitted = FALSE;
      self->scale.start = event->first - lanes_width (self) / 2 / self->scale.px_per_day;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cw_timeline_view_zoom_to_selection:
 *
 * Centres the selected entry and zooms in on it.
 */
void
cw_timeline_view_zoom_to_selection (CwTimelineView *self)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));
  reveal_selected (self, TRUE);
}

const CwTimelineScale *
cw_timeline_view_get_scale (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), NULL);
  return &self->scale;
}

/**
 * cw_timeline_view_get_frame_time:
 *
 * Returns: microseconds the last frame's drawing took, for benchmarks
 */
gint64
cw_timeline_view_get_frame_time (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), 0);
  return self->frame_us;
}

/* Drawing */

static void
draw_overview (CwTimelineView *self,
               cairo_t        *cr,
               double          width,
               double          top)
{
  double first, last, x0, x1;
  CwTimelineScale whole;
  GArray *gaps = cw_timeline_get_gaps (self->timeline);

  cairo_rectangle (cr, 0, top, width, OVERVIEW_HEIGHT);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.12);
  cairo_fill (cr);
  if (!extent (self, &first, &last))
    return;
  cw_timeline_scale_fit (&whole, first, last, width - CW_TIMELINE_LANE_LABELS);
  for (guint i = 0; i + 1 < gaps->len; i += 2)
    {
      x0 = CW_TIMELINE_LANE_LABELS + cw_timeline_scale_x (&whole, g_array_index (gaps, double, i));
      x1 = CW_TIMELINE_LANE_LABELS
           + cw_timeline_scale_x (&whole, g_array_index (gaps, double, i + 1));
      cairo_rectangle (cr, x0, top + 4, MAX (x1 - x0, 1), OVERVIEW_HEIGHT - 8);
      cairo_set_source_rgba (cr, 0.9, 0.6, 0.1, 0.35);
      cairo_fill (cr);
    }
  /* The part shown above, which can be dragged. */
  x0 = CW_TIMELINE_LANE_LABELS + cw_timeline_scale_x (&whole, self->scale.start);
  x1 = CW_TIMELINE_LANE_LABELS
       + cw_timeline_scale_x (&whole, cw_timeline_scale_day (&self->scale, lanes_width (self)));
  x0 = CLAMP (x0, CW_TIMELINE_LANE_LABELS, width);
  x1 = CLAMP (x1, x0 + 3, width);
  cairo_rectangle (cr, x0 + 0.5, top + 2.5, x1 - x0 - 1, OVERVIEW_HEIGHT - 5);
  cairo_set_source_rgba (cr, 0.2, 0.45, 0.85, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.2, 0.45, 0.85, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  {
    PangoLayout *text = pango_cairo_create_layout (cr);
    PangoFontDescription *font = pango_font_description_from_string ("Sans 8");

    pango_layout_set_font_description (text, font);
    pango_font_description_free (font);
    pango_layout_set_text (text, _("Whole case"), -1);
    cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.9);
    cairo_move_to (cr, 12, top + 7);
    pango_cairo_show_layout (cr, text);
    g_object_unref (text);
  }
}

/* The lanes the height leaves out, counted: none when the view is tall
 * enough for every lane at its smallest. */
static guint
lanes_cut (CwTimelineView        *self,
           const CwTimelineFrame *frame)
{
  double lane = cw_timeline_lane_height (self->timeline, frame);
  guint shown = cw_timeline_n_lanes_shown (self->timeline);
  double room = frame->height - CW_TIMELINE_AXIS;
  guint fit = room > 0 ? (guint) (room / lane) : 0;

  return shown > fit ? shown - fit : 0;
}

static void
draw_lanes_cut (CwTimelineView        *self,
                cairo_t               *cr,
                const CwTimelineFrame *frame)
{
  guint cut = lanes_cut (self, frame);
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int text_width, text_height;
  double x, y;

  if (cut == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u more lane below: drag the divider down, or hide lanes "
                                       "with Lanes",
                                       "%u more lanes below: drag the divider down, or hide "
                                       "lanes with Lanes", cut), cut);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  x = MAX ((frame->width - text_width) / 2 - 8, 0);
  y = frame->height - text_height - 8;
  cairo_rectangle (cr, x, y, text_width + 16, text_height + 6);
  if (frame->dark)
    cairo_set_source_rgba (cr, 0.2, 0.2, 0.22, 0.95);
  else
    cairo_set_source_rgba (cr, 1.0, 0.97, 0.85, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.6, 0.45, 0.1, 0.9);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_move_to (cr, x + 8, y + 3);
  if (frame->dark)
    cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  else
    cairo_set_source_rgb (cr, 0.2, 0.15, 0.0);
  pango_cairo_show_layout (cr, layout);
}

static void
cw_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gint64 start = g_get_monotonic_time ();
  CwTimelineFrame frame;
  cairo_t *cr;

  if (self->timeline == NULL || width < 1 || height < 1)
    return;
  if (self->fitted)
    {
      double first, last;
      if (extent (self, &first, &last))
        cw_timeline_scale_fit (&self->scale, first, last, lanes_width (self));
    }
  frame_of (self, &frame);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Lanes that do not fit stop above the overview strip, and say so. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, lanes_height (self));
  cairo_clip (cr);
  cw_timeline_render (self->timeline, &frame, cr);
  cairo_restore (cr);
  draw_lanes_cut (self, cr, &frame);
  draw_overview (self, cr, width, lanes_height (self));
  /* Where the keyboard is, seen. */
  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  self->frame_us = g_get_monotonic_time () - start;
}

/* Selection, shared with the table */

static void
update_accessible (CwTimelineView *self)
{
  g_autoptr (CwChronologyItem) item = NULL;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  guint position;

  if (self->selected == 0 || self->model == NULL
      || (position = cw_chronology_model_find (self->model, self->selected)) == G_MAXUINT)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Timeline: no entry selected"), -1);
      return;
    }
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  date = cw_chronology_item_dup_date_text (item);
  label = g_strdup_printf (_("Timeline: %s, %s: %s"), date, cw_chronology_item_get_agency (item),
                           cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION) ?: "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_selected (CwTimelineView *self,
              gint64          id)
{
  self->selected = id;
  self->selected_event = self->timeline && id != 0
                           ? cw_timeline_layout_find_event (cw_timeline_get_layout (self->timeline),
                                                            id)
                           : G_MAXUINT;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The table's selection changed: follow its first entry (or the one in
 * focus, while it stays selected), and ring every entry selected. */
static void
on_selection_changed (CwTimelineView *self)
{
  g_autoptr (GtkBitset) set = NULL;
  guint position;
  gint64 id = 0;
  GtkBitsetIter iter;

  set = gtk_selection_model_get_selection (self->selection);
  g_array_set_size (self->chosen, 0);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 entry = cw_chronology_model_get_entry_id (self->model, position);

      if (entry == 0)
        continue;
      if (id == 0)
        id = entry;
      /* The entry in focus stays so while it is still selected. */
      if (entry == self->selected)
        id = entry;
      g_array_append_val (self->chosen, entry);
    }
  g_array_sort (self->chosen, compare_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (id == self->selected)
    return;
  set_selected (self, id);
  reveal_selected (self, FALSE);
}

/**
 * cw_timeline_view_select:
 * @id: an entry, or 0 for none
 *
 * Selects the entry here and in the table.
 */
void
cw_timeline_view_select (CwTimelineView *self,
                         gint64          id)
{
  guint position;

  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  set_selected (self, id);
  if (self->selection == NULL || self->model == NULL)
    return;
  position = id ? cw_chronology_model_find (self->model, id) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_selection_model_select_item (self->selection, position, TRUE);
  else
    gtk_selection_model_unselect_all (self->selection);
  reveal_selected (self, FALSE);
  g_signal_emit (self, signals[ENTRY_SELECTED], 0, id);
}

/**
 * cw_timeline_view_toggle:
 * @id: an entry
 *
 * What Ctrl+click does: adds the entry to the selection, here and in the
 * table, and gives it the focus; or, when it is selected already, takes it
 * out.
 */
void
cw_timeline_view_toggle (CwTimelineView *self,
                         gint64          id)
{
  guint position;

  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  if (self->selection == NULL || self->model == NULL
      || (position = cw_chronology_model_find (self->model, id)) == G_MAXUINT)
    {
      cw_timeline_view_select (self, id);
      return;
    }
  if (gtk_selection_model_is_selected (self->selection, position))
    {
      gtk_selection_model_unselect_item (self->selection, position);
      return;
    }
  set_selected (self, id);
  gtk_selection_model_select_item (self->selection, position, FALSE);
  reveal_selected (self, FALSE);
  g_signal_emit (self, signals[ENTRY_SELECTED], 0, id);
}

gint64
cw_timeline_view_get_selected (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), 0);
  return self->selected;
}

/* Reads the timeline again; while it is hidden, only when it is shown;
 * while a first load waits for the table's first rows to be painted
 * (cw_timeline_view_set_chronology()), then. */
static void
reload (CwTimelineView *self)
{
  g_autoptr (GError) error = NULL;

  if (self->timeline == NULL || self->model == NULL)
    return;
  if (self->load_idle != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (!cw_timeline_load (self->timeline, self->model, &error))
    g_warning ("Could not read the timeline: %s", error->message);
  set_selected (self, self->selected);
  /* The lanes may be more or fewer: the height it asks for follows. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
load_later (gpointer data)
{
  CwTimelineView *self = data;

  self->load_idle = 0;
  if (self->stale)
    reload (self);
  return G_SOURCE_REMOVE;
}

/**
 * cw_timeline_view_set_chronology:
 * @model: (nullable): the table's list
 * @selection: (nullable): the table's selection over @model
 *
 * Shows the review's timeline from the same list and selection as its table.
 */
void
cw_timeline_view_set_chronology (CwTimelineView    *self,
                                 CwStore           *store,
                                 gint64             review_id,
                                 CwChronologyModel *model,
                                 GtkSelectionModel *selection)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->timeline, cw_timeline_free);
  self->selected = 0;
  self->fitted = TRUE;
  /* The entries come with the list; the context lane's periods, from the store. */
  cw_store_watch (&self->store, model != NULL ? store : NULL,
                  (const char *const[]) { "period", NULL }, G_CALLBACK (reload), self);
  if (store == NULL || model == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->timeline = cw_timeline_new (store, review_id);
  cw_timeline_set_bands (self->timeline, (const CwTimelineBand *) self->bands->data,
                         self->bands->len);
  self->model = g_object_ref (model);
  self->selection = selection ? g_object_ref (selection) : NULL;
  self->items_changed_id = g_signal_connect_swapped (model, "items-changed", G_CALLBACK (reload),
                                                     self);
  if (selection != NULL)
    self->selection_changed_id = g_signal_connect_swapped (selection, "selection-changed",
                                                           G_CALLBACK (on_selection_changed),
                                                           self);
  /* The table's first rows are painted first; the timeline a moment later. */
  self->stale = TRUE;
  g_clear_handle_id (&self->load_idle, g_source_remove);
  self->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_later, self, NULL);
}

static void
band_clear (gpointer data)
{
  g_free (((CwTimelineBand *) data)->label);
}

/**
 * cw_timeline_view_set_bands:
 * @bands: (array length=n_bands) (nullable): copied
 *
 * Draws @bands (a key practice episode) across the lanes, for this review
 * and the next, until others are set.
 */
void
cw_timeline_view_set_bands (CwTimelineView       *self,
                            const CwTimelineBand *bands,
                            guint                 n_bands)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));
  g_return_if_fail (bands != NULL || n_bands == 0);

  g_array_set_size (self->bands, 0);
  for (guint i = 0; i < n_bands; i++)
    {
      CwTimelineBand copy = bands[i];

      copy.label = g_strdup (bands[i].label);
      g_array_append_val (self->bands, copy);
    }
  if (self->timeline != NULL)
    cw_timeline_set_bands (self->timeline, bands, n_bands);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cw_timeline_view_is_loaded:
 *
 * Returns: whether the view has read its list's latest events (it reads
 *   them once the table's first rows are painted, and while hidden only
 *   when shown), for benchmarks and tests
 */
gboolean
cw_timeline_view_is_loaded (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), FALSE);
  return self->timeline != NULL && !self->stale;
}

/**
 * cw_timeline_view_get_timeline:
 *
 * Returns: (transfer none) (nullable): the lanes and events shown
 */
CwTimeline *
cw_timeline_view_get_timeline (CwTimelineView *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), NULL);

  /* Hidden, it may not have read the latest list: asked for, it does. */
  if (self->stale && self->timeline != NULL
      && cw_timeline_load (self->timeline, self->model, &error))
    {
      self->stale = FALSE;
      set_selected (self, self->selected);
    }
  return self->timeline;
}

/* Pointer */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CwTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));

  /* A scroll event's own position is not the widget's (on X11 it has none):
   * the pointer's, as the motion controller saw it. */
  if (state & GDK_CONTROL_MASK)
    cw_timeline_view_zoom (self, pow (ZOOM_STEP, -dy), self->pointer_x);
  else
    cw_timeline_view_pan (self, (fabs (dx) > fabs (dy) ? dx : dy) * 40);
  return GDK_EVENT_STOP;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CwTimelineView           *self)
{
  self->pointer_x = x;
}

static void
on_pinch_begin (GtkGesture     *gesture,
                GdkEventSequence *sequence,
                CwTimelineView *self)
{
  self->pinch_px_per_day = self->scale.px_per_day;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          CwTimelineView *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  cw_timeline_view_zoom (self, self->pinch_px_per_day * scale / self->scale.px_per_day, x);
}

/**
 * cw_timeline_view_click:
 * @n_press: 2 for a double click
 *
 * What a click at (@x, @y) does: selects the entry drawn there; a double
 * click opens it.
 *
 * Returns: the entry's id, or 0 when nothing is there
 */
gint64
cw_timeline_view_click (CwTimelineView *self,
                        double          x,
                        double          y,
                        int             n_press)
{
  return cw_timeline_view_click_with (self, x, y, n_press, 0);
}

/**
 * cw_timeline_view_click_with:
 * @modifiers: the keys held: with Control, the entry is added to the
 *   selection (cw_timeline_view_toggle())
 *
 * Returns: the entry's id, or 0 when nothing is there
 */
gint64
cw_timeline_view_click_with (CwTimelineView  *self,
                             double           x,
                             double           y,
                             int              n_press,
                             GdkModifierType  modifiers)
{
  CwTimelineFrame frame;
  gint64 id;

  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), 0);

  if (self->timeline == NULL || y > lanes_height (self))
    return 0;
  frame_of (self, &frame);
  if ((id = cw_timeline_hit (self->timeline, &frame, x, y, NULL)) == 0)
    return 0;
  if ((modifiers & GDK_CONTROL_MASK) && n_press == 1)
    {
      cw_timeline_view_toggle (self, id);
      return id;
    }
  cw_timeline_view_select (self, id);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_ENTRY], 0, id);
  return id;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CwTimelineView  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  cw_timeline_view_click_with (self, x, y, n_press,
                               gtk_event_controller_get_current_event_state (
                                 GTK_EVENT_CONTROLLER (gesture)));
}

/* Dragging the overview or the axis pans; across empty lanes it chooses a
 * span of time, which filters the table. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CwTimelineView *self)
{
  CwTimelineFrame frame;

  self->panning = y > lanes_height (self) || y < CW_TIMELINE_AXIS
                  || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == 2;
  self->spanning = FALSE;
  if (self->timeline == NULL)
    return;
  frame_of (self, &frame);
  if (!self->panning && cw_timeline_hit (self->timeline, &frame, x, y, NULL) != 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->spanning = !self->panning && x > CW_TIMELINE_LANE_LABELS;
  self->drag_day = cw_timeline_scale_day (&self->scale, x - CW_TIMELINE_LANE_LABELS);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CwTimelineView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (self->panning)
    {
      double first, last, wanted;
      CwTimelineScale whole;

      if (y > lanes_height (self) && extent (self, &first, &last))
        {
          /* The overview: the view's window follows the pointer. */
          cw_timeline_scale_fit (&whole, first, last, lanes_width (self));
          wanted = cw_timeline_scale_day (&whole, x + dx - CW_TIMELINE_LANE_LABELS);
          self->fitted = FALSE;
          self->scale.start = wanted - lanes_width (self) / 2 / self->scale.px_per_day;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      else
        {
          /* The day grabbed stays under the pointer. */
          self->fitted = FALSE;
          self->scale.start = self->drag_day
                              - (x + dx - CW_TIMELINE_LANE_LABELS) / self->scale.px_per_day;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      return;
    }
  if (self->spanning && fabs (dx) > 3)
    {
      self->span_from = self->drag_day;
      self->span_to = cw_timeline_scale_day (&self->scale, x + dx - CW_TIMELINE_LANE_LABELS);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
emit_span (CwTimelineView *self,
           double          from,
           double          to)
{
  g_signal_emit (self, signals[SPAN_CHOSEN], 0, MIN (from, to), MAX (from, to));
}

/**
 * cw_timeline_view_choose_span:
 * @x_from: where a drag across the lanes starts, in the widget's pixels
 * @x_to: where it ends
 *
 * Chooses the span of time between, as dragging across empty lanes does:
 * the table is filtered to it and its entries selected.
 */
void
cw_timeline_view_choose_span (CwTimelineView *self,
                              double          x_from,
                              double          x_to)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  if (x_from == x_to)
    return;
  emit_span (self, cw_timeline_scale_day (&self->scale, x_from - CW_TIMELINE_LANE_LABELS),
             cw_timeline_scale_day (&self->scale, x_to - CW_TIMELINE_LANE_LABELS));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CwTimelineView *self)
{
  if (self->spanning && self->span_from != self->span_to)
    emit_span (self, self->span_from, self->span_to);
  self->span_from = self->span_to = 0;
  self->panning = self->spanning = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  CwTimelineView *self)
{
  g_autoptr (CwChronologyItem) item = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  CwTimelineFrame frame;
  guint position;
  gint64 id;

  if (self->timeline == NULL || self->model == NULL)
    return FALSE;
  frame_of (self, &frame);
  id = keyboard ? self->selected : cw_timeline_hit (self->timeline, &frame, x, y, NULL);
  if (id == 0 || (position = cw_chronology_model_find (self->model, id)) == G_MAXUINT)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  date = cw_chronology_item_dup_date_text (item);
  text = g_strdup_printf ("%s · %s · %s\n%s", date, cw_chronology_item_get_agency (item),
                          cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE) ?: "",
                          cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION) ?: "");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Keyboard */

static gboolean
lane_shown (CwTimelineView *self,
            guint           lane)
{
  GPtrArray *lanes = cw_timeline_get_lanes (self->timeline);

  return lane < lanes->len && ((CwTimelineLane *) lanes->pdata[lane])->visible;
}

/* The next entry in time of a lane that is shown. */
static void
step (CwTimelineView *self,
      int             direction)
{
  CwTimelineLayout *layout;
  guint n, next;

  if (self->timeline == NULL)
    return;
  layout = cw_timeline_get_layout (self->timeline);
  n = cw_timeline_layout_get_n_events (layout);
  next = self->selected && self->selected_event < n ? self->selected_event : G_MAXUINT;
  next = cw_timeline_layout_step (layout, next, direction);
  /* From an end, onwards; otherwise the same way. */
  direction = direction == 0 ? 1 : direction == 2 ? -1 : direction;
  for (guint tries = 0; next != G_MAXUINT && tries < n; tries++)
    {
      if (lane_shown (self, cw_timeline_layout_get_event (layout, next)->lane))
        {
          cw_timeline_view_select (self, cw_timeline_layout_get_event (layout, next)->id);
          return;
        }
      next = cw_timeline_layout_step (layout, next, direction);
    }
}

static gint64
nearest_in_lane (CwTimelineLayout      *layout,
                 guint                  lane,
                 const CwTimelineEvent *from)
{
  double best = G_MAXDOUBLE;
  gint64 found = 0;

  for (guint i = 0; i < cw_timeline_layout_get_n_events (layout); i++)
    {
      const CwTimelineEvent *event = cw_timeline_layout_get_event (layout, i);
      if (event->lane == lane && fabs (event->first - from->first) < best)
        {
          best = fabs (event->first - from->first);
          found = event->id;
        }
    }
  return found;
}

/* The nearest event in time in the next lane up or down that has one. */
static void
change_lane (CwTimelineView *self,
             int             direction)
{
  CwTimelineLayout *layout;
  GPtrArray *lanes;
  const CwTimelineEvent *from;

  if (self->timeline == NULL || self->selected == 0
      || self->selected_event >= cw_timeline_layout_get_n_events (
           cw_timeline_get_layout (self->timeline)))
    return;
  layout = cw_timeline_get_layout (self->timeline);
  lanes = cw_timeline_get_lanes (self->timeline);
  from = cw_timeline_layout_get_event (layout, self->selected_event);
  for (int lane = (int) from->lane + direction; lane >= 0 && lane < (int) lanes->len;
       lane += direction)
    {
      gint64 found;

      if (!((CwTimelineLane *) lanes->pdata[lane])->visible
          || (found = nearest_in_lane (layout, (guint) lane, from)) == 0)
        continue;
      cw_timeline_view_select (self, found);
      return;
    }
}

static void
step_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  step (CW_TIMELINE_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
lane_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  change_lane (CW_TIMELINE_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  const char *how = g_variant_get_string (parameter, NULL);

  if (g_str_equal (how, "in"))
    cw_timeline_view_zoom (self, ZOOM_STEP, -1);
  else if (g_str_equal (how, "out"))
    cw_timeline_view_zoom (self, 1 / ZOOM_STEP, -1);
  else if (g_str_equal (how, "fit"))
    cw_timeline_view_zoom_to_fit (self);
  else
    cw_timeline_view_zoom_to_selection (self);
}

static void
open_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);

  if (self->selected != 0)
    g_signal_emit (self, signals[ACTIVATE_ENTRY], 0, self->selected);
}

static void
bind_key (GtkWidgetClass *widget_class,
          guint           key,
          const char     *action,
          const char     *format,
          ...)
{
  va_list args;

  va_start (args, format);
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, format,
                                       va_arg (args, gpointer));
  va_end (args);
}

static void
install_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.step", "i", step_activated);
  gtk_widget_class_install_action (widget_class, "timeline.lane", "i", lane_activated);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "s", zoom_activated);
  gtk_widget_class_install_action (widget_class, "timeline.open", NULL, open_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.step", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.step", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.lane", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.lane", "i", 1);
  bind_key (widget_class, GDK_KEY_plus, "timeline.zoom", "s", "in");
  bind_key (widget_class, GDK_KEY_equal, "timeline.zoom", "s", "in");
  bind_key (widget_class, GDK_KEY_KP_Add, "timeline.zoom", "s", "in");
  bind_key (widget_class, GDK_KEY_minus, "timeline.zoom", "s", "out");
  bind_key (widget_class, GDK_KEY_KP_Subtract, "timeline.zoom", "s", "out");
  bind_key (widget_class, GDK_KEY_0, "timeline.zoom", "s", "fit");
  bind_key (widget_class, GDK_KEY_period, "timeline.zoom", "s", "selection");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.open", NULL);
}

/* GObject */

static void
cw_timeline_view_dispose (GObject *object)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_signal_handler (&self->selection_changed_id, self->selection);
  cw_store_unwatch (&self->store, G_CALLBACK (reload), self);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->timeline, cw_timeline_free);
  g_array_set_size (self->bands, 0);
  g_array_set_size (self->chosen, 0);
  G_OBJECT_CLASS (cw_timeline_view_parent_class)->dispose (object);
}

static void
cw_timeline_view_finalize (GObject *object)
{
  g_array_unref (CW_TIMELINE_VIEW (object)->bands);
  g_array_unref (CW_TIMELINE_VIEW (object)->chosen);
  G_OBJECT_CLASS (cw_timeline_view_parent_class)->finalize (object);
}

static void
cw_timeline_view_map (GtkWidget *widget)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (cw_timeline_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
cw_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  guint lanes = self->timeline != NULL ? cw_timeline_n_lanes_shown (self->timeline) : 0;

  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 320;
  /* Asked for room for every lane at a readable height: a review of many
   * agencies takes more of the window from the table. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *natural = MAX (*natural, (int) (CW_TIMELINE_AXIS + lanes * 24 + 8 + OVERVIEW_HEIGHT));
}

static void
cw_timeline_view_class_init (CwTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_timeline_view_dispose;
  object_class->finalize = cw_timeline_view_finalize;
  widget_class->snapshot = cw_timeline_view_snapshot;
  widget_class->measure = cw_timeline_view_measure;
  widget_class->map = cw_timeline_view_map;
  /**
   * CwTimelineView::activate-entry:
   * @id: the entry double-clicked, or chosen with Enter
   */
  signals[ACTIVATE_ENTRY] = g_signal_new ("activate-entry", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_INT64);
  /**
   * CwTimelineView::span-chosen:
   * @first: the first day, as a Julian day number
   * @last: the last
   */
  signals[SPAN_CHOSEN] = g_signal_new ("span-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * CwTimelineView::entry-selected:
   * @id: the entry chosen on the timeline (a click, a key), or 0
   */
  signals[ENTRY_SELECTED] = g_signal_new ("entry-selected", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_INT64);
  install_keys (widget_class);
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cw_timeline_view_init (CwTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll = gtk_event_controller_scroll_new (
    GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->bands = g_array_new (FALSE, FALSE, sizeof (CwTimelineBand));
  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_clear_func (self->bands, band_clear);

  self->fitted = TRUE;
  self->scale.px_per_day = 1;
  self->selected_event = G_MAXUINT;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  self->pointer_x = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);
  update_accessible (self);
}

GtkWidget *
cw_timeline_view_new (void)
{
  return g_object_new (CW_TYPE_TIMELINE_VIEW, NULL);
}

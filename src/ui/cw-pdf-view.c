/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>

#include "cw-pdf-view.h"

/* The only file of the app that calls Poppler. A page is rendered, in a
 * GTask thread, into a cairo image surface at the zoom of the moment, only
 * once it is near the visible part; the surfaces are kept while near, and
 * the renders waiting are cancelled when the zoom changes (a page shows its
 * old surface, scaled, until the new one comes). Poppler's objects are not
 * for two threads at once: every call holds the one lock. */

G_LOCK_DEFINE_STATIC (poppler);

#define ZOOM_MIN       0.15
#define ZOOM_MAX       4.0
#define ZOOM_STEP      1.2
#define THUMB_WIDTH    84.0
#define KEPT_PAGES     12
#define POINT_TO_PIXEL (96.0 / 72.0)
#define NARROW         420 /* pixels: narrower, the pages have the width to themselves */

typedef struct
{
  PopplerRectangle rect; /* in points, from the page's top left */
  guint            page; /* from 0 */
} Match;

typedef struct
{
  GtkWidget       *area;
  GtkWidget       *thumb;
  double           width; /* in points */
  double           height;
  cairo_surface_t *surface;
  double           surface_zoom;
  GCancellable    *render;
  cairo_surface_t *thumb_surface;
  GCancellable    *thumb_render;
  guint64          used;
} Page;

struct _CwPdfView
{
  GtkWidget        parent_instance;
  GtkWidget       *fit_button;
  GtkWidget       *thumbnails_scroller;
  GtkLabel        *page_label;
  GtkToggleButton *find_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *find_entry;
  GtkLabel        *match_label;
  GtkStack        *stack;
  GtkListBox      *thumbnails;
  GtkScrolledWindow *scroller;
  GtkBox          *pages;

  GBytes          *bytes;
  char            *file_name;
  PopplerDocument *document;
  GArray          *page_data; /* of Page */
  double           zoom;      /* 1.0: the page's size at 96 dots an inch */
  gboolean         fit_width;
  guint            current;   /* from 0 */
  guint64          clock;     /* orders the pages' use, to drop the oldest */
  GArray          *matches;   /* of Match */
  int              match;     /* the current one, or -1 */
  guint            going_to;  /* the page asked for, until scrolled to (G_MAXUINT: none) */
  double           placed_at; /* the scroller's position set for the current page */
  guint            update_id; /* the idle following the scroller's size and position */
  guint            syncing_thumbnail : 1;
  guint            thumbnails_chosen : 1; /* shown or hidden by the user, not by the width */
};

G_DEFINE_FINAL_TYPE (CwPdfView, cw_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_THUMBNAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Page *
page_at (CwPdfView *self,
         guint      index)
{
  return &g_array_index (self->page_data, Page, index);
}

/* Rendering, off the main thread */

typedef struct
{
  PopplerDocument *document;
  guint            index;
  double           zoom; /* device pixels a point */
  gboolean         thumbnail;
} Render;

static void
render_free (Render *render)
{
  g_object_unref (render->document);
  g_free (render);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Render *render = data;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  if (g_task_return_error_if_cancelled (task))
    return;
  G_LOCK (poppler);
  page = poppler_document_get_page (render->document, render->index);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, ceil (width * render->zoom)),
                                        MAX (1, ceil (height * render->zoom)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, render->zoom, render->zoom);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  G_UNLOCK (poppler);
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void drop_far_pages (CwPdfView *self);

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  CwPdfView *self = CW_PDF_VIEW (source);
  Render *render = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);
  Page *page;

  /* A cancelled render is one of a document or zoom no longer shown. */
  if (surface == NULL)
    return;
  page = page_at (self, render->index);
  if (render->thumbnail)
    {
      g_clear_object (&page->thumb_render);
      g_clear_pointer (&page->thumb_surface, cairo_surface_destroy);
      page->thumb_surface = surface;
      gtk_widget_queue_draw (page->thumb);
      return;
    }
  g_clear_object (&page->render);
  g_clear_pointer (&page->surface, cairo_surface_destroy);
  page->surface = surface;
  page->surface_zoom = render->zoom;
  page->used = ++self->clock;
  gtk_widget_queue_draw (page->area);
  drop_far_pages (self);
}

static GCancellable *
start_render (CwPdfView *self,
              guint      index,
              double     zoom,
              gboolean   thumbnail)
{
  Render *render = g_new0 (Render, 1);
  GCancellable *cancellable = g_cancellable_new ();
  g_autoptr (GTask) task = g_task_new (self, cancellable, render_done, NULL);

  render->document = g_object_ref (self->document);
  render->index = index;
  render->zoom = zoom;
  render->thumbnail = thumbnail;
  g_task_set_task_data (task, render, (GDestroyNotify) render_free);
  g_task_set_source_tag (task, start_render);
  g_task_run_in_thread (task, render_thread);
  return cancellable;
}

static double
device_zoom (CwPdfView *self)
{
  return self->zoom * POINT_TO_PIXEL * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
cancel_render (GCancellable **render)
{
  if (*render != NULL)
    g_cancellable_cancel (*render);
  g_clear_object (render);
}

/* Whether page @index is in view or next to it. */
static gboolean
page_is_near (CwPdfView *self,
              guint      index)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  Page *page = page_at (self, index);
  graphene_rect_t bounds;
  double top = gtk_adjustment_get_value (adj);
  double size = gtk_adjustment_get_page_size (adj);

  if (!gtk_widget_compute_bounds (page->area, GTK_WIDGET (self->pages), &bounds))
    return index <= self->current + 1 && index + 1 >= self->current;
  top += gtk_widget_get_margin_top (GTK_WIDGET (self->pages));
  return bounds.origin.y + bounds.size.height >= top - size
         && bounds.origin.y <= top + 2 * size;
}

static void
render_near_pages (CwPdfView *self)
{
  double zoom;

  if (self->document == NULL)
    return;
  zoom = device_zoom (self);
  for (guint i = 0; i < self->page_data->len; i++)
    {
      Page *page = page_at (self, i);
      gboolean wanted = page_is_near (self, i);

      if (wanted && page->surface != NULL)
        page->used = ++self->clock;
      if (!wanted || page->render != NULL
          || (page->surface != NULL && page->surface_zoom == zoom))
        continue;
      page->render = start_render (self, i, zoom, FALSE);
    }
}

static gboolean
render_near_pages_idle (gpointer data)
{
  render_near_pages (CW_PDF_VIEW (data));
  return G_SOURCE_REMOVE;
}

/* Keeps the surfaces of the pages used last, and never one in view. */
static void
drop_far_pages (CwPdfView *self)
{
  guint n_kept = 0;
  guint64 oldest;

  for (guint i = 0; i < self->page_data->len; i++)
    n_kept += page_at (self, i)->surface != NULL;
  while (n_kept > KEPT_PAGES)
    {
      Page *drop = NULL;

      oldest = G_MAXUINT64;
      for (guint i = 0; i < self->page_data->len; i++)
        {
          Page *page = page_at (self, i);
          if (page->surface != NULL && page->used < oldest && !page_is_near (self, i))
            {
              oldest = page->used;
              drop = page;
            }
        }
      if (drop == NULL)
        return;
      g_clear_pointer (&drop->surface, cairo_surface_destroy);
      n_kept--;
    }
}

/* Drawing */

static void
draw_matches (CwPdfView *self,
              cairo_t   *cr,
              guint      index,
              double     scale)
{
  for (guint i = 0; i < self->matches->len; i++)
    {
      Match *match = &g_array_index (self->matches, Match, i);

      if (match->page != index)
        continue;
      if ((int) i == self->match)
        cairo_set_source_rgba (cr, 1.0, 0.55, 0.0, 0.45);
      else
        cairo_set_source_rgba (cr, 1.0, 0.9, 0.0, 0.4);
      cairo_rectangle (cr, match->rect.x1 * scale - 1, match->rect.y1 * scale - 1,
                       (match->rect.x2 - match->rect.x1) * scale + 2,
                       (match->rect.y2 - match->rect.y1) * scale + 2);
      cairo_fill (cr);
    }
}

static void
draw_surface (cairo_t         *cr,
              cairo_surface_t *surface,
              int              width,
              int              height)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (surface == NULL)
    return;
  cairo_save (cr);
  cairo_scale (cr, (double) width / cairo_image_surface_get_width (surface),
               (double) height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  CwPdfView *self = CW_PDF_VIEW (data);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "cw-page"));
  Page *page;

  if (self->page_data == NULL || index >= self->page_data->len)
    return;
  page = page_at (self, index);
  draw_surface (cr, page->surface, width, height);
  draw_matches (self, cr, index, width / page->width);
}

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  CwPdfView *self = CW_PDF_VIEW (data);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "cw-page"));

  if (self->page_data != NULL && index < self->page_data->len)
    draw_surface (cr, page_at (self, index)->thumb_surface, width, height);
}

/* The pages and their sizes */

static void
update_labels (CwPdfView *self)
{
  /* Translators: the zoom, as a percentage */
  g_autofree char *zoom = g_strdup_printf (_("Fit the width (Ctrl+0); now %.0f%%"),
                                           self->zoom * 100);
  g_autofree char *page = NULL;
  g_autofree char *tip = NULL;
  guint n = cw_pdf_view_get_n_pages (self);

  gtk_widget_set_tooltip_text (self->fit_button, zoom);
  /* Translators: the page shown / how many */
  page = n > 0 ? g_strdup_printf (_("%u / %u"), self->current + 1, n) : g_strdup ("");
  /* Translators: the page shown, of how many */
  tip = n > 0 ? g_strdup_printf (_("Page %u of %u"), self->current + 1, n) : NULL;
  gtk_label_set_text (self->page_label, page);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_label), tip);
}

static void
size_pages (CwPdfView *self)
{
  double zoom = device_zoom (self);

  for (guint i = 0; self->page_data != NULL && i < self->page_data->len; i++)
    {
      Page *page = page_at (self, i);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (page->area),
                                          round (page->width * self->zoom * POINT_TO_PIXEL));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (page->area),
                                           round (page->height * self->zoom * POINT_TO_PIXEL));
      if (page->surface_zoom != zoom)
        cancel_render (&page->render);
    }
  update_labels (self);
}

static double
fit_width_zoom (CwPdfView *self)
{
  double widest = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));

  for (guint i = 0; self->page_data != NULL && i < self->page_data->len; i++)
    widest = MAX (widest, page_at (self, i)->width);
  if (widest <= 0 || width <= 0)
    return self->zoom;
  /* The margins around the pages and room for a scrollbar. */
  return CLAMP ((width - 24 - 16) / (widest * POINT_TO_PIXEL), ZOOM_MIN, ZOOM_MAX);
}

static void
apply_zoom (CwPdfView *self,
            double     zoom)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 0.001)
    return;
  self->zoom = zoom;
  size_pages (self);
  /* After the layout at the new size, so the pages in view are known. */
  g_idle_add_full (G_PRIORITY_LOW, render_near_pages_idle, g_object_ref (self), g_object_unref);
}

/**
 * cw_pdf_view_set_zoom:
 * @zoom: 1.0 for the page's real size on a 96 dpi screen
 *
 * Zooms to @zoom, no longer fitting the width.
 */
void
cw_pdf_view_set_zoom (CwPdfView *self,
                      double     zoom)
{
  g_return_if_fail (CW_IS_PDF_VIEW (self));
  self->fit_width = FALSE;
  apply_zoom (self, zoom);
}

double
cw_pdf_view_get_zoom (CwPdfView *self)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

/* The page whose area holds the top third of the view. */
static void
follow_scroller (CwPdfView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double mark = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) / 3;
  guint current = 0;

  /* The page asked for stays the current one until the view is moved. */
  if (self->going_to != G_MAXUINT || gtk_adjustment_get_value (adj) == self->placed_at)
    {
      render_near_pages (self);
      return;
    }

  for (guint i = 0; self->page_data != NULL && i < self->page_data->len; i++)
    {
      graphene_rect_t bounds;
      if (gtk_widget_compute_bounds (page_at (self, i)->area, GTK_WIDGET (self->pages), &bounds)
          && bounds.origin.y <= mark)
        current = i;
    }
  if (self->page_data != NULL && self->page_data->len > 0 && current != self->current
      && gtk_adjustment_get_upper (adj) > gtk_adjustment_get_page_size (adj))
    {
      self->current = current;
      update_labels (self);
      self->syncing_thumbnail = TRUE;
      gtk_list_box_select_row (self->thumbnails,
                               gtk_list_box_get_row_at_index (self->thumbnails, current));
      self->syncing_thumbnail = FALSE;
    }
  render_near_pages (self);
}

static void
show_thumbnails (CwPdfView *self,
                 gboolean   show)
{
  if (gtk_widget_get_visible (self->thumbnails_scroller) == show)
    return;
  gtk_widget_set_visible (self->thumbnails_scroller, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THUMBNAILS]);
}

static gboolean
update_idle (gpointer data)
{
  CwPdfView *self = CW_PDF_VIEW (data);

  self->update_id = 0;
  if (!self->thumbnails_chosen)
    show_thumbnails (self, gtk_widget_get_width (GTK_WIDGET (self)) >= NARROW);
  if (self->fit_width)
    apply_zoom (self, fit_width_zoom (self));
  follow_scroller (self);
  return G_SOURCE_REMOVE;
}

/* The scroller says so while it is laid out, when no size may change: the
 * zoom that fits and the page shown follow once it is done. */
static void
on_scroller_changed (CwPdfView *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle, self);
}

static gboolean
scroll_to_current (gpointer data)
{
  CwPdfView *self = CW_PDF_VIEW (data);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  guint current = self->going_to;

  self->going_to = G_MAXUINT;
  if (self->page_data == NULL || current >= self->page_data->len
      || !gtk_widget_compute_bounds (page_at (self, current)->area, GTK_WIDGET (self->pages),
                                     &bounds))
    return G_SOURCE_REMOVE;
  gtk_adjustment_set_value (adj, bounds.origin.y);
  self->placed_at = gtk_adjustment_get_value (adj);
  self->current = current;
  update_labels (self);
  render_near_pages (self);
  return G_SOURCE_REMOVE;
}

/**
 * cw_pdf_view_go_to_page:
 * @page: from 1
 */
void
cw_pdf_view_go_to_page (CwPdfView *self,
                        guint      page)
{
  guint n;

  g_return_if_fail (CW_IS_PDF_VIEW (self));
  if ((n = cw_pdf_view_get_n_pages (self)) == 0)
    return;
  self->current = CLAMP (page, 1, n) - 1;
  self->going_to = self->current;
  update_labels (self);
  self->syncing_thumbnail = TRUE;
  gtk_list_box_select_row (self->thumbnails,
                           gtk_list_box_get_row_at_index (self->thumbnails, self->current));
  self->syncing_thumbnail = FALSE;
  /* Once laid out at the present size. */
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_current, g_object_ref (self), g_object_unref);
}

/* Returns: the page shown, from 1 (0: none) */
guint
cw_pdf_view_get_page (CwPdfView *self)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), 0);
  return self->document != NULL ? self->current + 1 : 0;
}

guint
cw_pdf_view_get_n_pages (CwPdfView *self)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), 0);
  return self->page_data != NULL ? self->page_data->len : 0;
}

/* Whether page @page (from 1) is drawn from a render at the current zoom. */
gboolean
cw_pdf_view_page_is_rendered (CwPdfView *self,
                              guint      page)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), FALSE);
  if (page == 0 || page > cw_pdf_view_get_n_pages (self))
    return FALSE;
  return page_at (self, page - 1)->surface != NULL
         && page_at (self, page - 1)->surface_zoom == device_zoom (self);
}

static void
page_clear (Page *page)
{
  cancel_render (&page->render);
  cancel_render (&page->thumb_render);
  g_clear_pointer (&page->surface, cairo_surface_destroy);
  g_clear_pointer (&page->thumb_surface, cairo_surface_destroy);
}

/* Shows nothing (the empty state). */
void
cw_pdf_view_clear (CwPdfView *self)
{
  GtkWidget *child;

  g_return_if_fail (CW_IS_PDF_VIEW (self));
  g_clear_pointer (&self->page_data, g_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_box_remove (self->pages, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails))) != NULL)
    gtk_list_box_remove (self->thumbnails, child);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_array_set_size (self->matches, 0);
  self->match = -1;
  self->current = 0;
  self->going_to = G_MAXUINT;
  self->placed_at = -1;
  gtk_label_set_text (self->match_label, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_labels (self);
}

static GtkWidget *
thumbnail_new (CwPdfView *self,
               guint      index,
               Page      *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *label = gtk_label_new (number);

  page->thumb = gtk_drawing_area_new ();
  g_object_set_data (G_OBJECT (page->thumb), "cw-page", GUINT_TO_POINTER (index));
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (page->thumb), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (page->thumb),
                                       round (THUMB_WIDTH * page->height / page->width));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (page->thumb), draw_thumbnail, self, NULL);
  gtk_widget_set_halign (page->thumb, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (page->thumb, "cw-pdf-page");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), page->thumb);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
add_pages (CwPdfView *self)
{
  int n = poppler_document_get_n_pages (self->document);
  double thumb_zoom;

  self->page_data = g_array_sized_new (FALSE, TRUE, sizeof (Page), n);
  g_array_set_clear_func (self->page_data, (GDestroyNotify) page_clear);
  g_array_set_size (self->page_data, n);
  for (int i = 0; i < n; i++)
    {
      Page *page = page_at (self, i);
      PopplerPage *pp = poppler_document_get_page (self->document, i);

      poppler_page_get_size (pp, &page->width, &page->height);
      g_object_unref (pp);
      page->area = gtk_drawing_area_new ();
      g_object_set_data (G_OBJECT (page->area), "cw-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (page->area), draw_page, self, NULL);
      gtk_widget_add_css_class (page->area, "cw-pdf-page");
      gtk_box_append (self->pages, page->area);
      gtk_list_box_append (self->thumbnails, thumbnail_new (self, i, page));
      thumb_zoom = THUMB_WIDTH / page->width * gtk_widget_get_scale_factor (GTK_WIDGET (self));
      page->thumb_render = start_render (self, i, thumb_zoom, TRUE);
    }
}

/**
 * cw_pdf_view_load:
 * @file_name: what to call it when saved: "CR-2026-001 chronology v2.pdf"
 *
 * Shows @pdf from its first page, fitting the width.
 */
gboolean
cw_pdf_view_load (CwPdfView   *self,
                  GBytes      *pdf,
                  const char  *file_name,
                  GError     **error)
{
  PopplerDocument *document;

  g_return_val_if_fail (CW_IS_PDF_VIEW (self) && pdf != NULL, FALSE);
  G_LOCK (poppler);
  document = poppler_document_new_from_bytes (pdf, NULL, error);
  G_UNLOCK (poppler);
  if (document == NULL)
    {
      g_prefix_error (error, _("Could not show %s: "), file_name);
      return FALSE;
    }
  cw_pdf_view_clear (self);
  self->document = document;
  self->bytes = g_bytes_ref (pdf);
  self->file_name = g_strdup (file_name);
  G_LOCK (poppler);
  add_pages (self);
  G_UNLOCK (poppler);
  gtk_stack_set_visible_child_name (self->stack, "document");
  self->fit_width = TRUE;
  self->zoom = fit_width_zoom (self);
  size_pages (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
  cw_pdf_view_go_to_page (self, 1);
  if (strlen (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))) > 0)
    cw_pdf_view_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  return TRUE;
}

/* Finding text */

static void
update_match_label (CwPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->matches->len == 0)
    text = g_strdup (strlen (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))) > 0
                     ? _("Not found") : "");
  else
    /* Translators: the match shown, of how many found */
    text = g_strdup_printf (_("%d of %u"), self->match + 1, self->matches->len);
  gtk_label_set_text (self->match_label, text);
}

static void
add_matches_of_page (CwPdfView  *self,
                     guint       index,
                     const char *text)
{
  PopplerPage *page = poppler_document_get_page (self->document, index);
  double width, height;
  GList *found;

  poppler_page_get_size (page, &width, &height);
  found = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* Poppler counts from the bottom of the page. */
      Match match = { { r->x1, height - r->y2, r->x2, height - r->y1 }, index };
      g_array_append_val (self->matches, match);
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
}

static void
redraw_pages (CwPdfView *self)
{
  for (guint i = 0; self->page_data != NULL && i < self->page_data->len; i++)
    gtk_widget_queue_draw (page_at (self, i)->area);
}

static void
show_match (CwPdfView *self)
{
  Match *match;
  GtkAdjustment *adj;
  graphene_rect_t bounds;
  double scale;

  update_match_label (self);
  redraw_pages (self);
  if (self->match < 0)
    return;
  match = &g_array_index (self->matches, Match, self->match);
  self->current = match->page;
  update_labels (self);
  self->syncing_thumbnail = TRUE;
  gtk_list_box_select_row (self->thumbnails,
                           gtk_list_box_get_row_at_index (self->thumbnails, self->current));
  self->syncing_thumbnail = FALSE;
  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  if (!gtk_widget_compute_bounds (page_at (self, match->page)->area, GTK_WIDGET (self->pages),
                                  &bounds))
    {
      cw_pdf_view_go_to_page (self, match->page + 1);
      return;
    }
  /* The match a third of the way down the view. */
  scale = bounds.size.width / page_at (self, match->page)->width;
  gtk_adjustment_set_value (adj, bounds.origin.y + match->rect.y1 * scale
                                 - gtk_adjustment_get_page_size (adj) / 3);
  self->placed_at = gtk_adjustment_get_value (adj);
  render_near_pages (self);
}

/**
 * cw_pdf_view_find:
 *
 * Highlights every place @text is found (any case) and shows the first
 * from the current page on.
 *
 * Returns: how many were found
 */
guint
cw_pdf_view_find (CwPdfView  *self,
                  const char *text)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), 0);
  g_array_set_size (self->matches, 0);
  self->match = -1;
  if (self->document != NULL && text != NULL && *text != '\0')
    {
      G_LOCK (poppler);
      for (guint i = 0; i < self->page_data->len; i++)
        add_matches_of_page (self, i, text);
      G_UNLOCK (poppler);
    }
  for (guint i = 0; i < self->matches->len && self->match < 0; i++)
    if (g_array_index (self->matches, Match, i).page >= self->current)
      self->match = i;
  if (self->match < 0 && self->matches->len > 0)
    self->match = 0;
  show_match (self);
  return self->matches->len;
}

/**
 * cw_pdf_view_highlight:
 * @page: from 1
 *
 * Shows page @page with @text highlighted where it is on it (a hit of the
 * publication check).
 *
 * Returns: whether @text was found there
 */
gboolean
cw_pdf_view_highlight (CwPdfView  *self,
                       guint       page,
                       const char *text)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), FALSE);
  g_array_set_size (self->matches, 0);
  self->match = -1;
  if (page == 0 || page > cw_pdf_view_get_n_pages (self))
    return FALSE;
  if (text != NULL && *text != '\0')
    {
      G_LOCK (poppler);
      add_matches_of_page (self, page - 1, text);
      G_UNLOCK (poppler);
    }
  if (self->matches->len == 0)
    {
      redraw_pages (self);
      cw_pdf_view_go_to_page (self, page);
      return FALSE;
    }
  self->match = 0;
  show_match (self);
  return TRUE;
}

guint
cw_pdf_view_get_n_matches (CwPdfView *self)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), 0);
  return self->matches->len;
}

/* Returns: the match shown (from 0), or -1; @page: its page, from 1 */
int
cw_pdf_view_get_current_match (CwPdfView *self,
                               guint     *page)
{
  g_return_val_if_fail (CW_IS_PDF_VIEW (self), -1);
  if (page != NULL)
    *page = self->match >= 0 ? g_array_index (self->matches, Match, self->match).page + 1 : 0;
  return self->match;
}

static void
step_match (CwPdfView *self,
            int        step)
{
  if (self->matches->len == 0)
    return;
  self->match = (self->match + step + (int) self->matches->len) % (int) self->matches->len;
  show_match (self);
}

static void
on_find_changed (CwPdfView *self)
{
  cw_pdf_view_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

static gboolean
on_find_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CwPdfView             *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;
  step_match (self, (state & GDK_SHIFT_MASK) ? -1 : 1);
  return TRUE;
}

/* Saving, opening elsewhere, printing */

static void
show_error (CwPdfView  *self,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  CwPdfView       *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->bytes != NULL
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL
      && !g_file_replace_contents (file, g_bytes_get_data (self->bytes, NULL),
                                   g_bytes_get_size (self->bytes), NULL, FALSE,
                                   G_FILE_CREATE_NONE, NULL, NULL, &error))
    show_error (self, error->message);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->bytes == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Document"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A copy in the user's cache, for the system's viewer to open. */
static void
open_external_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "casewise", "preview", NULL);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->bytes == NULL)
    return;
  path = g_build_filename (dir, self->file_name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, g_bytes_get_data (self->bytes, NULL),
                                    g_bytes_get_size (self->bytes),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not write a copy to open in %s: %s"),
                                                  dir, error ? error->message
                                                             : g_strerror (errno));
      show_error (self, message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CwPdfView         *self)
{
  gtk_print_operation_set_n_pages (operation, (int) cw_pdf_view_get_n_pages (self));
}

static void
on_draw_print_page (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                index,
                    CwPdfView         *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PopplerPage *page;
  double width, height, scale;

  G_LOCK (poppler);
  page = poppler_document_get_page (self->document, index);
  poppler_page_get_size (page, &width, &height);
  /* Whole on the paper, whatever its size. */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
  G_UNLOCK (poppler);
}

static GtkPrintOperation *
print_operation_new (CwPdfView *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  double width = 0, height = 0;

  if (self->page_data != NULL && self->page_data->len > 0)
    {
      width = page_at (self, 0)->width;
      height = page_at (self, 0)->height;
    }
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, self->file_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_print_page), self);
  return operation;
}

/**
 * cw_pdf_view_print_to_file:
 *
 * Prints the document shown to @path as a PDF, as the print dialog's
 * "Print to File" does, without the dialog.
 */
gboolean
cw_pdf_view_print_to_file (CwPdfView   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (CW_IS_PDF_VIEW (self) && path != NULL, FALSE);
  if (self->document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No document is shown to print"));
      return FALSE;
    }
  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               CwPdfView               *self)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, error->message);
    }
  g_object_unref (operation);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);
  GtkPrintOperation *operation;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL)
    return;
  operation = print_operation_new (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), self);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

/* The other actions */

static void
zoom_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);

  if (g_str_equal (action, "pdf.fit-width"))
    {
      self->fit_width = TRUE;
      apply_zoom (self, fit_width_zoom (self));
    }
  else
    cw_pdf_view_set_zoom (self, g_str_equal (action, "pdf.zoom-in") ? self->zoom * ZOOM_STEP
                                                                    : self->zoom / ZOOM_STEP);
}

static void
page_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);
  guint n = cw_pdf_view_get_n_pages (self);
  guint page = self->current + 1;

  if (g_str_equal (action, "pdf.next-page"))
    page = MIN (page + 1, n);
  else if (g_str_equal (action, "pdf.previous-page"))
    page = MAX (page, 2) - 1;
  else if (g_str_equal (action, "pdf.first-page"))
    page = 1;
  else
    page = n;
  cw_pdf_view_go_to_page (self, page);
}

static void
find_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CwPdfView *self = CW_PDF_VIEW (widget);

  if (g_str_equal (action, "pdf.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
    }
  else
    step_match (self, g_str_equal (action, "pdf.find-next") ? 1 : -1);
}

static void
on_thumbnail_selected (CwPdfView     *self,
                       GtkListBoxRow *row)
{
  if (row != NULL && !self->syncing_thumbnail)
    cw_pdf_view_go_to_page (self, gtk_list_box_row_get_index (row) + 1);
}

static void
cw_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CwPdfView *self = CW_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->thumbnails_scroller == NULL
                                  || gtk_widget_get_visible (self->thumbnails_scroller));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CwPdfView *self = CW_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_THUMBNAILS:
      if (self->thumbnails_scroller != NULL)
        {
          self->thumbnails_chosen = TRUE;
          show_thumbnails (self, g_value_get_boolean (value));
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_pdf_view_dispose (GObject *object)
{
  CwPdfView *self = CW_PDF_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->matches != NULL)
    cw_pdf_view_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_PDF_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->matches, g_array_unref);
  G_OBJECT_CLASS (cw_pdf_view_parent_class)->dispose (object);
}

static void
add_shortcut (GtkWidgetClass  *widget_class,
              guint            keyval,
              GdkModifierType  mods,
              const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
cw_pdf_view_class_init (CwPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_pdf_view_dispose;
  object_class->get_property = cw_pdf_view_get_property;
  object_class->set_property = cw_pdf_view_set_property;
  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, fit_button);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, thumbnails_scroller);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, page_label);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, find_button);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, match_label);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwPdfView, pages);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "pdf.fit-width", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "pdf.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "pdf.open-external", NULL,
                                   open_external_activated);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, print_activated);
  gtk_widget_class_install_property_action (widget_class, "pdf.thumbnails", "show-thumbnails");

  add_shortcut (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in");
  add_shortcut (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in");
  add_shortcut (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in");
  add_shortcut (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out");
  add_shortcut (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out");
  add_shortcut (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.fit-width");
  add_shortcut (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find");
  add_shortcut (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pdf.print");
}

/* Page Up and Down, Home and End go by page in the pages, before the
 * scroller takes them to scroll by a screen. */
static void
add_page_keys (CwPdfView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Page_Down, "pdf.next-page" }, { GDK_KEY_KP_Page_Down, "pdf.next-page" },
    { GDK_KEY_Page_Up, "pdf.previous-page" }, { GDK_KEY_KP_Page_Up, "pdf.previous-page" },
    { GDK_KEY_Home, "pdf.first-page" }, { GDK_KEY_End, "pdf.last-page" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                        gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);
}

static void
cw_pdf_view_init (CwPdfView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkAdjustment *vadj, *hadj;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  self->match = -1;
  self->going_to = G_MAXUINT;
  self->placed_at = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  gtk_widget_set_focusable (GTK_WIDGET (self->scroller), TRUE);
  add_page_keys (self);
  g_object_bind_property (self->find_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_entry, "search-changed", G_CALLBACK (on_find_changed),
                            self);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_find_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), key);
  g_signal_connect_swapped (self->thumbnails, "row-selected", G_CALLBACK (on_thumbnail_selected),
                            self);
  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  g_signal_connect_swapped (vadj, "value-changed", G_CALLBACK (on_scroller_changed), self);
  g_signal_connect_swapped (vadj, "notify::page-size", G_CALLBACK (on_scroller_changed), self);
  g_signal_connect_swapped (vadj, "notify::upper", G_CALLBACK (on_scroller_changed), self);
  g_signal_connect_swapped (hadj, "notify::page-size", G_CALLBACK (on_scroller_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages of the document"), -1);
  update_labels (self);
}

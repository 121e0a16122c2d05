/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cw-report-private.h"
#include "cw-store.h"

/* The laid-out pages written as a PDF: each page's paint, its header (the
 * reference, the title, the marking) and footer (DRAFT or FINAL, the
 * marking, "Page X of Y"), a named destination at each heading, the
 * outline (bookmarks) pointing at them and links to them from the
 * contents. Cairo embeds the subsets of the fonts used. Nothing here
 * reads the time: the creation date is the document's, from the project's
 * clock, so the same document gives the same bytes. */

#define HEADER_GAP 14.0 /* between the header's baseline area and the page's content */
#define GREY_RULE  0.55

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

typedef struct
{
  CwReportLayout *layout;
  cairo_t        *cr;
  CwReportPen    *pen;
  guint           page;    /* from 1 */
  GArray         *listed;  /* guint: the anchors the contents lists, in order */
} Painter;

static cairo_status_t
write_sink (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL
      && g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (cairo_surface_t  *surface,
              CwReportDocument *document)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (document->created);
  g_autofree char *created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  if (document->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, document->author);
  if (document->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, document->subject);
  if (document->reference != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, document->reference);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Casewise " PACKAGE_VERSION);
  /* Else cairo writes the wall clock's time, and no two files are alike. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

static char *
anchor_name (guint anchor)
{
  return g_strdup_printf ("cw-anchor-%u", anchor);
}

/* Pieces of a page */

static void
grey (cairo_t *cr,
      double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
paint_dest (Painter             *p,
            const CwReportPaint *paint)
{
  g_autofree char *name = anchor_name (paint->first);
  /* Whole points: a decimal comma of the locale must not reach cairo. */
  g_autofree char *attributes = g_strdup_printf ("name='%s' x=%d y=%d", name, (int) paint->x,
                                                 (int) MAX (paint->y - 4, 0));

  cairo_tag_begin (p->cr, CAIRO_TAG_DEST, attributes);
  cairo_tag_end (p->cr, CAIRO_TAG_DEST);
}

static void
paint_contents (Painter             *p,
                const CwReportPaint *paint)
{
  guint anchor = paint->first < p->listed->len ? g_array_index (p->listed, guint, paint->first)
                                               : G_MAXUINT;
  const CwReportAnchor *target;
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *attributes = NULL;
  CwReportText *text;

  if (anchor == G_MAXUINT)
    return;
  target = &g_array_index (p->layout->anchors, CwReportAnchor, anchor);
  number = g_strdup_printf ("%u", target->page);
  text = cw_report_text_new (p->layout->fonts, CW_REPORT_FONT_BODY, number, FALSE, paint->w,
                             PANGO_ALIGN_RIGHT);
  cw_report_text_draw (text, p->pen, paint->x, paint->y, 0, 1);
  cw_report_text_free (text);
  cw_report_pen_flush (p->pen);
  name = anchor_name (anchor);
  attributes = g_strdup_printf ("dest='%s' rect=[%d %d %d %d]", name, (int) paint->x,
                                (int) paint->y, (int) paint->w, (int) (paint->h + 1));
  cairo_tag_begin (p->cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end (p->cr, CAIRO_TAG_LINK);
}

static void
paint_figure (Painter             *p,
              const CwReportPaint *paint)
{
  const CwReportBlock *figure = paint->figure;

  cairo_save (p->cr);
  cairo_translate (p->cr, paint->x, paint->y);
  cairo_scale (p->cr, paint->grey, paint->grey);
  cairo_rectangle (p->cr, 0, 0, figure->width, figure->height);
  cairo_clip (p->cr);
  figure->draw (p->cr, figure->width, figure->height, figure->data);
  cairo_restore (p->cr);
}

/* What goes under the text: shading, then the rules, stroked together. */
static void
paint_under (Painter *p,
             GArray  *page)
{
  const CwReportPaint *paints = (const CwReportPaint *) page->data;
  cairo_t *cr = p->cr;
  double width = 0;

  for (guint i = 0; i < page->len; i++)
    if (paints[i].kind == CW_REPORT_PAINT_FILL)
      {
        grey (cr, paints[i].grey);
        cairo_rectangle (cr, paints[i].x, paints[i].y, paints[i].w, paints[i].h);
        cairo_fill (cr);
      }
  grey (cr, GREY_RULE);
  for (guint i = 0; i < page->len; i++)
    if (paints[i].kind == CW_REPORT_PAINT_RULE)
      {
        if (paints[i].grey != width)
          {
            cairo_stroke (cr);
            cairo_set_line_width (cr, width = paints[i].grey);
          }
        cairo_move_to (cr, paints[i].x, paints[i].y);
        cairo_rel_line_to (cr, paints[i].w, paints[i].h);
      }
  cairo_stroke (cr);
}

/* The rest, over the text. */
static void
paint_over (Painter             *p,
            const CwReportPaint *paint)
{
  if (paint->kind == CW_REPORT_PAINT_FIGURE)
    paint_figure (p, paint);
  else if (paint->kind == CW_REPORT_PAINT_DEST)
    paint_dest (p, paint);
  else if (paint->kind == CW_REPORT_PAINT_CONTENTS)
    paint_contents (p, paint);
}

/* One line of text in the header or footer. */
static void
paint_label (Painter        *p,
             CwReportFont    font,
             const char     *text,
             double          y,
             PangoAlignment  alignment)
{
  CwReportLayout *layout = p->layout;
  CwReportText *label = cw_report_text_new (layout->fonts, font, text, FALSE,
                                            layout->right - layout->left, alignment);

  cw_report_text_draw (label, p->pen, layout->left, y, 0, 1);
  cw_report_text_free (label);
}

static void
paint_margins (Painter *p)
{
  CwReportLayout *layout = p->layout;
  CwReportDocument *document = layout->document;
  g_autofree char *header = document->reference
                              ? g_strdup_printf ("%s · %s", document->reference, document->title)
                              : g_strdup (document->title);
  /* TRANSLATORS: the footer of each page of a report */
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), p->page, layout->pages->len);
  double header_y = layout->top - HEADER_GAP - 10, footer_y = layout->bottom + HEADER_GAP;

  grey (p->cr, 0.25);
  paint_label (p, CW_REPORT_FONT_SMALL, header, header_y, PANGO_ALIGN_LEFT);
  paint_label (p, CW_REPORT_FONT_SMALL, page, footer_y, PANGO_ALIGN_RIGHT);
  paint_label (p, CW_REPORT_FONT_SMALL_BOLD,
               document->status == CW_REPORT_FINAL ? _("FINAL") : _("DRAFT"), footer_y,
               PANGO_ALIGN_LEFT);
  if (document->marking != NULL)
    {
      /* A protective marking at the top and the foot of every page. */
      paint_label (p, CW_REPORT_FONT_SMALL_BOLD, document->marking, header_y, PANGO_ALIGN_RIGHT);
      paint_label (p, CW_REPORT_FONT_SMALL_BOLD, document->marking, footer_y, PANGO_ALIGN_CENTER);
    }
  cw_report_pen_flush (p->pen);
  grey (p->cr, GREY_RULE);
  cairo_set_line_width (p->cr, 0.5);
  cairo_move_to (p->cr, layout->left, layout->top - HEADER_GAP + 4);
  cairo_line_to (p->cr, layout->right, layout->top - HEADER_GAP + 4);
  cairo_stroke (p->cr);
}

/* Shading and rules first, then all the text, gathered by the pen. */
static void
paint_page (Painter *p,
            GArray  *page)
{
  const CwReportPaint *paints = (const CwReportPaint *) page->data;

  paint_under (p, page);
  grey (p->cr, 0);
  for (guint i = 0; i < page->len; i++)
    if (paints[i].kind == CW_REPORT_PAINT_TEXT)
      cw_report_text_draw (paints[i].text, p->pen, paints[i].x, paints[i].y, paints[i].first,
                           paints[i].end);
  cw_report_pen_flush (p->pen);
  for (guint i = 0; i < page->len; i++)
    paint_over (p, &paints[i]);
  paint_margins (p);
  cairo_show_page (p->cr);
}

/* Every heading a bookmark, under the one before it of a lower level. */
static void
add_outline (cairo_surface_t *surface,
             CwReportLayout  *layout)
{
  int parents[5] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0, 0 };

  for (guint i = 0; i < layout->anchors->len; i++)
    {
      CwReportAnchor *anchor = &g_array_index (layout->anchors, CwReportAnchor, i);
      guint level = CLAMP (anchor->level, 1, 4);
      g_autofree char *name = anchor_name (i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", name);
      int parent = CAIRO_PDF_OUTLINE_ROOT;

      for (guint l = level - 1; l > 0 && parent == CAIRO_PDF_OUTLINE_ROOT; l--)
        parent = parents[l];
      anchor->outline_id = cairo_pdf_surface_add_outline (
        surface, parent, anchor->title, link, level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      parents[level] = anchor->outline_id;
      for (guint l = level + 1; l < G_N_ELEMENTS (parents); l++)
        parents[l] = 0;
    }
}

static GArray *
listed_anchors (CwReportLayout *layout)
{
  GArray *listed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < layout->anchors->len; i++)
    if (g_array_index (layout->anchors, CwReportAnchor, i).level <= 2)
      g_array_append_val (listed, i);
  return listed;
}

static gboolean
paint_pages (CwReportLayout  *layout,
             cairo_surface_t *surface,
             GCancellable    *cancellable)
{
  Painter p = { layout, cairo_create (surface), NULL, 0, listed_anchors (layout) };
  gboolean cancelled = FALSE;

  p.pen = cw_report_pen_new (p.cr);

  for (guint i = 0; i < layout->pages->len && !cancelled; i++)
    {
      p.page = i + 1;
      paint_page (&p, layout->pages->pdata[i]);
      cancelled = g_cancellable_is_cancelled (cancellable);
    }
  cw_report_pen_free (p.pen);
  cairo_destroy (p.cr);
  g_array_unref (p.listed);
  return !cancelled;
}

/**
 * cw_report_document_write:
 * @out: where the PDF goes
 * @n_pages: (out) (optional): how many pages it has
 *
 * Lays out @self and writes it as a PDF. Any thread may do this, one
 * document at a time: the document is only read.
 *
 * Returns: whether all of it was written
 */
gboolean
cw_report_document_write (CwReportDocument *self,
                          GOutputStream    *out,
                          guint            *n_pages,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr (CwReportLayout) layout = NULL;
  g_autoptr (GOutputStream) buffered = NULL;
  Sink sink = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean complete;

  g_return_val_if_fail (self != NULL && G_IS_OUTPUT_STREAM (out), FALSE);

  if ((layout = cw_report_layout_new (self, cancellable, error)) == NULL)
    return FALSE;
  /* Cairo writes a PDF in many small pieces. */
  buffered = g_buffered_output_stream_new_sized (out, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  sink.out = buffered;
  surface = cairo_pdf_surface_create_for_stream (write_sink, &sink, layout->width, layout->height);
  set_metadata (surface, self);
  complete = paint_pages (layout, surface, cancellable);
  add_outline (surface, layout);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error == NULL)
    g_output_stream_flush (buffered, cancellable, &sink.error);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (!complete)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_WRITE, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = layout->pages->len;
  return TRUE;
}

/**
 * cw_report_document_write_file:
 * @store: the database open: the file is never written over it, its
 *   journal or its backups
 * @path: the PDF to write, readable by its owner alone; a file already
 *   there is replaced only once the new one is complete
 *
 * Returns: whether the file was written
 */
gboolean
cw_report_document_write_file (CwReportDocument *self,
                               CwStore          *store,
                               const char       *path,
                               guint            *n_pages,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr (CwStoreOutput) output = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL && CW_IS_STORE (store) && path != NULL, FALSE);

  if ((output = cw_store_output_new (store, path, error)) == NULL)
    return FALSE;
  if (cw_report_document_write (self, cw_store_output_get_stream (output), n_pages, cancellable,
                                &local_error))
    return cw_store_output_commit (output, cancellable, error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_WRITE,
                 _("Could not write the report to “%s”: %s"), path, local_error->message);
  return FALSE;
}

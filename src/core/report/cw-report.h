/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cw-page-size.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* A report as a document: a title page, headings, paragraphs, lists, tables
 * and figures in order, laid out on A4 pages with Pango and written as a
 * PDF with cairo, with a protective marking, the review's reference and
 * "Page X of Y" on every page, bookmarks from the headings and links from
 * the contents page. Building one touches no database and no display, so
 * it can be done on any thread from a snapshot of the data; the same
 * document written under the same clock gives the same bytes. */

#define CW_REPORT_ERROR (cw_report_error_quark ())

typedef enum /*< skip >*/
{
  CW_REPORT_ERROR_WRITE,    /* the file could not be written */
  CW_REPORT_ERROR_DOCUMENT, /* no such document for this review */
  CW_REPORT_ERROR_TEMPLATE, /* a document's template is wrong: the message names file and line */
} CwReportError;

typedef enum
{
  CW_REPORT_PORTRAIT,
  CW_REPORT_LANDSCAPE,
} CwReportOrientation;

typedef enum
{
  CW_REPORT_DRAFT,
  CW_REPORT_FINAL,
} CwReportStatus;

typedef enum
{
  CW_REPORT_ROW_NORMAL,
  CW_REPORT_ROW_SHADED, /* set apart from the rows around it, e.g. a gap in contact */
} CwReportRowStyle;

/* The marking of a document for the review group and agencies only. */
#define CW_REPORT_MARKING_INTERNAL "OFFICIAL-SENSITIVE"

/* The most columns a table may have */
#define CW_REPORT_MAX_COLUMNS 64

/* A4 portrait, in points */
#define CW_REPORT_A4_WIDTH  CW_PAGE_A4_SHORT
#define CW_REPORT_A4_HEIGHT CW_PAGE_A4_LONG

/* Draws a figure as vectors: (0, 0) is its top left corner and @width by
 * @height its size in points, as given to cw_report_document_add_figure(),
 * whatever scale it is drawn at. */
typedef void (*CwReportDrawFunc) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  user_data);

typedef struct _CwReportDocument CwReportDocument;
typedef struct _CwReportTable    CwReportTable;

GQuark            cw_report_error_quark              (void);

CwReportDocument *cw_report_document_new             (const char         *title);
void              cw_report_document_free            (CwReportDocument   *self);
const char       *cw_report_document_get_title       (CwReportDocument   *self);
void              cw_report_document_set_orientation (CwReportDocument   *self,
                                                      CwReportOrientation orientation);
void              cw_report_document_set_margins     (CwReportDocument   *self,
                                                      double              top,
                                                      double              right,
                                                      double              bottom,
                                                      double              left);
void              cw_report_document_set_reference  (CwReportDocument   *self,
                                                      const char         *reference);
void              cw_report_document_set_marking     (CwReportDocument   *self,
                                                      const char         *marking);
void              cw_report_document_set_status      (CwReportDocument   *self,
                                                      CwReportStatus      status);
void              cw_report_document_set_author      (CwReportDocument   *self,
                                                      const char         *author);
void              cw_report_document_set_subject     (CwReportDocument   *self,
                                                      const char         *subject);
void              cw_report_document_set_created     (CwReportDocument   *self,
                                                      GDateTime          *created);

/* Content, in reading order */
void              cw_report_document_add_title_page  (CwReportDocument   *self,
                                                      const char         *subtitle,
                                                      const char * const *pairs);
void              cw_report_document_set_title_logo  (CwReportDocument   *self,
                                                      double              width,
                                                      double              height,
                                                      CwReportDrawFunc    draw,
                                                      gpointer            user_data,
                                                      GDestroyNotify      destroy);
void              cw_report_document_add_contents    (CwReportDocument   *self);
void              cw_report_document_add_heading     (CwReportDocument   *self,
                                                      guint               level,
                                                      const char         *text);
void              cw_report_document_add_paragraph   (CwReportDocument   *self,
                                                      const char         *markup);
void              cw_report_document_add_text        (CwReportDocument   *self,
                                                      const char         *text);
void              cw_report_document_add_list        (CwReportDocument   *self,
                                                      gboolean            numbered,
                                                      const char * const *items);
void              cw_report_document_add_key_values  (CwReportDocument   *self,
                                                      const char * const *pairs);
CwReportTable    *cw_report_document_add_table       (CwReportDocument   *self,
                                                      guint               n_columns,
                                                      const double       *widths);
void              cw_report_document_add_figure      (CwReportDocument   *self,
                                                      double              width,
                                                      double              height,
                                                      CwReportDrawFunc    draw,
                                                      gpointer            user_data,
                                                      GDestroyNotify      destroy,
                                                      const char         *caption);
void              cw_report_document_add_page_break  (CwReportDocument   *self);
void              cw_report_document_add_divider     (CwReportDocument   *self,
                                                      const char         *title);

void              cw_report_table_set_header         (CwReportTable      *table,
                                                      const char * const *cells);
void              cw_report_table_add_row            (CwReportTable      *table,
                                                      CwReportRowStyle    style,
                                                      const char * const *cells);
void              cw_report_table_add_row_markup     (CwReportTable      *table,
                                                      CwReportRowStyle    style,
                                                      const char * const *cells);
void              cw_report_table_add_span           (CwReportTable      *table,
                                                      CwReportRowStyle    style,
                                                      const char         *text);
void              cw_report_table_add_divider        (CwReportTable      *table,
                                                      const char         *title);
guint             cw_report_table_get_n_rows         (CwReportTable      *table);

/* Writing (cw-report-render.c) */
gboolean          cw_report_document_write           (CwReportDocument   *self,
                                                      GOutputStream      *out,
                                                      guint              *n_pages,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
gboolean          cw_report_document_write_file      (CwReportDocument   *self,
                                                      CwStore            *store,
                                                      const char         *path,
                                                      guint              *n_pages,
                                                      GCancellable       *cancellable,
                                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReportDocument, cw_report_document_free)

G_END_DECLS

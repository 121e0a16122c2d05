/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A PDF shown with Poppler (the only file of the app that calls it): its
 * pages rendered off the main thread at the current zoom, thumbnails,
 * finding text, saving, opening elsewhere and printing. */

#define CW_TYPE_PDF_VIEW (cw_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (CwPdfView, cw_pdf_view, CW, PDF_VIEW, GtkWidget)

gboolean  cw_pdf_view_load              (CwPdfView   *self,
                                         GBytes      *pdf,
                                         const char  *file_name,
                                         GError     **error);
void      cw_pdf_view_clear             (CwPdfView   *self);
guint     cw_pdf_view_get_n_pages       (CwPdfView   *self);
guint     cw_pdf_view_get_page          (CwPdfView   *self);
void      cw_pdf_view_go_to_page        (CwPdfView   *self,
                                         guint        page);
double    cw_pdf_view_get_zoom          (CwPdfView   *self);
void      cw_pdf_view_set_zoom          (CwPdfView   *self,
                                         double       zoom);
gboolean  cw_pdf_view_page_is_rendered  (CwPdfView   *self,
                                         guint        page);
guint     cw_pdf_view_find              (CwPdfView   *self,
                                         const char  *text);
gboolean  cw_pdf_view_highlight         (CwPdfView   *self,
                                         guint        page,
                                         const char  *text);
guint     cw_pdf_view_get_n_matches     (CwPdfView   *self);
int       cw_pdf_view_get_current_match (CwPdfView   *self,
                                         guint       *page);
gboolean  cw_pdf_view_print_to_file     (CwPdfView   *self,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS

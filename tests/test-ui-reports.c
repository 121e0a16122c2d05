/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports section in a real window under Xvfb: a document of the
 * sample review generated in a job, previewed with Poppler (page 1 drawn,
 * text found and highlighted, pages by keyboard, zoom), printed to a file,
 * and checked before publishing. */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <gtk/gtk.h>
#include <poppler.h>

#include "cw-core.h"
#include "cw-pdf-view.h"
#include "cw-register-entities.h"
#include "cw-report-entities.h"
#include "cw-reports-page.h"
#include "test-ui-helpers.h"

static CwReportsPage *
reports_page (Ui *ui)
{
  return CW_REPORTS_PAGE (cw_review_view_get_part (review_view (ui), "reports"));
}

static CwPdfView *
pdf_view (Ui *ui)
{
  return CW_PDF_VIEW (cw_review_view_get_part (review_view (ui), "reports-pdf"));
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child);
  return n;
}

static void
open_sample_reports (Ui *ui)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.open-sample", NULL));
  drain_events ();
  show_section (ui, "reports");
  wait_for_draw (GTK_WIDGET (reports_page (ui)));
}

/* Generates @document and waits for it to be shown; returns its id. */
static gint64
generate (Ui         *ui,
          const char *document,
          gboolean    anonymised)
{
  CwReportsPage *page = reports_page (ui);
  gint64 before = cw_reports_page_get_shown (page);

  cw_reports_page_generate (page, document, anonymised, FALSE);
  g_assert_true (cw_reports_page_is_busy (page));
  wait_for (!cw_reports_page_is_busy (page));
  drain_events ();
  g_assert_cmpint (cw_reports_page_get_shown (page), >, 0);
  g_assert_cmpint (cw_reports_page_get_shown (page), !=, before);
  return cw_reports_page_get_shown (page);
}

static void
check (Ui *ui)
{
  CwReportsPage *page = reports_page (ui);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.check", NULL));
  g_assert_true (cw_reports_page_is_busy (page));
  wait_for (!cw_reports_page_is_busy (page));
  drain_events ();
}

static int
action_enabled (GtkWidget  *widget,
                const char *button_action)
{
  /* The buttons naming the action follow whether it is enabled. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), button_action)
               == 0)
        return gtk_widget_get_sensitive (child);
      if (gtk_widget_get_first_child (child) != NULL)
        {
          int found = action_enabled (child, button_action);
          if (found >= 0)
            return found;
        }
    }
  return -1;
}

/* The practice review report generated in the background, listed, and
 * shown from page 1; a word found and highlighted; Page Down goes on a
 * page; zooming renders again; printing to a file gives its pages. */
static void
test_generate_preview_print (Ui *ui, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *printed;
  CwPdfView *pdf;
  guint n_pages, match_page = 0;
  double zoom;

  open_sample_reports (ui);
  g_assert_cmpuint (n_rows (view_part (ui, "reports-documents")), ==, 0);
  generate (ui, "practice-review", FALSE);
  g_assert_cmpuint (n_rows (view_part (ui, "reports-documents")), ==, 1);

  pdf = pdf_view (ui);
  n_pages = cw_pdf_view_get_n_pages (pdf);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (cw_pdf_view_get_page (pdf), ==, 1);
  wait_for (cw_pdf_view_page_is_rendered (pdf, 1));

  g_assert_cmpuint (cw_pdf_view_find (pdf, "recommendations"), >, 0);
  g_assert_cmpint (cw_pdf_view_get_current_match (pdf, &match_page), ==, 0);
  g_assert_cmpuint (match_page, >=, 1);
  g_assert_cmpuint (cw_pdf_view_get_page (pdf), ==, match_page);
  g_assert_cmpuint (cw_pdf_view_find (pdf, "no such words anywhere"), ==, 0);
  g_assert_cmpint (cw_pdf_view_get_current_match (pdf, NULL), ==, -1);

  cw_pdf_view_go_to_page (pdf, 1);
  drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pdf), "pdf.next-page", NULL));
  drain_events ();
  g_assert_cmpuint (cw_pdf_view_get_page (pdf), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pdf), "pdf.last-page", NULL));
  drain_events ();
  g_assert_cmpuint (cw_pdf_view_get_page (pdf), ==, n_pages);

  zoom = cw_pdf_view_get_zoom (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pdf), "pdf.zoom-in", NULL));
  g_assert_cmpfloat (cw_pdf_view_get_zoom (pdf), >, zoom);
  g_assert_false (cw_pdf_view_page_is_rendered (pdf, n_pages));
  wait_for (cw_pdf_view_page_is_rendered (pdf, n_pages));

  path = g_build_filename (ui->dir, "printed.pdf", NULL);
  g_assert_true (cw_pdf_view_print_to_file (pdf, path, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, NULL);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, n_pages);
  g_object_unref (printed);
}

/* The full report names the child: each hit listed, going to its page
 * with it highlighted, and the document cannot be marked publishable. The
 * one with pseudonyms is clean; a publishable kind, clean, can be marked. */
static void
test_publication_check (Ui *ui, gconstpointer data)
{
  CwReportsPage *page;
  GtkWidget *hits;
  GtkListBoxRow *first;
  CwPdfView *pdf;
  g_autoptr (CwRecord) row = NULL;
  gint64 id;

  open_sample_reports (ui);
  page = reports_page (ui);
  pdf = pdf_view (ui);
  hits = view_part (ui, "reports-hits");
  generate (ui, "practice-review", FALSE);
  check (ui);
  g_assert_cmpuint (n_rows (hits), >, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (hits,
                                                                  GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpint (action_enabled (GTK_WIDGET (page), "reports.mark-publishable"), ==, 0);

  cw_pdf_view_go_to_page (pdf, 1);
  drain_events ();
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (hits), 0);
  g_signal_emit_by_name (first, "activate");
  drain_events ();
  g_assert_cmpuint (cw_pdf_view_get_n_matches (pdf), >, 0);
  g_assert_cmpint (cw_pdf_view_get_current_match (pdf, NULL), ==, 0);
  g_assert_cmpuint (cw_pdf_view_get_page (pdf), >, 1);

  generate (ui, "practice-review", TRUE);
  g_assert_cmpuint (n_rows (hits), ==, 0);
  check (ui);
  g_assert_cmpuint (n_rows (hits), ==, 0);
  /* Clean, but for the review group only. */
  g_assert_cmpint (action_enabled (GTK_WIDGET (page), "reports.mark-publishable"), ==, 0);

  id = generate (ui, "learning-summary", TRUE);
  g_assert_cmpint (action_enabled (GTK_WIDGET (page), "reports.mark-publishable"), ==, 0);
  check (ui);
  g_assert_cmpuint (n_rows (hits), ==, 0);
  g_assert_cmpint (action_enabled (GTK_WIDGET (page), "reports.mark-publishable"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.mark-publishable",
                                             NULL));
  drain_events ();
  row = cw_store_get (ui->store, &cw_entity_generated_document, id, NULL);
  g_assert_cmpstr (cw_record_get (row, "publishable"), ==, "yes");
  g_assert_cmpint (action_enabled (GTK_WIDGET (page), "reports.mark-publishable"), ==, 0);
  g_assert_cmpuint (n_rows (view_part (ui, "reports-documents")), ==, 3);
}

/* Cancelled while generating: nothing is kept and the window goes on. */
static void
test_cancel (Ui *ui, gconstpointer data)
{
  CwReportsPage *page;
  g_autoptr (GListModel) rows = NULL;

  open_sample_reports (ui);
  page = reports_page (ui);
  cw_reports_page_generate (page, "chronology", FALSE, FALSE);
  g_assert_true (cw_reports_page_is_busy (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.cancel", NULL));
  wait_for (!cw_reports_page_is_busy (page));
  drain_events ();
  g_assert_cmpint (cw_reports_page_get_shown (page), ==, 0);
  rows = cw_store_list (ui->store, &cw_entity_generated_document,
                        cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list"))),
                        NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
}

/* At 1024 by 700 with the list of reviews shown, the preview and its
 * tools lie inside the window beside the Reports column. */
static void
test_fits_small_window (Ui *ui, gconstpointer data)
{
  GtkWidget *pdf;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1024, 700);
  open_sample_reports (ui);
  generate (ui, "practice-review", FALSE);
  pdf = GTK_WIDGET (pdf_view (ui));
  wait_for_draw (pdf);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 1024);
  for (GtkWidget *w = pdf; w != NULL; w = gtk_widget_get_first_child (w))
    {
      /* Down the first children: the toolbar, its first button... and the
       * last child of each, which would be cut first. */
      GtkWidget *last = gtk_widget_get_last_child (w);
      g_assert_true (gtk_widget_compute_bounds (w, GTK_WIDGET (ui->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (ui->window)));
      if (last != NULL && gtk_widget_get_visible (last))
        {
          g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (ui->window), &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                             gtk_widget_get_width (GTK_WIDGET (ui->window)));
        }
    }
  wait_for (cw_pdf_view_page_is_rendered (CW_PDF_VIEW (pdf), 1));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cw_core_init ();

#define ADD(path, func) g_test_add ("/ui-reports/" path, Ui, NULL, ui_set_up, func, ui_tear_down)
  ADD ("generate-preview-print", test_generate_preview_print);
  ADD ("publication-check", test_publication_check);
  ADD ("cancel", test_cancel);
  ADD ("fits-small-window", test_fits_small_window);
#undef ADD

  return g_test_run ();
}
